import { openIdConfiguration } from "@/lib/api/discovery";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(openIdConfiguration);
