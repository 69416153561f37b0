import type { LanguagePack } from "./types";

export const en: LanguagePack = {
  code: "en",
  name: "English",
  common: {
    greeting: "Hello,",
    codeExpiry: "The code is valid for {minutes} minutes and works only once. Never share it: {brand} will never ask you for it.",
    linkOnce: "The link works only once.",
    linkExpiry: "It expires in {duration}.",
    units: { minute: "minute", minutes: "minutes", hour: "hour", hours: "hours" },
    linkFallback: "If the button does not work, copy this address into your browser:",
    ignore: "If you did not ask for this, you can ignore this message; nothing changes on your account.",
    notYou: "If this was not you, reset your password right away and check your security settings, or contact support.",
    askAdmin: "If you have questions about this, contact your administrator.",
    reviewAction: "Review your security settings",
    footer: "You receive this message because of activity on your {brand} account.",
    automated: "This is an automated message; replies are not read.",
    device: { on: "{browser} on {system}", unknown: "an unknown device" },
    methods: { totp: "authenticator app", emailOtp: "email codes", recoveryCodes: "recovery codes" },
  },
  templates: {
    "2fa-email-code": {
      subject: "Your {brand} verification code",
      heading: "Your verification code",
      paragraphs: ["Enter this code in {brand} to confirm that it is you."],
    },
    "password-reset-code": {
      subject: "Reset your {brand} password",
      heading: "Your password reset code",
      paragraphs: ["Someone asked to reset the password of your {brand} account. Enter this code to choose a new password."],
    },
    "email-transfer-code": {
      subject: "Confirm your new {brand} email address",
      heading: "Confirm your new email address",
      paragraphs: ["You asked to move your {brand} account to {newEmail}. Enter this code to confirm that this address is yours."],
    },
    "password-reset-link": {
      subject: "Reset your {brand} password",
      heading: "Reset your password",
      paragraphs: ["Someone asked to reset the password of your {brand} account. Use the button below to choose a new password."],
      action: "Choose a new password",
    },
    "email-change-undo": {
      subject: "The email address of your {brand} account was changed",
      heading: "Your email address was changed",
      paragraphs: [
        "The email address of your {brand} account was changed from {oldEmail} to {newEmail}. Sign-in and security messages now go to the new address.",
        "If you did not make this change, undo it with the button below and then reset your password.",
      ],
      action: "Undo this change",
    },
    "email-change-undone-reset": {
      subject: "Choose a new password for your {brand} account",
      heading: "Choose a new password",
      paragraphs: [
        "The change of your {brand} account's email address was undone: the account is back at this address. To keep it safe, its password was removed and every device was signed out. Use the button below to choose a new password.",
      ],
      action: "Choose a new password",
    },
    "account-setup-link": {
      subject: "Set up your {brand} account",
      heading: "Welcome to {brand}",
      paragraphs: ["An account was created for you at {brand}. Use the button below to choose a password and finish setting it up."],
      action: "Set up my account",
    },
    "password-changed": {
      subject: "Your {brand} password was changed",
      heading: "Your password was changed",
      paragraphs: ["The password of your {brand} account was just changed. Your other devices have been signed out."],
    },
    "password-reset": {
      subject: "Your {brand} password was reset",
      heading: "Your password was reset",
      paragraphs: [
        "The password of your {brand} account was reset with a code or link sent to this address. All devices have been signed out.",
      ],
    },
    "2fa-method-added": {
      subject: "New two-factor method on your {brand} account",
      heading: "A sign-in method was added",
      paragraphs: ["The two-factor method “{method}” was turned on for your {brand} account."],
    },
    "2fa-method-removed": {
      subject: "A two-factor method was removed from your {brand} account",
      heading: "A sign-in method was removed",
      paragraphs: ["The two-factor method “{method}” was turned off for your {brand} account."],
    },
    "passkey-added": {
      subject: "A passkey was added to your {brand} account",
      heading: "A passkey was added",
      paragraphs: ["The passkey “{passkeyName}” was added to your {brand} account. It can now be used to sign in."],
    },
    "passkey-renamed": {
      subject: "A passkey of your {brand} account was renamed",
      heading: "A passkey was renamed",
      paragraphs: ["The passkey “{oldPasskeyName}” of your {brand} account is now called “{passkeyName}”."],
    },
    "passkey-removed": {
      subject: "A passkey was removed from your {brand} account",
      heading: "A passkey was removed",
      paragraphs: ["The passkey “{passkeyName}” was removed from your {brand} account. It can no longer be used to sign in."],
    },
    "recovery-codes-reset": {
      subject: "New recovery codes for your {brand} account",
      heading: "Your recovery codes were replaced",
      paragraphs: ["A new set of recovery codes was created for your {brand} account. The previous codes no longer work."],
    },
    "email-changed": {
      subject: "The email address of your {brand} account was changed",
      heading: "Your email address was changed",
      paragraphs: ["The email address of your {brand} account was changed."],
      optional: { newEmail: "The new address is {newEmail}." },
    },
    "account-locked": {
      subject: "Your {brand} account was locked",
      heading: "Your account was locked",
      paragraphs: ["An administrator locked your {brand} account. You cannot sign in until it is unlocked."],
    },
    "recovery-code-used": {
      subject: "A recovery code was used on your {brand} account",
      heading: "A recovery code was used",
      paragraphs: [
        "One of your recovery codes was just used to sign in to your {brand} account or to confirm an action there. Each code works only once.",
        "Unused recovery codes left: {remaining}. When they run low, create a new set in your security settings.",
      ],
    },
    "new-device-sign-in": {
      subject: "New sign-in to your {brand} account",
      heading: "A sign-in from a new device",
      paragraphs: ["Someone just signed in to your {brand} account from {device}, which had not been used with it before."],
      optional: { time: "When: {time}.", ip: "IP address: {ip}." },
    },
    "2fa-reset-by-admin": {
      subject: "Two-factor authentication was reset on your {brand} account",
      heading: "Your two-factor authentication was reset",
      paragraphs: [
        "An administrator turned off every two-factor method of your {brand} account. Sign in and set up two-factor authentication again to keep your account protected.",
      ],
    },
  },
};
