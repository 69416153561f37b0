import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePortalSession } from "@/app/guards";
import { TurnOffMethodWizard } from "@/components/wizards/turn-off-method-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Turn off email codes" };

export default async function TurnOffPage() {
  const session = await requirePortalSession();
  const status = await twoFactorStatus(session.userId);
  // nothing to turn off: back to the overview, which shows the state
  if (!status.emailOtp) redirect("/account");
  return (
    <WizardPage title="Turn off email codes">
      <TurnOffMethodWizard method="emailOtp" isLast={!(status.totp && status.emailOtp)} />
    </WizardPage>
  );
}
