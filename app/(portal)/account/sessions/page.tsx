import type { Metadata } from "next";
import { SessionList } from "@/components/sessions/session-list";

export const metadata: Metadata = { title: "Sessions" };

export default function SessionsPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Sessions</h1>
        <p className="mt-1 text-sm text-slate-700">The devices and apps signed in to your account. End any you do not recognise.</p>
      </div>
      <SessionList />
    </div>
  );
}
