import { availableParallelism } from "node:os";
import { z } from "zod";

// Every setting Gatehouse reads from the environment, with its default: lib/ reads the
// environment only here (./config.test.ts checks). Configuration is read once,
// validated, and frozen. On the embedded default, scripts/start.ts generates missing secrets into
// .env.local before the server starts; anywhere else a missing secret stops the process with a
// message that names it.
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

/**
 * What code needs while its modules load: the database connection, the log, the hash pool. Those
 * modules load where the secrets may not exist yet (`next build` imports every route; scripts
 * such as scripts/user.ts), so these settings have defaults and are read without the rest.
 */
const loadTimeFields = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("file:./prisma/dev.db"),
  /** PostgreSQL connections per instance */
  DATABASE_POOL_SIZE: z
    .string()
    .optional()
    .transform((v) => Number(v ?? 10)),
  /** lib/db/sqlite.ts explains the trade: FULL waits for fsync on every commit; anything else is NORMAL */
  SQLITE_SYNCHRONOUS: z
    .string()
    .optional()
    .transform((v): "FULL" | "NORMAL" => (v === "FULL" ? "FULL" : "NORMAL")),
  /** argon2id hashes at once (lib/passwords/hash.ts); unset, 0 or not a number: the core count */
  HASH_CONCURRENCY: z
    .string()
    .optional()
    .transform((v) => Math.max(1, Number(v) || availableParallelism())),
  /** unset: `warn` under test, `info` otherwise (lib/log) */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
};

const schema = z
  .object({
    ...loadTimeFields,
    APP_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    ENCRYPTION_KEY: base64Key,
    MAIL_TRANSPORT: z.enum(["outbox", "smtp", "resend"]).default("outbox"),
    SMTP_URL: z.string().optional(),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FORBIDDEN_DOMAINS: commaList,
    CORS_ORIGINS: commaList,
    TRUST_PROXY: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    DEV_MAILBOX: z.enum(["0", "1"]).optional(),
    /** the WebAuthn relying party id (lib/passkeys); unset: APP_URL's host name */
    WEBAUTHN_RP_ID: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
        "must be a host name, without scheme or port (e.g. example.com)",
      )
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL)
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_TRANSPORT=smtp" });
    if (env.MAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY)
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required when MAIL_TRANSPORT=resend" });
    // a browser accepts an RP id only for pages on that host or below it (WebAuthn §5.1.3)
    const host = new URL(env.APP_URL).hostname;
    if (env.WEBAUTHN_RP_ID && host !== env.WEBAUTHN_RP_ID && !host.endsWith(`.${env.WEBAUTHN_RP_ID}`))
      ctx.addIssue({ code: "custom", path: ["WEBAUTHN_RP_ID"], message: `must be APP_URL's host (${host}) or a domain it belongs to` });
  });

export type Config = z.infer<typeof schema>;

const loadTimeSchema = z.object(loadTimeFields);
export type LoadTimeConfig = z.infer<typeof loadTimeSchema>;

function parse<T>(from: z.ZodType<T>): T {
  const parsed = from.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(
      `Gatehouse configuration is invalid:\n${lines}\nRun \`npm start\` once to generate local secrets, or set them in the environment.`,
    );
  }
  return parsed.data;
}

let cached: Readonly<Config> | undefined;

export function config(): Readonly<Config> {
  return (cached ??= Object.freeze(parse(schema)));
}

/**
 * The load-time settings alone (above), for module top levels: no secret needed, and read from
 * the environment as it is at that moment, not cached, so a script that loads lib/ before it has
 * completed its environment behaves as before (scripts/start.ts imports lib/ only afterwards).
 */
export function loadTimeConfig(): Readonly<LoadTimeConfig> {
  return parse(loadTimeSchema);
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
