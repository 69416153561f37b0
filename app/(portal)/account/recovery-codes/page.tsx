import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { RecoveryCodesWizard } from "@/components/wizards/recovery-codes-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { RECOVERY_CODES_PER_SET, twoFactorStatus } from "@/lib/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RecoveryCodesPage");
  return { title: t("title") };
}

export default async function RecoveryCodesPage() {
  const session = await requirePortalSession();
  const [status, t] = await Promise.all([twoFactorStatus(session.userId), getTranslations("RecoveryCodesPage")]);
  return (
    <WizardPage title={t("title")}>
      <RecoveryCodesWizard enabled={status.enabled} remaining={status.recoveryCodes?.remaining ?? 0} total={RECOVERY_CODES_PER_SET} />
    </WizardPage>
  );
}
