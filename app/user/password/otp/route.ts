import { resetWithCode } from "@/lib/api/password";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(resetWithCode);
