import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { ChangePasswordWizard } from "@/components/wizards/change-password-wizard";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";
import { requireUser } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ChangePasswordPage");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const session = await requirePortalSession();
  const [user, status, t] = await Promise.all([
    requireUser(session.userId),
    twoFactorStatus(session.userId),
    getTranslations("ChangePasswordPage"),
  ]);
  return (
    <WizardPage title={t("title")} intro={t("intro")}>
      <ChangePasswordWizard email={user.email} hasTwoFactor={status.enabled} />
    </WizardPage>
  );
}
