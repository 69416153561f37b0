import type { Middleware } from "openapi-fetch";
import type { operations, paths } from "@/lib/api-client";

// A mail the portal makes the API send (a code, a notice) is for the person in front of the page:
// it should wear the brand of the host they are on and speak the page's language. The API picks
// a mail's brand and language from its `origin` and `language` query parameters (docs/api.md
// §1), not from the host, because the API is the same on every host; so the portal's client adds
// them to every operation that takes them. The page's language already is the account's saved
// one when there is one (the order of §10). The dashboard's operations are left out: their mails
// go to another person, whose saved language must win.

/** true when the operation's query has `origin` (an operation without a query has `query?: never`) */
type TakesOrigin<Operation> = Operation extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? never
    : "origin" extends keyof NonNullable<Query>
      ? true
      : never
  : never;
type TakesMailParameters<Path> = {
  [Method in keyof Path]-?: Path[Method] extends operations[keyof operations] ? TakesOrigin<Path[Method]> : never;
}[keyof Path];
/** Every path with an operation that takes `origin` (the mail's brand). */
type MailPath = { [P in keyof paths]: [TakesMailParameters<paths[P]>] extends [never] ? never : P }[keyof paths];

const PORTAL_MAIL_PATHS = [
  "/user/2fa/totp/setup",
  "/user/2fa/totp/enable",
  "/user/2fa/totp",
  "/user/2fa/email-otp/setup",
  "/user/2fa/email-otp/enable",
  "/user/2fa/email-otp/challenge",
  "/user/2fa/email-otp",
  "/user/2fa/recovery-code/reset",
  "/user/2fa/passkey/register",
  "/user/2fa/passkeys/{id}",
  "/user/email/initiate",
  "/user/email",
  "/v1/auth/undo-email-change",
  "/user/password/reset/send",
  "/user/password/otp",
  "/user/password/old-password",
  "/v1/auth/forgot-password",
  "/v1/auth/reset-password",
] as const satisfies readonly MailPath[];

// A new operation that mails must be listed above or among the dashboard's: the type checker says which.
type Unlisted = Exclude<MailPath, (typeof PORTAL_MAIL_PATHS)[number] | `/admin/${string}`>;
const everyMailPathListed: [Unlisted] extends [never] ? true : { unlisted: Unlisted } = true;
void everyMailPathListed;

const mailPaths: ReadonlySet<string> = new Set(PORTAL_MAIL_PATHS);

/** The brand (app/layout.tsx puts its id on <html data-brand>) and language of the page the client runs on. */
function pageMailParameters(): { origin?: string; language?: string } {
  if (typeof document === "undefined") return {};
  const root = document.documentElement;
  return { origin: root.dataset.brand || undefined, language: root.lang || undefined };
}

/** Adds the page's brand and language to the portal's calls of operations that mail. */
export const pageMailParametersMiddleware: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (!mailPaths.has(schemaPath)) return undefined;
    const url = new URL(request.url);
    for (const [name, value] of Object.entries(pageMailParameters())) {
      if (value && !url.searchParams.has(name)) url.searchParams.set(name, value);
    }
    // a new URL needs a new Request; its body is read out first, because a browser sends a
    // request whose body is a stream (as the old request's is) only with duplex over HTTP/2
    const body = request.body === null ? null : await request.arrayBuffer();
    const { method, headers, cache, credentials, signal } = request;
    return new Request(url, { method, headers, body, cache, credentials, signal });
  },
};
