import { sessionRoutes } from "@/lib/browser-session";

export const { GET, POST } = sessionRoutes;
