import { adminAddressAvailability } from "@/lib/api/admin";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(adminAddressAvailability);
