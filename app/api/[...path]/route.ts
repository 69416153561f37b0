import { ApiError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/responses";

// Unknown API paths answer a JSON 404 in the envelope, never an HTML page.
const notFound = async () => errorResponse(new ApiError(404, "NOT_FOUND"));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const DELETE = notFound;
export const PATCH = notFound;
