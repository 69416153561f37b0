import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePortalSession } from "@/app/guards";
import { PortalNav } from "@/components/account/portal-nav";
import { SavedTimeZoneProvider } from "@/components/activity/local-time";
import { SignedInAccountProvider } from "@/components/account/signed-in-account";
import { BrandMark } from "@/components/brand/brand-mark";
import { LanguagePicker } from "@/components/i18n/language-picker";
import { StepUpProvider, SudoStatus } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/browser-session/actions";
import { currentBrand } from "@/lib/brands/current";
import { currentPreferences } from "@/lib/preferences/current";
import { requireUser } from "@/lib/users";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await requirePortalSession();
  const [user, brand, preferences, t] = await Promise.all([
    requireUser(session.userId),
    currentBrand(),
    currentPreferences(),
    getTranslations("Shell"),
  ]);
  return (
    // one "confirm it's you" dialog and one sudo token for every page of the portal; its times in the saved time zone
    <StepUpProvider>
      <SavedTimeZoneProvider timeZone={preferences?.timeZone ?? null}>
        <div className="min-h-screen bg-page">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white print:hidden">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <Link href="/account" aria-label={t("homeLink", { brand: brand.displayName })}>
                <BrandMark />
              </Link>
              <div className="flex min-w-0 flex-wrap items-center justify-end gap-3 text-sm">
                <SudoStatus />
                <LanguagePicker saveTo="account" />
                {user.role === "admin" && (
                  <Link href="/admin" className="font-medium text-brand hover:underline">
                    {t("admin")}
                  </Link>
                )}
                <span className="max-w-[11rem] truncate text-slate-700 sm:max-w-[16rem]" data-testid="signed-in-as" title={user.email}>
                  {user.email}
                </span>
                <form action={signOutAction}>
                  <Button variant="secondary" type="submit">
                    {t("signOut")}
                  </Button>
                </form>
              </div>
            </div>
          </header>
          <PortalNav />
          <main id="main" className="mx-auto max-w-4xl px-4 py-8">
            <SignedInAccountProvider account={{ email: user.email, site: { name: brand.displayName, url: brand.portalUrl } }}>
              {children}
            </SignedInAccountProvider>
          </main>
        </div>
      </SavedTimeZoneProvider>
    </StepUpProvider>
  );
}
