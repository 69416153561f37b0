import { completeTransfer } from "@/lib/api/email";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(completeTransfer);
