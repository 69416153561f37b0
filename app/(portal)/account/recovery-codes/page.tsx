import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { RecoveryCodesWizard } from "@/components/wizards/recovery-codes-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { RECOVERY_CODES_PER_SET, twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Recovery codes" };

export default async function RecoveryCodesPage() {
  const session = await requirePortalSession();
  const status = await twoFactorStatus(session.userId);
  return (
    <WizardPage title="Recovery codes">
      <RecoveryCodesWizard enabled={status.enabled} remaining={status.recoveryCodes?.remaining ?? 0} total={RECOVERY_CODES_PER_SET} />
    </WizardPage>
  );
}
