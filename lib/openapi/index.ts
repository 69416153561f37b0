import { registry } from "../api";
import packageJson from "../../package.json";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";

export { buildOpenApiDocument, type OpenApiDocument } from "./document";

// Generated once per process (the declarations cannot change while it runs) and kept in memory.
let cached: { document: OpenApiDocument; json: string } | undefined;

function build() {
  const document = buildOpenApiDocument(registry, { version: packageJson.version });
  return { document, json: JSON.stringify(document) };
}

/** The OpenAPI 3.1 document of every public endpoint. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= build()).document;
}

/** The same document, serialized once. */
export function openApiJson(): string {
  return (cached ??= build()).json;
}
