import Link from "next/link";
import { redirect } from "next/navigation";
import { currentPortalSession } from "@/lib/browser-session";
import { requireUser } from "@/lib/users";
import { signOutAction } from "./account/actions";
import { Button } from "@/components/ui/button";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const session = await currentPortalSession();
  if (!session) redirect("/login");
  const user = await requireUser(session.userId);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/account" className="font-semibold text-brand">
            Gatehouse
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="max-w-[14rem] truncate text-slate-700" data-testid="signed-in-as">
              {user.email}
            </span>
            <form action={signOutAction}>
              <Button variant="secondary" type="submit">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-4xl px-4 py-8">{children}</main>
    </div>
  );
}
