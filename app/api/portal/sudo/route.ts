import { forgetPortalSudo, holdPortalSudo, portalSessionSource } from "@/lib/api/portal";
import { currentPortalSession } from "@/lib/browser-session";
import { serve } from "@/lib/http/endpoint";

portalSessionSource.supply(currentPortalSession);
export const { GET, POST, PUT, DELETE, PATCH } = serve(holdPortalSudo, forgetPortalSudo);
