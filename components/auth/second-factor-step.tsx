"use client";

import { useTranslations } from "next-intl";
import { maskEmail } from "@/components/second-factor/mask-email";
import { SecondFactorForm, type SecondFactorMethod } from "@/components/second-factor/second-factor-form";

export type Method = SecondFactorMethod;

/**
 * The second sign-in step: the person proves one of their active methods with the partial token
 * from POST /auth/login, which completes the login (docs/api.md §2.1).
 */
export function SecondFactorStep({
  partialToken,
  methods,
  email,
  onDone,
}: {
  partialToken: string;
  methods: Method[];
  /** the address typed in the first step: where an emailed code goes (shown masked) */
  email: string;
  /** the new session's refresh token, and the sudo token the factor earned (the step-up) */
  onDone: (refreshToken: string, sudoToken: string) => Promise<void>;
}) {
  const t = useTranslations("SecondFactorStep");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <SecondFactorForm
        methods={methods}
        getToken={async () => partialToken}
        onSuccess={(answer) => {
          // with a partial token the answer is always the new session's tokens (§2.1)
          if (!("refreshToken" in answer)) throw new Error("authenticate with a partial token answered no refresh token");
          return onDone(answer.refreshToken, answer.sudoToken);
        }}
        legend={t("legend")}
        emailAddress={maskEmail(email)}
        submitLabel={t("verify")}
        tokenExpired={t("tokenExpired")}
      />
    </div>
  );
}
