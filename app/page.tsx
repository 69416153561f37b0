import { redirect } from "next/navigation";
import { currentPortalSession } from "@/lib/browser-session";

export default async function Home() {
  redirect((await currentPortalSession()) ? "/account" : "/login");
}
