import { portalAccessToken } from "@/lib/api/portal";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(portalAccessToken);
