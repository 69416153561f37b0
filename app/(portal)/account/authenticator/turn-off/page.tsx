import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePortalSession } from "@/app/guards";
import { TurnOffMethodWizard } from "@/components/wizards/turn-off-method-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AuthenticatorTurnOffPage");
  return { title: t("title") };
}

export default async function TurnOffPage() {
  const session = await requirePortalSession();
  const [status, t] = await Promise.all([twoFactorStatus(session.userId), getTranslations("AuthenticatorTurnOffPage")]);
  // nothing to turn off: back to the overview, which shows the state
  if (!status.totp) redirect("/account");
  return (
    <WizardPage title={t("title")}>
      <TurnOffMethodWizard method="totp" isLast={!(status.totp && status.emailOtp)} />
    </WizardPage>
  );
}
