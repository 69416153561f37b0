import { getMyPreferences, setMyPreferences } from "@/lib/api/preferences";
import { serve } from "@/lib/http/endpoint";

export const { GET, POST, PUT, DELETE, PATCH } = serve(getMyPreferences, setMyPreferences);
