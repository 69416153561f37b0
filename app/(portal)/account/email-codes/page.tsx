import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { EmailOtpSetupWizard } from "@/components/wizards/email-otp-setup-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export const metadata: Metadata = { title: "Email codes" };

export default async function EmailCodesPage() {
  const session = await requirePortalSession();
  const [user, status] = await Promise.all([requireUser(session.userId), twoFactorStatus(session.userId)]);
  return (
    <WizardPage title={status.emailOtp ? "Change the address for email codes" : "Set up email codes"}>
      <EmailOtpSetupWizard
        defaultAddress={status.emailOtp?.email ?? user.email}
        hasTwoFactor={status.enabled}
        replacing={!!status.emailOtp}
        replacesRecoveryCodes={!!status.recoveryCodes}
      />
    </WizardPage>
  );
}
