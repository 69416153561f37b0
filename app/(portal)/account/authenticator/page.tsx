import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { TotpSetupWizard } from "@/components/wizards/totp-setup-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { hasPendingTotpSetup, twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Authenticator app" };

export default async function AuthenticatorPage() {
  const session = await requirePortalSession();
  const [status, pending] = await Promise.all([twoFactorStatus(session.userId), hasPendingTotpSetup(session.userId)]);
  return (
    <WizardPage title={status.totp ? "Replace your authenticator app" : "Set up an authenticator app"}>
      <TotpSetupWizard
        hasTwoFactor={status.enabled}
        replacing={!!status.totp}
        replacesRecoveryCodes={!!status.recoveryCodes}
        setupPending={pending}
      />
    </WizardPage>
  );
}
