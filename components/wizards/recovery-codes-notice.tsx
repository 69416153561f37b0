import { useTranslations } from "next-intl";

// The enable calls answer a fresh set of recovery codes (the API keeps that for compatibility),
// so turning on a second method replaces the codes the person saved before: said before they
// start (below), and again beside the new set (RecoveryCodesNotice.replaced).

/** Shown on a set-up wizard's first step when the account already has recovery codes. */
export function RecoveryCodesWillChange() {
  const t = useTranslations("RecoveryCodesNotice");
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="recovery-codes-will-change">
      {t("willChange")}
    </p>
  );
}
