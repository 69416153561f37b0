import { z } from "zod";
import { emailSchema } from "../users/schemas";

// Request and response schemas of the admin API (ours). Pure zod: the /api/admin routes, the
// dashboard's forms and the OpenAPI document share them.

export const ADMIN_PAGE_SIZE = 25;

const isoDate = z.string().describe("ISO 8601");

// --- requests -----------------------------------------------------------------------------------

// within the 32-bit range of the id column on PostgreSQL (a larger id would fail in the database)
export const userIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647, "is out of range") });
export type UserIdParams = z.infer<typeof userIdParams>;

export const mailIdParams = z.object({ id: z.string().min(1).max(64) });

/** Every action's body: `{}` (a missing or empty body counts as `{}`). */
export const actionBody = z.object({});

export const createUserBody = z.object({
  email: emailSchema.describe(
    "The new account's address. The account has no password yet: it receives a link to set one (valid 24 hours).",
  ),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const userFilters = ["2fa-on", "2fa-off", "locked", "admin"] as const;
export type UserFilter = (typeof userFilters)[number];

export const userSorts = ["email", "-email", "created", "-created"] as const;
export type UserSort = (typeof userSorts)[number];

export const matchModes = ["prefix", "contains"] as const;
export type MatchMode = (typeof matchModes)[number];

/** An opaque keyset position: the sort key and id of a row, which side of it, and its offset (for display). */
export interface Cursor {
  /** the sort order the cursor belongs to */
  s: string;
  /** the sort key of the row: an email, or a createdAt in ISO 8601 */
  k: string;
  id: number | string;
  /** "a": the rows after this one; "b": the rows before it */
  d: "a" | "b";
  /** how many rows come before the page this cursor opens */
  o: number;
}

const cursorShape = z.object({
  s: z.string().max(32),
  k: z.string().max(320),
  id: z.union([z.number().int().positive(), z.string().min(1).max(64)]),
  d: z.enum(["a", "b"]),
  o: z.number().int().min(0),
});

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

export const cursorParam = z
  .string()
  .max(600, "must be at most 600 characters")
  .transform((value, ctx) => {
    try {
      return cursorShape.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8"))) as Cursor;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a cursor from a previous page" });
      return z.NEVER;
    }
  });

export const userListQuery = z.object({
  query: z
    .string()
    .max(256, "must be at most 256 characters")
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined)
    .describe("Part of the email address, compared case-insensitively"),
  match: z
    .enum(matchModes, { message: "must be prefix or contains" })
    .default("prefix")
    .describe(
      "`prefix` (default) uses the email index and stays fast on large tables; `contains` finds the text anywhere in the address but reads every account",
    ),
  filter: z
    .string()
    .max(100, "must be at most 100 characters")
    .optional()
    .transform((value, ctx) => {
      const parts = (value ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const part of parts) {
        if (!(userFilters as readonly string[]).includes(part)) {
          ctx.addIssue({ code: "custom", message: `must be a comma-separated list of ${userFilters.join(", ")}` });
          return z.NEVER;
        }
      }
      return [...new Set(parts)] as UserFilter[];
    })
    .describe(`Comma-separated, all must hold: ${userFilters.join(", ")}`),
  sort: z
    .enum(userSorts, { message: `must be one of ${userSorts.join(", ")}` })
    .default("email")
    .describe("`email` / `-email` (A→Z / Z→A), `created` / `-created` (oldest / newest first)"),
  cursor: cursorParam.optional().describe("`nextCursor` or `prevCursor` of a previous page (same query, filter and sort)"),
});
export type UserListQuery = z.input<typeof userListQuery>;
export type ParsedUserListQuery = z.output<typeof userListQuery>;

export const mailStatuses = ["sent", "failed"] as const;

export const mailListQuery = z.object({
  status: z.enum(mailStatuses, { message: "must be sent or failed" }).optional(),
  to: z
    .string()
    .max(256, "must be at most 256 characters")
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined)
    .describe("Only messages to this exact address"),
  cursor: cursorParam.optional().describe("`nextCursor` or `prevCursor` of a previous page (same filters)"),
});
export type ParsedMailListQuery = z.output<typeof mailListQuery>;

// --- responses ----------------------------------------------------------------------------------

const page = {
  total: z.number().int().min(0).describe("rows matching the query and filters"),
  from: z.number().int().min(0).describe("1-based position of the first row of this page (0 when empty)"),
  to: z.number().int().min(0),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
};

