import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { keysetPage } from "./keyset";
import type { MailListResponse, MailMessageDetail, MailSummaryRow, ParsedMailListQuery } from "./schemas";

// GET /admin/mail and /admin/mail/{id}: every message any transport handled (the MailMessage
// table), newest first, 25 a page by keyset over the createdAt index.

const summarySelect = {
  id: true,
  createdAt: true,
  status: true,
  transport: true,
  toAddress: true,
  subject: true,
  template: true,
  origin: true,
  language: true,
  error: true,
  userId: true,
} satisfies Prisma.MailMessageSelect;

type Row = Prisma.MailMessageGetPayload<{ select: typeof summarySelect }>;

const toSummary = (row: Row): MailSummaryRow => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function listMail(query: ParsedMailListQuery): Promise<MailListResponse> {
  const where: Prisma.MailMessageWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.to ? { toAddress: query.to } : {}),
  };
  const { rows, ...page } = await keysetPage({
    order: { name: "mail", field: "createdAt", dir: "desc", kind: "date" },
    where: where as Record<string, unknown>,
    cursor: query.cursor,
    count: () => db.mailMessage.count({ where }),
    find: (args) => db.mailMessage.findMany({ ...(args as Prisma.MailMessageFindManyArgs), select: summarySelect }) as Promise<Row[]>,
    keyOf: (row) => row.createdAt.toISOString(),
  });
  return { messages: rows.map(toSummary), ...page };
}

export async function mailMessage(id: string): Promise<MailMessageDetail> {
  const row = await db.mailMessage.findUnique({ where: { id } });
  if (!row) throw notFound("MAIL_NOT_FOUND");
  return {
    ...toSummary(row),
    fromAddress: row.fromAddress,
    html: row.html,
    text: row.text,
  };
}
