// Where the API answers (docs/api.md §1, "Two path forms"), declared once for next.config.mjs,
// proxy.ts, the CORS check, the OpenAPI document and the tests. Plain JavaScript, because
// next.config.mjs imports it without TypeScript; api-paths.d.mts gives TypeScript its types.
//
// Every operation answers under /api. The operations under these first segments also answer
// without the prefix, at the paths Eniris clients call (/auth/login, /user/2fa):
// - auth, user, v1 are served natively by their route files (app/auth/…, app/user/…, app/v1/…),
//   each folder with a JSON 404 catch-all; /api/auth/… reaches them through a rewrite;
// - .well-known lives at app/api/well-known/…, and /.well-known/… reaches it through a rewrite.
// proxy.ts must spell these segments as literals in its matcher; lib/http/api-paths.test.ts
// checks that it does, and that the route folders and rewrites are the ones listed here.

/** The prefix every operation answers under. */
export const API_PREFIX = "api";

/** Served natively from app/<segment>/, and reached from /api/<segment>/ through a rewrite. */
export const NATIVE_SEGMENTS = Object.freeze(["auth", "user", "v1"]);

/** Served from app/api/well-known/, and reached from /.well-known/ through a rewrite. */
export const WELL_KNOWN = ".well-known";

/** First path segments whose operations also answer without the /api prefix. */
export const UNPREFIXED_SEGMENTS = Object.freeze([...NATIVE_SEGMENTS, WELL_KNOWN]);

/** Does the operation at `path` (as declared, without /api) also answer without the prefix? */
export const servedWithoutPrefix = (path) => UNPREFIXED_SEGMENTS.includes(path.split("/")[1] ?? "");

/** Is `pathname` (a request's, with or without the prefix) a path of the API? */
export const isApiPath = (pathname) => pathname.startsWith("/") && [API_PREFIX, ...UNPREFIXED_SEGMENTS].includes(pathname.split("/")[1]);
