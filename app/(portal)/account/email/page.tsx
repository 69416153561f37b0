import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { ChangeEmailWizard } from "@/components/wizards/change-email-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { TRANSFER_MAIL_INTERVAL_SECONDS } from "@/lib/email-transfer";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ChangeEmailPage");
  return { title: t("title") };
}

export default async function ChangeEmailPage() {
  const session = await requirePortalSession();
  const [user, status, t] = await Promise.all([
    requireUser(session.userId),
    twoFactorStatus(session.userId),
    getTranslations("ChangeEmailPage"),
  ]);
  return (
    <WizardPage title={t("title")}>
      <ChangeEmailWizard
        currentEmail={user.email}
        hasTwoFactor={status.enabled}
        codesAddress={status.emailOtp?.email ?? null}
        resendSeconds={TRANSFER_MAIL_INTERVAL_SECONDS}
      />
    </WizardPage>
  );
}
