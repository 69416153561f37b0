import { z } from "zod";
import { unauthorized } from "../errors";
import { sudoCookieHeader, sudoTokenExpiry, heldSudoToken } from "../tokens/sudo-cookie";
import { defineEndpoint } from "../http/endpoint";
import { json } from "../http/responses";
import { issueAccessToken } from "../tokens/jwt";
import { TOKEN_LIFETIME_SECONDS } from "../tokens/lifetimes";
import { supplied } from "./supplied";

type PortalSession = { userId: number; sessionId: string };

/**
 * Who is signed in to the portal: lib/browser-session's currentPortalSession, supplied by the
 * route files under app/api/portal (./supplied.ts says why).
 */
export const portalSessionSource = supplied<() => Promise<PortalSession | null>>("The browser session");

async function signedIn(): Promise<PortalSession> {
  const session = await portalSessionSource.get()();
  if (!session) throw unauthorized("NO_TOKEN_PROVIDED");
  return session;
}

const secondsUntil = (date: Date) => Math.max(0, Math.floor((date.getTime() - Date.now()) / 1000));

/**
 * The portal's bridge from its HttpOnly session cookie to the public API: a short-lived access
 * token for the signed-in person's session, kept in page memory and sent as a bearer token, so
 * the portal uses exactly the checks third parties meet. Cross-origin pages cannot read it (no CORS).
 * The step-up the person confirmed in this browser comes along while it lasts (lib/tokens/sudo-cookie.ts).
 */
export const portalAccessToken = defineEndpoint({
  method: "GET",
  path: "/portal/token",
  auth: "none",
  internal: true,
  summary: "Access token for the signed-in browser session",
  tags: ["Portal"],
  success: {
    schema: z.object({
      accessToken: z.string(),
      expiresIn: z.number().int(),
      sudo: z.object({ token: z.string(), expiresIn: z.number().int() }).optional(),
    }),
    description: "A 5-minute access token, and the held sudo token while it lasts.",
  },
  async handle({ request }) {
    const session = await signedIn();
    const accessToken = await issueAccessToken(session.userId, session.sessionId);
    const held = heldSudoToken(request);
    const sudoExpiry = held ? await sudoTokenExpiry(held, session) : null;
    const sudo = held && sudoExpiry ? { token: held, expiresIn: secondsUntil(sudoExpiry) } : undefined;
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS.access, sudo };
  },
});

/** Keeps a sudo token this browser session just earned, so a reload keeps the step-up. */
export const holdPortalSudo = defineEndpoint({
  method: "PUT",
  path: "/portal/sudo",
  auth: "none",
  internal: true,
  summary: "Keep the step-up for this browser session",
  tags: ["Portal"],
  body: z.object({ sudoToken: z.string().max(2048) }),
  errors: ["INVALID_TOKEN"],
  success: { description: "Held until it expires or is forgotten." },
  async handle({ body }) {
    const session = await signedIn();
    const expiresAt = await sudoTokenExpiry(body.sudoToken, session);
    if (!expiresAt) throw unauthorized("INVALID_TOKEN");
    return withSudoCookie({ token: body.sudoToken, expiresAt });
  },
});

/** "Forget": the held step-up ends in this browser (the token itself expires within minutes). */
export const forgetPortalSudo = defineEndpoint({
  method: "DELETE",
  path: "/portal/sudo",
  auth: "none",
  internal: true,
  summary: "Forget the step-up held for this browser session",
  tags: ["Portal"],
  success: { description: "Forgotten." },
  async handle() {
    return withSudoCookie(null);
  },
});

function withSudoCookie(held: { token: string; expiresAt: Date } | null) {
  const response = json(null);
  response.headers.append("Set-Cookie", sudoCookieHeader(held));
  return response;
}
