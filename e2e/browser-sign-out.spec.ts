import { test, expect, uniqueEmail } from "./fixtures";
import { createAccount, signIn, sql, userId } from "./portal-helpers";

// docs/api.md §8 "Browser sign-out": next-auth's own sign-out route, not only the portal's button, ends
// the Gatehouse session behind the cookie, and the session library's pages answer 404.

test("next-auth's built-in sign-out ends the Gatehouse session: the portal's tokens stop working", async ({ page }) => {
  const email = uniqueEmail("signout");
  await createAccount(email);
  await signIn(page, email);

  const issued = await page.request.get("/api/portal/token");
  expect(issued.status()).toBe(200);
  const { accessToken } = (await issued.json()) as { accessToken: string };
  const validate = () => page.request.get("/auth/accesstoken/validate", { headers: { Authorization: `Bearer ${accessToken}` } });
  expect((await validate()).status()).toBe(200);

  // what next-auth's client signOut() does: its CSRF token, then a form post to the route
  const { csrfToken } = (await (await page.request.get("/api/session/csrf")).json()) as { csrfToken: string };
  const signedOut = await page.request.post("/api/session/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);

  expect((await validate()).status()).toBe(401);
  expect((await page.request.get("/api/portal/token")).status()).toBe(401);
  const id = await userId(email);
  const rows = await sql(`SELECT "revokedAt" FROM "Session" WHERE "userId" = ?`, id);
  expect(rows).toHaveLength(1);
  expect(rows[0].revokedAt).not.toBeNull(); // its refresh token, and any sudo token of it, are dead too
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login$/);
});

test("the session library's own pages answer 404", async ({ page }) => {
  for (const path of ["/api/session/signin", "/api/session/signout", "/api/session/error"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
