"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** A portal page failed to render: say so plainly and offer a retry (the details went to the server log). */
export default function AccountError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="flex flex-col gap-4 rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 ref={heading} tabIndex={-1} className="text-xl font-semibold text-red-900 outline-none">
        This page could not be shown
      </h1>
      <p className="text-sm text-red-900">
        Something went wrong on our side. Try again; if it keeps happening, tell your administrator
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link
          href="/account"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium"
        >
          Back to your account
        </Link>
      </div>
    </div>
  );
}
