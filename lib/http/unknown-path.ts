import { apiError } from "../errors";
import { errorResponse } from "./responses";

// Unknown API paths answer a JSON 404 in the envelope, never an HTML page: the catch-all route
// file of each API folder (app/<segment>/[...path], one per prefix of lib/http/api-paths.mjs)
// serves this.
const notFound = async () => errorResponse(apiError("NOT_FOUND"));

export const unknownApiPath = { GET: notFound, POST: notFound, PUT: notFound, DELETE: notFound, PATCH: notFound };
