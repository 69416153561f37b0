import type { AnyEndpoint } from "../http/endpoint";
import * as admin from "./admin";
import * as auth from "./auth";
import * as discovery from "./discovery";
import * as email from "./email";
import * as passkeys from "./passkeys";
import * as password from "./password";
import * as portal from "./portal";
import * as preferences from "./preferences";
import * as sessions from "./sessions";
import * as twoFactor from "./two-factor";

// The registry: every endpoint declaration of the app, read by the OpenAPI document and checked
// against the route files on disk by tests/api/openapi-registry.test.ts. A new lib/api module is
// added to `modules`; every endpoint it exports is picked up by itself.
const modules: Record<string, Record<string, unknown>> = {
  auth,
  twoFactor,
  passkeys,
  password,
  email,
  sessions,
  discovery,
  admin,
  portal,
  preferences,
};

export interface RegisteredEndpoint {
  /** the declaration's export name: the OpenAPI operationId */
  name: string;
  /** the lib/api module that declares it */
  module: string;
  endpoint: AnyEndpoint;
}

export function isEndpoint(value: unknown): value is AnyEndpoint {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Partial<AnyEndpoint>;
  return typeof v.method === "string" && typeof v.path === "string" && typeof v.handle === "function" && Array.isArray(v.tags);
}

function collect(): RegisteredEndpoint[] {
  const seen = new Set<AnyEndpoint>();
  const found: RegisteredEndpoint[] = [];
  for (const [module, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (!isEndpoint(value) || seen.has(value)) continue;
      seen.add(value);
      found.push({ name, module, endpoint: value });
    }
  }
  return found;
}

export const registry: readonly RegisteredEndpoint[] = collect();
