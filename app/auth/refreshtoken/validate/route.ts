import { validateRefreshToken } from "@/lib/api/auth";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(validateRefreshToken);
