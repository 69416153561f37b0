import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { UndoEmailChangeForm } from "@/components/email/undo-email-change-form";
import { inspectEmailChangeUndo } from "@/lib/email-transfer";

// The page the "your email was changed" notice links to. It only shows and asks; the change is
// undone by the confirmation button, so a mail scanner opening the link changes nothing.
export const metadata: Metadata = { title: "Undo email change", referrer: "no-referrer", robots: { index: false, follow: false } };

const dead = {
  expired: {
    title: "This link has expired",
    text: "Undo links work for 7 days. Contact your administrator if your account was moved without your consent.",
  },
  used: { title: "This link has already been used", text: "The change has already been undone, or a later undo replaced this link." },
  unknown: { title: "This link is not valid", text: "Check that you opened the whole link from the email." },
} as const;

export default async function UndoEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const undo = value ? await inspectEmailChangeUndo(value) : { state: "unknown" as const };

  if (undo.state !== "valid" || !undo.oldEmail) {
    const { title, text } = dead[undo.state === "valid" ? "unknown" : undo.state];
    return (
      <AuthShell title={title}>
        <p className="text-sm text-slate-700" data-testid="undo-link-state" data-state={undo.state}>
          {text}
        </p>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Undo email change">
      <div className="mb-6 flex flex-col gap-3 text-sm text-slate-700" data-testid="undo-link-state" data-state="valid">
        <p>
          The sign-in address of your account was changed from <strong>{undo.oldEmail}</strong> to <strong>{undo.newEmail}</strong>.
        </p>
        <p>
          If you did not do this, restore your address. Every device will be signed out, and you will set a new password with a link we send
          to {undo.oldEmail}.
        </p>
      </div>
      <UndoEmailChangeForm token={value} oldEmail={undo.oldEmail} />
    </AuthShell>
  );
}
