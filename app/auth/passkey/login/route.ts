import { passkeySignIn } from "@/lib/api/passkeys";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(passkeySignIn);
