import { useTranslations } from "next-intl";
import Link from "next/link";

const TITLE_ID = "second-factor-notice-title";
const linkStyle = "font-medium underline underline-offset-2";

/** Shown on every dashboard page to an administrator without a second factor, before they try an action. */
export function SecondFactorNotice() {
  const t = useTranslations("SecondFactorNotice");
  return (
    <section
      aria-labelledby={TITLE_ID}
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="second-factor-notice"
    >
      <p id={TITLE_ID} className="font-semibold">
        {t("title")}
      </p>
      <p className="mt-1">{t("body")}</p>
      <p className="mt-2">
        {t.rich("setUp", {
          totp: (chunks) => (
            <Link href="/account/authenticator" className={linkStyle}>
              {chunks}
            </Link>
          ),
          emailCodes: (chunks) => (
            <Link href="/account/email-codes" className={linkStyle}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
