import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { currentPortalSession } from "@/lib/browser-session";
import { requireUser } from "@/lib/users";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await currentPortalSession();
  if (!session) redirect("/login");
  const user = await requireUser(session.userId);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <Card title="Sign-in details">
        <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
        </dl>
      </Card>
    </div>
  );
}
