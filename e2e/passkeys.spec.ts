import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, snap, uniqueEmail } from "./fixtures";
import {
  confirmWithTotp,
  createAccount,
  createAdmin,
  enableTotpViaApi,
  enterPassword,
  signIn,
  signInWithTotp,
  signOut,
  userId,
} from "./portal-helpers";

// Passkeys in the portal and the dashboard (issue 15), in real Chromium with a virtual
// authenticator from the DevTools protocol: a platform authenticator ("internal") that keeps
// resident keys and verifies its user, as a laptop's fingerprint reader would.

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}

test("a passkey: added in the portal, renamed, then signing in without a password, as the second step, and as the step-up; removed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // the email field's autofill offer (conditional UI) is left out here: a virtual authenticator
  // answers it at once, so it would sign in before the buttons are pressed; it has a test of its own
  await page.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
  const authenticator = await addVirtualAuthenticator(page);
  const email = uniqueEmail("passkey");
  await createAccount(email);
  await signIn(page, email);

  // add: the account had no second factor, so the passkey comes with recovery codes behind the save gate
  await page.getByTestId("passkeys-status").getByRole("link", { name: "Add a passkey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Passkeys" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  expect(await authenticator.credentials()).toHaveLength(1);
  await expectAccessible(page);
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("passkeys-status")).toContainText("1 passkey");
  await expect(page.getByTestId("two-factor-summary")).toContainText("On:");

  // named after the browser and system, renamable
  await page.goto("/account/passkeys");
  const row = page.getByTestId("passkey");
  await expect(row.getByTestId("passkey-name")).toHaveText(/^Chrome on \w+/);
  await expect(row).toContainText("not used yet");
  await row.getByRole("button", { name: /^Rename/ }).click();
  await row.getByLabel("Passkey name").fill("Work laptop");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("passkey-name")).toHaveText("Work laptop");
  await snap(page, "passkeys");

  // signing in without a password
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await signOut(page);

  // the second step after the password: the passkey is offered first
  await enterPassword(page, email);
  await expect(page.getByRole("radio", { name: "Passkey" })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use your passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const held = page.getByTestId("sudo-status");
  await expect(held).toBeVisible(); // the second step is the step-up (issue 14)
  await held.getByRole("button", { name: "Forget" }).click();

  // removing asks to confirm it's you: with the passkey
  await page.goto("/account/passkeys");
  await expect(row).toContainText("last used");
  await row.getByRole("button", { name: "Remove Work laptop" }).click();
  await row.getByRole("button", { name: "Yes, remove it" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp.getByRole("radio", { name: "Passkey" })).toBeChecked();
  await expectAccessible(page);
  await stepUp.getByRole("button", { name: "Use your passkey" }).click();
  await expect(stepUp).toBeHidden();
  await expect(page.getByText("Work laptop was removed.")).toBeVisible();
  await expect(page.getByTestId("passkey")).toHaveCount(0);

  // the last second factor gone: two-step verification is off again, and a password signs in alone
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-summary")).toContainText("Off:");
  await signOut(page);
  await signIn(page, email);
});

test("the email field offers the passkey (conditional UI): picking it signs in without a password", async ({ page }) => {
  await addVirtualAuthenticator(page);
  const email = uniqueEmail("passkey-autofill");
  await createAccount(email);
  await signIn(page, email);
  await page.goto("/account/passkeys");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await page.getByLabel("I have saved these recovery codes somewhere safe").check();
  await page.getByRole("button", { name: "Done" }).click();
  await signOut(page);

  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
  await page.getByLabel("Email").focus(); // the virtual authenticator picks its passkey as a person would from the list
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("without WebAuthn the page says why there is no button", async ({ page }) => {
  await page.addInitScript(() => {
    // a browser without the API
    Object.defineProperty(window, "PublicKeyCredential", { value: undefined });
  });
  const email = uniqueEmail("no-webauthn");
  await createAccount(email);
  await signIn(page, email);
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  await page.goto("/account/passkeys");
  await expect(page.getByTestId("passkeys-unsupported")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the dashboard lists an account's passkeys, and resetting its 2FA removes them", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail("pk-admin");
  const targetEmail = uniqueEmail("pk-target");
  await createAdmin(adminEmail);
  await createAccount(targetEmail);
  const { secret } = await enableTotpViaApi(adminEmail);

  // the account holder adds a passkey in their own browser
  const holder = await browser.newPage();
  await addVirtualAuthenticator(holder);
  await signIn(holder, targetEmail);
  await holder.goto("/account/passkeys");
  await holder.getByRole("button", { name: "Add a passkey" }).click();
  await expect(holder.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();

  await signInWithTotp(page, adminEmail, secret);
  await page.goto(`/admin/users/${await userId(targetEmail)}`);
  await expect(page.getByTestId("admin-passkeys")).toContainText(/Chrome on \w+/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Reset 2FA" }).click();
  await page
    .getByRole("dialog", { name: `Reset two-factor authentication of ${targetEmail}?` })
    .getByRole("button", { name: "Reset 2FA" })
    .click();
  await confirmWithTotp(page, secret, `Reset two-factor authentication of ${targetEmail}`);
  await expect(page.getByTestId("admin-passkeys")).toHaveText("None");
  await holder.close();
});
