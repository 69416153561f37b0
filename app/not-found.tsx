import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * Every unknown address, and the admin dashboard for someone who is no administrator (it answers
 * 404 so that it does not reveal itself). "Home" is the account page, which sends a signed-out
 * person on to the sign-in page.
 */
export default function NotFound() {
  return (
    <AuthShell title="Page not found">
      <p className="mb-6 text-slate-700">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/account" className="font-medium text-brand hover:underline">
        Go to your account
      </Link>
    </AuthShell>
  );
}
