"use client";

import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";
import { Button } from "@/components/ui/button";

/** A page that failed while rendering: say so in the portal's look, offer to try again or go home. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthShell title="Something went wrong">
      <p className="mb-6 text-slate-700">This page could not be shown. Please try again in a moment.</p>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href="/account" className="font-medium text-brand hover:underline">
          Go to your account
        </Link>
      </div>
    </AuthShell>
  );
}
