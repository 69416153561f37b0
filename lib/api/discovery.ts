import { z } from "zod";
import { config } from "../config";
import { defineEndpoint } from "../http/endpoint";
import { baseHeaders } from "../http/responses";
import { AUDIENCE } from "../tokens/jwt";
import { SIGNING_ALG } from "../tokens/keys";
import { supplied } from "./supplied";

// How third parties find the API and verify its tokens: the OpenAPI document and a discovery
// document in the OpenID Connect Discovery format, limited to what is true of this server.

const origin = () => config().APP_URL.replace(/\/+$/, "");

export const discoveryDocument = z.object({
  issuer: z.string().describe("The `iss` claim of every signed token: this server's public URL (APP_URL)"),
  jwks_uri: z.string().describe("The JSON Web Key Set that verifies access, sudo and partial tokens"),
  id_token_signing_alg_values_supported: z
    .array(z.string())
    .describe(
      "The JWS algorithm of every token this server signs. It issues no OpenID Connect ID tokens; the field is here for JWT verifiers that read it.",
    ),
  token_signing_alg_values_supported: z.array(z.string()).describe("The same algorithms, under a name that claims no ID tokens"),
  token_audience: z.string().describe("The `aud` claim of every signed token"),
  token_types: z
    .object({ access: z.string(), sudo: z.string(), partial: z.string() })
    .describe("The JWT header `typ` of each kind: check it so one kind is never taken for another"),
  openapi_url: z.string().describe("The OpenAPI 3.1 document of the API"),
  service_documentation: z.string().describe("The human-readable API reference"),
});
export type DiscoveryDocument = z.infer<typeof discoveryDocument>;

export function buildDiscoveryDocument(): DiscoveryDocument {
  const base = origin();
  return {
    issuer: config().APP_URL,
    jwks_uri: `${base}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    token_signing_alg_values_supported: [SIGNING_ALG],
    token_audience: AUDIENCE,
    token_types: { access: "gatehouse-access+jwt", sudo: "gatehouse-sudo+jwt", partial: "gatehouse-partial+jwt" },
    openapi_url: `${base}/api/openapi.json`,
    service_documentation: `${base}/docs`,
  };
}

export const openIdConfiguration = defineEndpoint({
  method: "GET",
  path: "/.well-known/openid-configuration",
  auth: "none",
  summary: "Discovery document",
  description:
    "Where a verifier finds the signing keys and what to check: `issuer`, `jwks_uri`, the signing algorithm, the audience and the `typ` of each token kind, plus links to the OpenAPI document and the reference. This is not an OpenID provider: there is no authorization, token or userinfo endpoint and no ID token.",
  tags: ["Discovery"],
  success: { schema: discoveryDocument, description: "The discovery document." },
  async handle() {
    return buildDiscoveryDocument();
  },
});

/** The serialized OpenAPI document: app/api/openapi.json/route.ts supplies it from lib/openapi (./supplied.ts says why). */
export const openApiJsonSource = supplied<() => string>("The OpenAPI document");

export const openApiDocument = defineEndpoint({
  method: "GET",
  path: "/openapi.json",
  auth: "none",
  summary: "This OpenAPI document",
  description:
    "The OpenAPI 3.1 description of the API, generated from the same declarations and schemas that the server validates requests with. Served under `/api` only.",
  tags: ["Discovery"],
  success: { schema: z.record(z.string(), z.unknown()), description: "The OpenAPI 3.1 document." },
  async handle() {
    return new Response(openApiJsonSource.get()(), { headers: { ...baseHeaders, "Content-Type": "application/json" } });
  },
});
