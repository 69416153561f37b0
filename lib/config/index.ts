import { z } from "zod";

// Configuration is read once, validated, and frozen. On the embedded default, scripts/start.ts
// generates missing secrets into .env.local before the server starts; anywhere else a missing
// secret stops the process with a message that names it.
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const commaList = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().default("file:./prisma/dev.db"),
    APP_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    ENCRYPTION_KEY: base64Key,
    MAIL_TRANSPORT: z.enum(["outbox", "smtp", "resend"]).default("outbox"),
    SMTP_URL: z.string().optional(),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FORBIDDEN_DOMAINS: commaList,
    CORS_ORIGINS: commaList,
    TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0").transform((v) => v === "1" || v === "true"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEV_MAILBOX: z.enum(["0", "1"]).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL)
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_TRANSPORT=smtp" });
    if (env.MAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY)
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required when MAIL_TRANSPORT=resend" });
  });

export type Config = z.infer<typeof schema>;

let cached: Readonly<Config> | undefined;

export function config(): Readonly<Config> {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Gatehouse configuration is invalid:\n${lines}\nRun \`npm start\` once to generate local secrets, or set them in the environment.`);
  }
  cached = Object.freeze(parsed.data);
  return cached;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
