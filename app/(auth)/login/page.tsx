import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { currentPortalSession } from "@/lib/browser-session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentPortalSession()) redirect("/account");
  return (
    <AuthShell title="Sign in">
      <LoginForm />
    </AuthShell>
  );
}
