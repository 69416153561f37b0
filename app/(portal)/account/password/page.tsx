import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { ChangePasswordWizard } from "@/components/wizards/change-password-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const session = await requirePortalSession();
  const [user, status] = await Promise.all([requireUser(session.userId), twoFactorStatus(session.userId)]);
  return (
    <WizardPage title="Change password" intro="Enter your current password, then the new one.">
      <ChangePasswordWizard email={user.email} hasTwoFactor={status.enabled} />
    </WizardPage>
  );
}
