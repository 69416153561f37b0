import { listMySessions, endMyOtherSessions } from "@/lib/api/sessions";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(listMySessions, endMyOtherSessions);
