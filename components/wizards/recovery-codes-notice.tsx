// The enable calls answer a fresh set of recovery codes (the API keeps that for compatibility),
// so turning on a second method replaces the codes the person saved before: said before they
// start, and again beside the new set.

export const REPLACED_CODES_STATUS = "Your earlier recovery codes no longer work: save these instead.";

/** Shown on a set-up wizard's first step when the account already has recovery codes. */
export function RecoveryCodesWillChange() {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="recovery-codes-will-change">
      Your current recovery codes will stop working when this is on; you&apos;ll get new ones to save at the end.
    </p>
  );
}
