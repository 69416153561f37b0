import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/app/guards";
import { DateTime } from "@/components/admin/date-time";
import { Card } from "@/components/ui/card";
import { mailMessage } from "@/lib/admin/mail-log";
import { mailIdParams, type MailMessageDetail } from "@/lib/admin/schemas";
import { ApiError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MailMessagePage");
  return { title: t("title") };
}

type Row = "time" | "to" | "from" | "status" | "template" | "origin" | "transport";

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const [, t] = await Promise.all([requireAdminPage(), getTranslations("MailMessagePage")]);
  const parsed = mailIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  let message: MailMessageDetail;
  try {
    message = await mailMessage(parsed.data.id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const rows: [Row, React.ReactNode][] = [
    ["time", <DateTime key="time" iso={message.createdAt} />],
    [
      "to",
      message.userId ? (
        <Link href={`/admin/users/${message.userId}`} className="text-brand underline">
          {message.toAddress}
        </Link>
      ) : (
        message.toAddress
      ),
    ],
    ["from", message.fromAddress],
    ["status", message.status === "sent" ? t("sent") : message.error ? t("failedWith", { error: message.error }) : t("failed")],
    ["template", message.template],
    ["origin", `${message.origin} · ${message.language}`],
    ["transport", message.transport],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/mail" className="text-sm text-brand underline-offset-2 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{message.subject || message.template}</h1>
      </div>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([row, value]) => (
            <div key={row} className="contents">
              <dt className="text-slate-600">{t(`rows.${row}`)}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t("asHtml")}>
        {/* sandbox without any allow-* token: no scripts, no forms, no same-origin access, no navigation of this page */}
        <iframe
          title={t("htmlFrame", { subject: message.subject })}
          sandbox=""
          srcDoc={message.html}
          referrerPolicy="no-referrer"
          className="h-[32rem] w-full rounded border border-slate-200 bg-white"
        />
      </Card>
      <Card title={t("asText")}>
        <pre className="max-h-[32rem] overflow-auto rounded bg-slate-50 p-4 text-sm whitespace-pre-wrap">{message.text}</pre>
      </Card>
    </div>
  );
}
