import { z } from "zod";
import { defineEndpoint } from "../http/endpoint";
import { listSessions } from "../sessions";
import { endOtherSessions, endSession } from "../sessions/end";
import { nullResponse } from "./common";

// The user's own sessions (ours, in the contract's style). Ending a session stops its refresh token
// and every access or sudo token issued from it at once (authorize() checks the session).

const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe("the session of the token that made this request"),
});

export const listMySessions = defineEndpoint({
  method: "GET",
  path: "/user/sessions",
  auth: "access",
  summary: "List my sessions (ours)",
  description: "The user's live sessions (signed-in devices), most recently used first; `current` marks the caller's.",
  tags: ["Sessions"],
  success: { schema: z.array(sessionSchema), description: "The live sessions." },
  async handle({ principal }) {
    return listSessions(principal.userId, principal.sessionId);
  },
});

export const endMySession = defineEndpoint({
  method: "DELETE",
  path: "/user/sessions/{id}",
  auth: "access",
  params: z.object({ id: z.string().min(1).max(100, "must be at most 100 characters") }),
  summary: "End one of my sessions (ours)",
  description:
    "Ends the session: its refresh token and every access or sudo token issued from it stop working. Ending the caller's own session is allowed.",
  tags: ["Sessions"],
  success: { schema: nullResponse, description: "The session has ended." },
  errors: ["SESSION_NOT_FOUND"],
  async handle({ params, principal, meta }) {
    await endSession(principal.userId, params.id, principal.sessionId, meta);
    return null;
  },
});

export const endMyOtherSessions = defineEndpoint({
  method: "DELETE",
  path: "/user/sessions",
  auth: "access",
  summary: "End all my other sessions (ours)",
  description: "Ends every session of the user except the caller's.",
  tags: ["Sessions"],
  success: { schema: nullResponse, description: "The other sessions have ended." },
  async handle({ principal, meta }) {
    await endOtherSessions(principal.userId, principal.sessionId, meta);
    return null;
  },
});
