import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/app/guards";
import { AdminNav } from "@/components/admin/admin-nav";
import { SecondFactorNotice } from "@/components/admin/second-factor-notice";
import { StepUpProvider, SudoStatus } from "@/components/step-up";
import { Button } from "@/components/ui/button";
import { canStepUp } from "@/lib/admin/session";
import { signOutAction } from "@/lib/browser-session/actions";

export const metadata: Metadata = {
  title: { default: "Administration", template: "%s · Administration · Gatehouse" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdminPage();
  const mayAct = await canStepUp(admin.userId);
  return (
    <StepUpProvider>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex flex-wrap items-center gap-4">
              <Link href="/admin" className="font-semibold text-brand">
                Gatehouse <span className="font-normal text-slate-600">admin</span>
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
                  Sign out
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
  );
}
