import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireAdminPage } from "@/app/guards";
import { SavedTimeZoneProvider } from "@/components/activity/local-time";
import { AdminNav } from "@/components/admin/admin-nav";
import { SecondFactorNotice } from "@/components/admin/second-factor-notice";
import { BrandMark } from "@/components/brand/brand-mark";
import { StepUpProvider, SudoStatus } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { canStepUp } from "@/lib/admin/session";
import { currentBrand } from "@/lib/brands/current";
import { signOutAction } from "@/lib/browser-session/actions";
import { currentPreferences } from "@/lib/preferences/current";

export async function generateMetadata(): Promise<Metadata> {
  const [brand, t] = await Promise.all([currentBrand(), getTranslations("Metadata")]);
  return {
    title: { default: t("administration"), template: `%s · ${t("administration")} · ${brand.displayName}` },
    robots: { index: false },
  };
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [admin, t, preferences] = await Promise.all([requireAdminPage(), getTranslations("Shell"), currentPreferences()]);
  const mayAct = await canStepUp(admin.userId);
  return (
    <SavedTimeZoneProvider timeZone={preferences?.timeZone ?? null}>
      <StepUpProvider>
        <div className="min-h-screen">
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="flex flex-wrap items-center gap-4">
                <Link href="/admin">
                  <BrandMark area={t("adminArea")} />
                </Link>
                <AdminNav />
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <SudoStatus />
                <Link
                  href="/account"
                  className="max-w-[14rem] truncate text-slate-700 underline-offset-2 hover:underline"
                  data-testid="signed-in-as"
                >
                  {admin.email}
                </Link>
                <form action={signOutAction}>
                  <Button variant="secondary" type="submit">
                    {t("signOut")}
                  </Button>
                </form>
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-6xl px-4 py-8">
            {!mayAct && <SecondFactorNotice />}
            {children}
          </main>
        </div>
      </StepUpProvider>
    </SavedTimeZoneProvider>
  );
}
