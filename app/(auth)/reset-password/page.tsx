import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/password/reset-password-form";
import { inspectPasswordResetLink } from "@/lib/password-reset";

// The page a reset link opens (docs/api.md §4 #22). The token stays out of Referer headers and indexes.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer", robots: { index: false, follow: false } };

const dead = {
  expired: { title: "This link has expired", text: "Reset links work for one hour. Request a new one to set your password." },
  used: {
    title: "This link has already been used",
    text: "Each reset link works once. Request a new one if you still need to set your password.",
  },
  unknown: { title: "This link is not valid", text: "Check that you opened the whole link from the email, or request a new one." },
} as const;

const reset = {
  title: "Set a new password",
  text: "Choose a new password for your account. Every device that is signed in will be signed out.",
};
const welcome = { title: "Choose your password", text: "Your account is ready. Choose the password you will sign in with." };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const { state, firstPassword } = value ? await inspectPasswordResetLink(value) : ({ state: "unknown", firstPassword: false } as const);

  if (state !== "valid") {
    const { title, text } = dead[state];
    return (
      <AuthShell title={title}>
        <p className="mb-6 text-sm text-slate-700" data-testid="reset-link-state" data-state={state}>
          {text}
        </p>
        <Link href="/forgot-password" className="font-medium text-brand hover:underline">
          Request a new link
        </Link>
      </AuthShell>
    );
  }

  const { title, text } = firstPassword ? welcome : reset;
  return (
    <AuthShell title={title}>
      <p className="mb-4 text-sm text-slate-700" data-testid="reset-link-state" data-state="valid">
        {text}
      </p>
      <ResetPasswordForm token={value} />
    </AuthShell>
  );
}
