import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { EmailOtpSetupWizard } from "@/components/wizards/email-otp-setup-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EmailCodesPage");
  return { title: t("title") };
}

export default async function EmailCodesPage() {
  const session = await requirePortalSession();
  const [user, status, t] = await Promise.all([
    requireUser(session.userId),
    twoFactorStatus(session.userId),
    getTranslations("EmailCodesPage"),
  ]);
  return (
    <WizardPage title={status.emailOtp ? t("changeHeading") : t("setUpHeading")}>
      <EmailOtpSetupWizard
        defaultAddress={status.emailOtp?.email ?? user.email}
        hasTwoFactor={status.enabled}
        replacing={!!status.emailOtp}
        replacesRecoveryCodes={!!status.recoveryCodes}
      />
    </WizardPage>
  );
}
