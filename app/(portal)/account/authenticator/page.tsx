import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { TotpSetupWizard } from "@/components/wizards/totp-setup-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Authenticator app" };

export default async function AuthenticatorPage() {
  const session = await requirePortalSession();
  const status = await twoFactorStatus(session.userId);
  return (
    <WizardPage title={status.totp ? "Replace your authenticator app" : "Set up an authenticator app"}>
      <TotpSetupWizard hasTwoFactor={status.enabled} replacing={!!status.totp} />
    </WizardPage>
  );
}
