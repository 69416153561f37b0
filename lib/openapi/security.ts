import { REFRESH_COOKIE } from "../http/responses";
import { acceptedKinds, type TokenKind, type TokenRule } from "../tokens/authorize";
import { TOKEN_LIFETIME_SECONDS } from "../tokens/lifetimes";

// The four token kinds as OpenAPI security schemes (all `Authorization: Bearer`), and each
// endpoint's token rule as the alternatives it accepts.

const minutes = (s: number) => `${Math.round(s / 60)} minutes`;
const days = (s: number) => `${Math.round(s / 86400)} days`;

export const securitySchemes = {
  refresh: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "opaque",
    description: `**Refresh token**: a logged-in session. Opaque (43 characters), valid ${days(TOKEN_LIFETIME_SECONDS.refresh)}, stored server-side and revocable. From \`POST /auth/login\`, \`GET /auth/refreshtoken\` (which rotates it: the old one stops working) or a 2FA \`authenticate\` call made with a partial token. Accepted only by \`/auth/accesstoken\`, \`/auth/refreshtoken\`, \`/auth/refreshtoken/validate\` and \`/auth/logout\`.`,
  },
  refreshCookie: {
    type: "apiKey",
    in: "cookie",
    name: REFRESH_COOKIE,
    description: `The refresh token in the HttpOnly cookie set by \`?cookie=true\` on \`POST /auth/login\` or \`GET /auth/refreshtoken\`, for browser clients. Used only when no \`Authorization\` header is sent.`,
  },
  access: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: `**Access token**: proof of identity. A signed JWT (ES256, \`typ\` \`gatehouse-access+jwt\`), valid ${minutes(TOKEN_LIFETIME_SECONDS.access)}, from \`GET /auth/accesstoken\` or a 2FA \`authenticate\` call made with a partial token. Verifiable offline with \`/.well-known/jwks.json\`. Stops working when its session ends.`,
  },
  sudo: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: `**Sudo token**: proof of presence (a second factor was just checked). A signed JWT (\`typ\` \`gatehouse-sudo+jwt\`), valid ${minutes(TOKEN_LIFETIME_SECONDS.sudo)}, from any 2FA \`authenticate\` call (TOTP, email OTP, recovery code). Accepted wherever an access token is, and required by the operations marked *sudo*.`,
  },
  partial: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: `**Partial token**: the password was right, the second factor is still owed. A signed JWT (\`typ\` \`gatehouse-partial+jwt\`), valid ${minutes(TOKEN_LIFETIME_SECONDS.partial)}, from the 401 \`2FA_REQUIRED\` answer of \`POST /auth/login\`. Accepted only by the three \`authenticate\` calls, \`POST /user/2fa/email-otp/challenge\`, \`GET /user/2fa\` and the three wait-time queries. Dies with everything that ends the account's sessions (a password change or reset, an administrator's "revoke sessions", 2FA reset or lock).`,
  },
} as const;

export type SchemeName = keyof typeof securitySchemes;
export type SecurityRequirement = Partial<Record<SchemeName, string[]>>;

type Rule = TokenRule | "none";

/** The contract's notation for each rule (docs/api.md §4: A, S, S/A¬2FA, A/P). */
const notations: Record<string, string> = {
  none: "–",
  refresh: "refresh",
  access: "A",
  "access-or-partial": "A/P",
  sudo: "S",
  "sudo-or-access-without-2fa": "S/A¬2FA",
  "admin-access": "admin A",
  "admin-sudo": "admin S",
};
export const ruleNotation = (rule: Rule): string => notations[rule] ?? rule;

const isAdminRule = (rule: Rule) => rule.startsWith("admin-");

const sentences: Record<string, string> = {
  none: "No token.",
  refresh: "A refresh token.",
  access: "An access token (a sudo token also serves).",
  "access-or-partial": "An access token, a sudo token, or the partial token of a login that still owes its second factor.",
  sudo: "A sudo token: a second factor checked within the last 5 minutes.",
  "sudo-or-access-without-2fa":
    "A sudo token, or an access token while the account has no active second factor (S/A¬2FA). With 2FA active, an access token answers 401 `INVALID_TOKEN`: get a sudo token from an `authenticate` call first (step-up).",
  "admin-access": "An access token (a sudo token also serves) of an administrator's account; any other account gets 403 `ADMIN_REQUIRED`.",
  "admin-sudo": "A sudo token of an administrator's account; any other account gets 403 `ADMIN_REQUIRED`.",
};

function ruleSentence(rule: Rule): string {
  if (sentences[rule]) return sentences[rule];
  const kinds = rule === "none" ? [] : acceptedKinds[rule];
  const base = kinds.length === 1 ? `A ${kinds[0]} token.` : `One of these tokens: ${kinds.join(", ")}.`;
  return isAdminRule(rule) ? `${base} The token's account must be an administrator (else 403).` : base;
}

export function tokenRuleDescription(rule: Rule): string {
  return `**Token** (${ruleNotation(rule)}): ${ruleSentence(rule)}`;
}

/**
 * The security requirement of a rule: one alternative per accepted kind. S/A¬2FA lists sudo and
 * access; the "access only without 2FA" condition is stated in the operation's description.
 */
export function securityFor(rule: Rule, opts: { refreshFromCookie?: boolean } = {}): SecurityRequirement[] {
  if (rule === "none") return [];
  const kinds: TokenKind[] = acceptedKinds[rule];
  const order: TokenKind[] = rule === "sudo-or-access-without-2fa" ? ["sudo", "access"] : ["refresh", "access", "sudo", "partial"];
  const requirements: SecurityRequirement[] = order.filter((k) => kinds.includes(k)).map((k) => ({ [k]: [] }));
  if (opts.refreshFromCookie && kinds.includes("refresh")) requirements.push({ refreshCookie: [] });
  return requirements;
}
