import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth/auth-shell";
import { UndoEmailChangeForm } from "@/components/email/undo-email-change-form";
import { inspectEmailChangeUndo } from "@/lib/email-transfer";

// The page the "your email was changed" notice links to. It only shows and asks; the change is
// undone by the confirmation button, so a mail scanner opening the link changes nothing.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("UndoEmailChangePage");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function UndoEmailChangePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const [undo, t] = await Promise.all([
    value ? inspectEmailChangeUndo(value) : { state: "unknown" as const },
    getTranslations("UndoEmailChangePage"),
  ]);

  if (undo.state !== "valid" || !undo.oldEmail) {
    const dead = undo.state === "valid" ? "unknown" : undo.state;
    return (
      <AuthShell title={t(`dead.${dead}.title`)}>
        <p className="text-sm text-slate-700" data-testid="undo-link-state" data-state={undo.state}>
          {t(`dead.${dead}.text`)}
        </p>
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t("title")}>
      <div className="mb-6 flex flex-col gap-3 text-sm text-slate-700" data-testid="undo-link-state" data-state="valid">
        <p>
          {t.rich("changed", {
            oldEmail: undo.oldEmail,
            newEmail: undo.newEmail ?? "",
            address: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        <p>{t("ifNotYou", { oldEmail: undo.oldEmail })}</p>
      </div>
      <UndoEmailChangeForm token={value} oldEmail={undo.oldEmail} />
    </AuthShell>
  );
}
