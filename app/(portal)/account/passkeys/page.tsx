import type { Metadata } from "next";
import { requirePortalSession } from "@/app/guards";
import { PasskeyManager } from "@/components/passkeys/passkey-manager";
import { WizardPage } from "@/components/wizards/wizard-page";
import { twoFactorStatus } from "@/lib/two-factor";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage() {
  const session = await requirePortalSession();
  const status = await twoFactorStatus(session.userId);
  return (
    <WizardPage title="Passkeys">
      <PasskeyManager hasTwoFactor={status.enabled} />
    </WizardPage>
  );
}
