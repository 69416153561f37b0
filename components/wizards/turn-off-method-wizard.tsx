"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useDescribeFailure } from "@/components/api-client";
import { isCancelled, useSecureCall } from "@/components/account/use-secure-call";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { useSingleFlight } from "@/components/use-single-flight";
import type { ErrorCode } from "@/lib/errors/catalogue";

const methods = {
  totp: { name: "authenticator app", path: "/user/2fa/totp", inactive: "TOTP_ALREADY_INACTIVE" },
  emailOtp: { name: "email codes", path: "/user/2fa/email-otp", inactive: "EMAIL_OTP_ALREADY_INACTIVE" },
} as const satisfies Record<string, { name: string; path: "/user/2fa/totp" | "/user/2fa/email-otp"; inactive: ErrorCode }>;

/** Turn one second factor off: DELETE /user/2fa/totp or /user/2fa/email-otp (sudo), after a clear confirmation. */
export function TurnOffMethodWizard({ method, isLast }: { method: keyof typeof methods; isLast: boolean }) {
  const { name, path, inactive } = methods[method];
  const call = useSecureCall(true, `Turn off ${name}`);
  const describeFailure = useDescribeFailure();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const turnOff = useSingleFlight(async () => {
    setFailure(null);
    setPending(true);
    try {
      const result = await call((api) => api.DELETE(path), "sudo");
      // (no refresh here: this page redirects once the method is off; the overview shows the new state)
      if (result.ok || result.error.code === inactive) setDone(true);
      else if (!isCancelled(result)) setFailure(describeFailure(result.error));
    } finally {
      setPending(false);
    }
  });

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <h2 ref={doneRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {name[0].toUpperCase() + name.slice(1)} turned off
        </h2>
        <p role="status" className="text-sm text-slate-700">
          {isLast ? "Two-step verification is off: your password alone signs you in now." : `Signing in no longer offers ${name}.`}
        </p>
        <Link href="/account" className="font-medium text-brand hover:underline">
          Back to your account
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">Turn off {name}?</h2>
      {isLast ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          This is your only second step. Turning it off turns two-step verification off: your password alone will sign you in, and your
          recovery codes stop working.
        </p>
      ) : (
        <p className="text-sm text-slate-700">Your other second step and your recovery codes keep working.</p>
      )}
      <p className="text-sm text-slate-700">You will be asked to confirm it&apos;s you first. We will email you about the change.</p>
      <FormActions message={failure}>
        <Button type="button" variant="danger" pending={pending} onClick={() => void turnOff()}>
          {pending ? "Turning off…" : `Turn off ${name}`}
        </Button>
        <Link
          href="/account"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Cancel
        </Link>
      </FormActions>
    </div>
  );
}
