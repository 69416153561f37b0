import { MAX_BODY_BYTES } from "../http/body";
import { MAX_JSON_DEPTH } from "../http/json-depth";

/** `info.description` of the OpenAPI document: what a client implements, in order. */
export const apiDescription = `
Gatehouse speaks the **Eniris authentication API**: existing Eniris clients work against it
unchanged. Decisions the Eniris documentation leaves open are marked *(ours)*.

## Two path forms
Every operation answers at the path shown **and** under the \`/api\` prefix
(\`/auth/login\` = \`/api/auth/login\`, \`/.well-known/jwks.json\` = \`/api/.well-known/jwks.json\`),
so a client configured with this server's origin as its "auth URL" works unchanged. The two
entries of \`servers\` are the two forms; an operation that exists only under \`/api\` says so in
its own \`servers\`.

## Conventions
- Tokens travel as \`Authorization: Bearer <token>\`. Missing: 401 \`NO_TOKEN_PROVIDED\`. Malformed,
  expired, revoked, of the wrong kind or not allowed here: 401 \`INVALID_TOKEN\` *(ours)*.
- Bodies are JSON, at most ${MAX_BODY_BYTES / 1024} KiB, nested at most ${MAX_JSON_DEPTH} levels deep *(ours: deeper answers 400
  naming the depth, before any other check)*. Unknown fields are ignored. A body that breaks a
  rule gets 400 with a \`message\` naming the field. Where the body is \`{}\`, it may be left out.
- Success without payload: 200 with the JSON body \`null\`. Token answers of the \`/auth\`
  endpoints are **text/plain**, the bare token without quotes.
- Errors: \`{ "statusCode", "error", "message" }\`; on 429 also \`retryAfter\` (seconds) and the
  same number in the \`Retry-After\` header. Every response carries \`X-Request-Id\` and
  \`Cache-Control: no-store\`.

## Tokens
| kind | proves | lifetime | accepted by |
|---|---|---|---|
| refresh | a logged-in session | 14 days | \`/auth/accesstoken\`, \`/auth/refreshtoken\`, \`/auth/refreshtoken/validate\`, \`/auth/logout\` |
| access | identity | 5 minutes | operations marked **A** |
| sudo | a second factor, just now | 5 minutes | operations marked **S**, and wherever an access token is accepted |
| partial | the password, with 2FA still owed | 5 minutes *(ours)* | the 2FA \`authenticate\` calls, the email-OTP challenge, \`GET /user/2fa\`, the wait-time queries |

Each operation's *Token* line and its security requirement name what it accepts. **S/A¬2FA**
means a sudo token, or an access token while the account has no active second factor.
A token is one kind only: a refresh token is never an access token, a partial token never an
access token.

## Flows
### Log in, stay logged in
1. \`POST /auth/login\` \`{ "username": email, "password" }\` → the **refresh token** (text/plain).
2. \`GET /auth/accesstoken\` with the refresh token → an **access token** (text/plain, 5 minutes).
   Call the API with it; fetch a new one when it expires (or on 401 \`INVALID_TOKEN\`).
3. **Rotation**: \`GET /auth/refreshtoken\` with the refresh token → a new refresh token for the
   same session; the old one stops working at once. Keep only the newest.
4. **Log out**: \`POST /auth/logout\` with the refresh token → 204. The session's access and sudo
   tokens stop working too *(ours)*.

### Log in with 2FA *(ours)*
For an account with an active second factor, \`POST /auth/login\` answers **401 \`2FA_REQUIRED\`**
with \`partialToken\` and \`methods\` (\`totp\`, \`emailOtp\`, \`recoveryCode\`). With the partial token:
- TOTP: \`POST /user/2fa/totp/authenticate\` \`{ "totp": "123456" }\`;
- email: \`POST /user/2fa/email-otp/challenge\` (mails a code), then
  \`POST /user/2fa/email-otp/authenticate\` \`{ "otp": "123456" }\`;
- recovery code: \`POST /user/2fa/recovery-code/authenticate\` \`{ "recoveryCode": "…16 chars…" }\`.

The answer is \`{ accessToken, refreshToken, sudoToken }\`: the session starts here. Wrong codes are
throttled per factor (429 with \`retryAfter\`; the \`next-guess\` / \`next-email\` queries tell the wait).
A partial token dies with everything that ends the account's sessions (a password change or
reset, an administrator's "revoke sessions", 2FA reset or lock): then log in again.

### Step up to sudo
Security changes (deactivating a method, new recovery codes, and — once 2FA is on — changing the
password, starting an email transfer, setting up a method) need a **sudo token**: call an \`authenticate\`
operation with the *access* token and a fresh code → \`{ sudoToken }\` for the same session,
valid 5 minutes. Send it instead of the access token.

### Verify tokens offline
Access, sudo and partial tokens are ES256 JWTs. Fetch the keys from \`/.well-known/jwks.json\`
(the discovery document \`/.well-known/openid-configuration\` names it) and check the signature,
\`iss\` (this server's URL), \`aud\` = \`gatehouse\`, \`exp\`, and the header \`typ\`
(\`gatehouse-access+jwt\` for an access token). \`sub\` is the user id. Pick the key by the
header's \`kid\` and refetch the set when a \`kid\` is unknown: after a key rotation new tokens
carry the new \`kid\`, and the old key stays published until the last token it signed has
expired. Offline checks cannot see a revoked session: call \`GET /auth/accesstoken/validate\`
when that matters.

## Cross-origin use
Browser pages on other origins can call the API when the operator lists them in
\`CORS_ORIGINS\` (listed origins may send credentials; \`*\` allows any origin without them).
`.trim();
