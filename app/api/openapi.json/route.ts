import { openApiDocument, openApiJsonSource } from "@/lib/api/discovery";
import { serve } from "@/lib/http/endpoint";
import { openApiJson } from "@/lib/openapi";

openApiJsonSource.supply(openApiJson);
export const { GET, POST, PUT, DELETE, PATCH } = serve(openApiDocument);
