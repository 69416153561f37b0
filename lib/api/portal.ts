import { z } from "zod";
import { unauthorized } from "../errors";
import { defineEndpoint } from "../http/endpoint";
import { issueAccessToken } from "../tokens/jwt";
import { supplied } from "./supplied";

/**
 * Who is signed in to the portal: lib/browser-session's currentPortalSession, supplied by
 * app/api/portal/token/route.ts (./supplied.ts says why).
 */
export const portalSessionSource = supplied<() => Promise<{ userId: number; sessionId: string } | null>>("The browser session");

/**
 * The portal's bridge from its HttpOnly session cookie to the public API: a short-lived access
 * token for the signed-in person's session, kept in page memory and sent as a bearer token, so
 * the portal uses exactly the checks third parties meet. Cross-origin pages cannot read it (no CORS).
 */
export const portalAccessToken = defineEndpoint({
  method: "GET",
  path: "/portal/token",
  auth: "none",
  internal: true,
  summary: "Access token for the signed-in browser session",
  tags: ["Portal"],
  success: { schema: z.object({ accessToken: z.string(), expiresIn: z.number().int() }), description: "A 5-minute access token." },
  async handle() {
    const session = await portalSessionSource.get()();
    if (!session) throw unauthorized("NO_TOKEN_PROVIDED");
    return { accessToken: await issueAccessToken(session.userId, session.sessionId), expiresIn: 300 };
  },
});
