// Next calls register() once in every server process before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/http/crowded-request")).refuseCrowdedRequests();
}
