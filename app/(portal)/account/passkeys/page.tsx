import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePortalSession } from "@/app/guards";
import { PasskeyManager } from "@/components/passkeys/passkey-manager";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasskeysPage");
  return { title: t("title") };
}

export default async function PasskeysPage() {
  const session = await requirePortalSession();
  const [status, t] = await Promise.all([twoFactorStatus(session.userId), getTranslations("PasskeysPage")]);
  return (
    <WizardPage title={t("title")}>
      <PasskeyManager hasTwoFactor={status.enabled} />
    </WizardPage>
  );
}