export const userSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  role: z.enum(["user", "admin"]),
  lockedAt: isoDate.nullable(),
  createdAt: isoDate,
  twoFactor: z
    .object({ totp: z.boolean(), emailOtp: z.boolean(), passkeys: z.number().int().min(0).describe("how many passkeys the account has") })
    .describe("which methods are active"),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userListResponse = z.object({ users: z.array(userSummary), ...page });
export type UserListResponse = z.infer<typeof userListResponse>;

export const throttlePurposes = ["password", "totp", "emailOtp", "recoveryCode", "passkey"] as const;

export const userDetailResponse = z.object({
  user: userSummary.extend({ updatedAt: isoDate, hasPassword: z.boolean() }),
  twoFactor: z.object({
    enabled: z.boolean(),
    totp: z
      .object({ activatedAt: isoDate.nullable(), pending: z.boolean().describe("a new secret is set up but not activated") })
      .nullable(),
    emailOtp: z.object({ email: z.string().nullable(), activatedAt: isoDate.nullable(), pendingEmail: z.string().nullable() }).nullable(),
    recoveryCodes: z.object({ remaining: z.number().int().min(0), total: z.number().int().min(0), createdAt: isoDate.nullable() }),
    passkeys: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: isoDate,
        lastUsedAt: isoDate.nullable(),
        signCounter: z.number().int().min(0).describe("the authenticator's last sign counter (0: it keeps none)"),
      }),
    ),
  }),
  sessions: z.array(
    z.object({ id: z.string(), createdAt: isoDate, lastUsedAt: isoDate, ip: z.string().nullable(), userAgent: z.string().nullable() }),
  ),
  throttles: z.array(
    z.object({
      purpose: z.enum(throttlePurposes),
      failures: z.number().int().min(0).describe("consecutive failures"),
      blockedUntil: isoDate.nullable().describe("the next check waits until then"),
      waitSeconds: z.number().int().min(0).describe("seconds until the next check may run; 0 = now"),
      updatedAt: isoDate.nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      createdAt: isoDate,
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      actor: z.object({ id: z.number().int(), email: z.string() }).nullable().describe("the administrator who acted on the account"),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type UserDetail = z.infer<typeof userDetailResponse>;

export const createUserResponse = z.object({
  user: userSummary,
  setupLinkSent: z.boolean().describe("false when the set-password mail could not be sent: send a password reset to retry"),
});
export type CreateUserResult = z.infer<typeof createUserResponse>;

export const addressAvailabilityResponse = z.object({
  available: z.boolean().describe("false when an account already has this address (compared case-insensitively)"),
});

export const revokeSessionsResponse = z.object({ sessionsEnded: z.number().int().min(0) });
export const resetTwoFactorResponse = z.object({
  removed: z.object({
    totp: z.boolean(),
    emailOtp: z.boolean(),
    passkeys: z.number().int().min(0),
    recoveryCodes: z.number().int().min(0),
  }),
});

export const chartKinds = ["login.success", "login.failure", "throttle.triggered"] as const;
export const OVERVIEW_DAYS = 30;

export const overviewResponse = z.object({
  accounts: z.number().int(),
  admins: z.number().int(),
  locked: z.number().int(),
  twoFactor: z.object({
    any: z.number().int().describe("accounts with at least one active method"),
    totp: z.number().int(),
    emailOtp: z.number().int(),
    both: z.number().int(),
    passkey: z.number().int().describe("accounts with at least one passkey"),
  }),
  days: z
    .array(
      z.object({
        day: z.string().describe("YYYY-MM-DD (UTC)"),
        signIns: z.number().int(),
        failedSignIns: z.number().int(),
        throttles: z.number().int(),
      }),
    )
    .describe(`the last ${OVERVIEW_DAYS} days, oldest first, today included`),
});
export type Overview = z.infer<typeof overviewResponse>;

export const mailSummary = z.object({
  id: z.string(),
  createdAt: isoDate,
  status: z.string().describe("sent | failed"),
  transport: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  template: z.string(),
  origin: z.string(),
  language: z.string(),
  error: z.string().nullable(),
  userId: z.number().int().nullable(),
});
export type MailSummaryRow = z.infer<typeof mailSummary>;

export const mailListResponse = z.object({ messages: z.array(mailSummary), ...page });
export type MailListResponse = z.infer<typeof mailListResponse>;

export const mailMessageResponse = mailSummary.extend({ fromAddress: z.string(), html: z.string(), text: z.string() });
export type MailMessageDetail = z.infer<typeof mailMessageResponse>;
