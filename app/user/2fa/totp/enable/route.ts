import { totpEnable } from "@/lib/api/two-factor";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(totpEnable);
