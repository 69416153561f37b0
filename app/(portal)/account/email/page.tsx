import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { ChangeEmailWizard } from "@/components/wizards/change-email-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { TRANSFER_MAIL_INTERVAL_SECONDS } from "@/lib/email-transfer";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export const metadata: Metadata = { title: "Change email address" };

export default async function ChangeEmailPage() {
  const session = await requirePortalSession();
  const [user, status] = await Promise.all([requireUser(session.userId), twoFactorStatus(session.userId)]);
  return (
    <WizardPage title="Change email address">
      <ChangeEmailWizard
        currentEmail={user.email}
        hasTwoFactor={status.enabled}
        codesAddress={status.emailOtp?.email ?? null}
        resendSeconds={TRANSFER_MAIL_INTERVAL_SECONDS}
      />
    </WizardPage>
  );
}
