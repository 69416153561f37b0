// swagger-ui-dist ships no types; only the bundle's entry point is used (components/docs/api-reference.tsx).
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const SwaggerUIBundle: (options: Record<string, unknown>) => unknown;
  export default SwaggerUIBundle;
}
