import Link from "next/link";

const texts = {
  title: "Actions need a second factor",
  body: "Locking accounts, resetting 2FA and every other action ask for your own second factor, and your account has none yet. You can look around without one.",
  totp: "Set up an authenticator app",
  or: "or",
  emailCodes: "email codes",
};

const TITLE_ID = "second-factor-notice-title";

/** Shown on every dashboard page to an administrator without a second factor, before they try an action. */
export function SecondFactorNotice() {
  return (
    <section
      aria-labelledby={TITLE_ID}
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="second-factor-notice"
    >
      <p id={TITLE_ID} className="font-semibold">
        {texts.title}
      </p>
      <p className="mt-1">{texts.body}</p>
      <p className="mt-2">
        <Link href="/account/authenticator" className="font-medium underline underline-offset-2">
          {texts.totp}
        </Link>{" "}
        {texts.or}{" "}
        <Link href="/account/email-codes" className="font-medium underline underline-offset-2">
          {texts.emailCodes}
        </Link>
        .
      </p>
    </section>
  );
}
