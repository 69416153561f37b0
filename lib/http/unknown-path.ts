import { apiError } from "../errors";
import { errorResponse } from "./responses";

// Unknown API paths answer a JSON 404 in the envelope, never an HTML page: the route files
// app/api/[...path], app/auth/[...path], app/user/[...path] and app/v1/[...path] serve this.
const notFound = async () => errorResponse(apiError("NOT_FOUND"));

export const unknownApiPath = { GET: notFound, POST: notFound, PUT: notFound, DELETE: notFound, PATCH: notFound };
