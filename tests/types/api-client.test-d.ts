// Type-level test of the typed client (lib/api-client): `npx tsc --noEmit -p .` checks this file
// and never runs it. Each line under a `@ts-expect-error` must NOT compile.
import { settle, type GatehouseClient } from "@/lib/api-client";

export async function calling(api: GatehouseClient) {
  const status = await settle(api.GET("/user/2fa"));
  if (status.ok) status.data.enabled.valueOf();
  else if (status.error.code === "INVALID_TOKEN") return;
  // @ts-expect-error a path the API does not serve
  await api.GET("/user/2fa/status", {});
  // @ts-expect-error a method the path does not take
  await api.PUT("/user/2fa", {});
  // @ts-expect-error a body field the operation does not take
  await api.POST("/user/2fa/totp/enable", { body: { code: "123456" } });
  // @ts-expect-error a path parameter left out
  await api.DELETE("/user/sessions/{id}", {});
  const login = await api.POST("/auth/login", { body: { username: "a@example.com", password: "x" } });
  // @ts-expect-error the token answer is a string, not an object
  if (login.data) login.data.refreshToken.valueOf();
  // @ts-expect-error the answer's code is the catalogue's
  if (!status.ok && status.error.code === "INVALID_TOKN") return;
}
