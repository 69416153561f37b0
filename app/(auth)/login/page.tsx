import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { currentPortalSession } from "@/lib/browser-session";
import { returnPath } from "@/lib/browser-session/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, reason } = await searchParams;
  const returnTo = returnPath(next);
  if (await currentPortalSession()) redirect(returnTo);
  return (
    <AuthShell title="Sign in">
      <LoginForm returnTo={returnTo} signedOutElsewhere={reason === "ended"} />
    </AuthShell>
  );
}
