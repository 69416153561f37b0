"use client";

import { SecondFactorForm, type SecondFactorMethod } from "@/components/second-factor/second-factor-form";

export type Method = SecondFactorMethod;

/**
 * The second sign-in step: the person proves one of their active methods with the partial token
 * from POST /auth/login, which completes the login (docs/api.md §2.1).
 */
export function SecondFactorStep({
  partialToken,
  methods,
  onDone,
}: {
  partialToken: string;
  methods: Method[];
  onDone: (refreshToken: string) => Promise<void>;
}) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">Your password was right. Confirm it&apos;s you with a second factor.</p>
      <SecondFactorForm
        methods={methods}
        getToken={async () => partialToken}
        onSuccess={(answer) => {
          // with a partial token the answer is always the new session's tokens (§2.1)
          if (!("refreshToken" in answer)) throw new Error("authenticate with a partial token answered no refresh token");
          return onDone(answer.refreshToken);
        }}
        legend="Use"
        submitLabel="Verify"
        tokenExpired="This sign-in took too long. Start again with your password."
      />
    </div>
  );
}
