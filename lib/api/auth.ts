import { after } from "next/server";
import { loginBody, loginWithPassword } from "../auth/login";
import { unauthorized } from "../errors";
import { defineEndpoint } from "../http/endpoint";
import { noContent, tokenResponse } from "../http/responses";
import { rotateRefreshToken, touchSession } from "../sessions";
import { signOutSession } from "../sessions/end";
import { issueAccessToken } from "../tokens/jwt";
import { publishedJwks } from "../tokens/keys";
import { cookieQuery, userIdResponse } from "./common";
import { z } from "zod";

export const login = defineEndpoint({
  method: "POST",
  path: "/auth/login",
  auth: "none",
  query: cookieQuery,
  body: loginBody,
  summary: "Log in with email and password",
  description:
    "Answers the refresh token as bare text/plain. For an account with an active second factor it answers 401 `2FA_REQUIRED` with a `partialToken` and the active `methods` instead (see the login-with-2FA flow).",
  tags: ["Authentication"],
  success: { type: "text", description: "The refresh token, bare (no quotes)." },
  errors: ["PASSWORD_INCORRECT", "2FA_REQUIRED", "ACCOUNT_LOCKED", "TOO_MANY_FAILED_PASSWORD_CHECKS", "NO_PASSWORD_INFO"],
  async handle({ body, query, meta }) {
    const { refreshToken } = await loginWithPassword(body, meta, { defer: after });
    return tokenResponse(refreshToken, { cookie: query.cookie });
  },
});

export const accessToken = defineEndpoint({
  method: "GET",
  path: "/auth/accesstoken",
  auth: "refresh",
  refreshFromCookie: true,
  summary: "Get an access token",
  description: "Exchanges the session's refresh token for an access token valid 5 minutes.",
  tags: ["Authentication"],
  success: { type: "text", description: "An access token (JWT), bare." },
  async handle({ principal }) {
    await touchSession(principal.sessionId!, principal.sessionLastUsedAt);
    return tokenResponse(await issueAccessToken(principal.userId, principal.sessionId!));
  },
});

export const refreshToken = defineEndpoint({
  method: "GET",
  path: "/auth/refreshtoken",
  auth: "refresh",
  refreshFromCookie: true,
  query: cookieQuery,
  summary: "Rotate the refresh token",
  description: "Answers a new refresh token for the same session; the old one stops working at once.",
  tags: ["Authentication"],
  success: { type: "text", description: "The new refresh token, bare." },
  async handle({ principal, query }) {
    const rotated = await rotateRefreshToken(principal.sessionId!, principal.token);
    if (!rotated) throw unauthorized("INVALID_TOKEN");
    return tokenResponse(rotated, { cookie: query.cookie });
  },
});

export const validateRefreshToken = defineEndpoint({
  method: "GET",
  path: "/auth/refreshtoken/validate",
  auth: "refresh",
  refreshFromCookie: true,
  summary: "Validate a refresh token",
  tags: ["Authentication"],
  success: { schema: userIdResponse, description: "The token is valid for this user." },
  async handle({ principal }) {
    return { userId: principal.userId };
  },
});

export const validateAccessToken = defineEndpoint({
  method: "GET",
  path: "/auth/accesstoken/validate",
  auth: "access",
  summary: "Validate an access token",
  tags: ["Authentication"],
  success: { schema: userIdResponse, description: "The token is valid for this user." },
  async handle({ principal }) {
    return { userId: principal.userId };
  },
});

export const logout = defineEndpoint({
  method: "POST",
  path: "/auth/logout",
  auth: "refresh",
  refreshFromCookie: true,
  summary: "Log out",
  description: "Ends the session: its refresh token and every access or sudo token issued from it stop working.",
  tags: ["Authentication"],
  success: { status: 204, description: "The session is revoked." },
  async handle({ principal, meta }) {
    if (!(await signOutSession(principal.userId, principal.sessionId!, meta, "api"))) throw unauthorized("INVALID_TOKEN");
    return noContent();
  },
});

export const jwks = defineEndpoint({
  method: "GET",
  path: "/.well-known/jwks.json",
  auth: "none",
  summary: "Public signing keys",
  description: "The JSON Web Key Set that verifies access, sudo and partial tokens offline.",
  tags: ["Discovery"],
  success: { schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), description: "The key set." },
  async handle() {
    return publishedJwks();
  },
});

export const health = defineEndpoint({
  method: "GET",
  path: "/health",
  auth: "none",
  summary: "Liveness",
  tags: ["Discovery"],
  internal: true,
  success: { schema: z.object({ ok: z.boolean() }), description: "The server is up." },
  async handle() {
    return { ok: true };
  },
});
