import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RecoveryCodesWizard } from "@/components/wizards/recovery-codes-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { currentPortalSession } from "@/lib/browser-session";
import { RECOVERY_CODES_PER_SET, twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Recovery codes" };

export default async function RecoveryCodesPage() {
  const session = await currentPortalSession();
  if (!session) redirect("/login");
  const status = await twoFactorStatus(session.userId);
  return (
    <WizardPage title="Recovery codes">
      <RecoveryCodesWizard enabled={status.enabled} remaining={status.recoveryCodes?.remaining ?? 0} total={RECOVERY_CODES_PER_SET} />
    </WizardPage>
  );
}
