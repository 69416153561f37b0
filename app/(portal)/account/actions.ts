"use server";

import { redirect } from "next/navigation";
import { endPortalSession } from "@/lib/browser-session";

export async function signOutAction() {
  await endPortalSession();
  redirect("/login");
}
