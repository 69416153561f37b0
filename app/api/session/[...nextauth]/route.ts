import { handlers } from "@/lib/browser-session";

export const { GET, POST } = handlers;
