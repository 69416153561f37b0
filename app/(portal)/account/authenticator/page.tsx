import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { TotpSetupWizard } from "@/components/wizards/totp-setup-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { hasPendingTotpSetup, twoFactorStatus } from "@/lib/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AuthenticatorPage");
  return { title: t("title") };
}

export default async function AuthenticatorPage() {
  const session = await requirePortalSession();
  const [status, pending, t] = await Promise.all([
    twoFactorStatus(session.userId),
    hasPendingTotpSetup(session.userId),
    getTranslations("AuthenticatorPage"),
  ]);
  return (
    <WizardPage title={status.totp ? t("replaceHeading") : t("setUpHeading")}>
      <TotpSetupWizard
        hasTwoFactor={status.enabled}
        replacing={!!status.totp}
        replacesRecoveryCodes={!!status.recoveryCodes}
        setupPending={pending}
      />
    </WizardPage>
  );
}
