import { expect } from "vitest";
import { db } from "@/lib/db";
import { api, baseUrl, type ApiResponse } from "../helpers";
import { SoftAuthenticator } from "./passkey-authenticator";
import { userWithTokens, type Kind } from "./two-factor-helpers";

// Shared by tests/api/passkeys*.test.ts: a software authenticator on the server's own origin,
// and the two-step calls (options, then the answer) that every passkey flow makes.

type Json = Record<string, unknown>;

/** An authenticator on the test server's origin (APP_URL): its RP id is the server's default. */
export const authenticatorOnApp = (counterStep = 1) => new SoftAuthenticator(baseUrl(), counterStep);

/** A signed-in account with every token kind and an authenticator of its own. */
export async function passkeyUser() {
  const { user, tokens, sessionId } = await userWithTokens();
  return { user, tokens, sessionId, authenticator: authenticatorOnApp() };
}

export async function registrationOptions(token: string): Promise<Json> {
  const r = await api("/user/2fa/passkey/register/options", { body: {}, token });
  expect(r.status, r.text).toBe(200);
  return r.json;
}

/** Options, the authenticator's answer, the registration: its answer. */
export async function registerWith(
  authenticator: SoftAuthenticator,
  tokens: Record<Kind, string>,
  opts: { name?: string; optionsToken?: string; query?: string } = {},
): Promise<ApiResponse> {
  const options = await registrationOptions(opts.optionsToken ?? tokens.access);
  const credential = authenticator.create(options as never);
  return api(`/user/2fa/passkey/register${opts.query ?? ""}`, {
    body: { credential, ...(opts.name ? { name: opts.name } : {}) },
    token: tokens.access,
  });
}

/** A registered passkey: the answer's body (`passkey`, maybe `recoveryCodes`). */
export async function addPasskey(
  authenticator: SoftAuthenticator,
  tokens: Record<Kind, string>,
  opts: { name?: string; optionsToken?: string } = {},
): Promise<{ passkey: { id: string; name: string }; recoveryCodes?: string[] }> {
  const r = await registerWith(authenticator, tokens, opts);
  expect(r.status, r.text).toBe(200);
  return r.json;
}

export async function requestOptions(path: "/user/2fa/passkey/authenticate/options" | "/auth/passkey/options", token?: string) {
  const r = await api(path, { body: {}, token });
  expect(r.status, r.text).toBe(200);
  return r.json as { challenge: string; rpId: string; allowCredentials?: { id: string }[]; userVerification?: string };
}

export const passkeyEvents = (userId: number, kind: string) => db.securityEvent.findMany({ where: { userId, kind } });
export const passkeyThrottleKey = (userId: number) => `passkey:${userId}`;
