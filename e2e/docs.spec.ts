import { test, expect, snap, expectAccessible } from "./fixtures";

// The API reference at /docs: rendered in Chromium from /api/openapi.json, entirely from this
// server (no CDN, fonts or telemetry), and accessible.

test("renders the interactive reference from this server alone", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
  });
  page.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
  });

  const documentLoaded = page.waitForResponse((r) => r.url() === `${origin}/api/openapi.json` && r.status() === 200);
  await page.goto("/docs");
  await documentLoaded;
  await expect(page.getByRole("heading", { level: 1, name: "Gatehouse API reference" })).toBeVisible();
  // Swagger UI has rendered the document: its title, the tags and the operations
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Eniris authentication API");
  await expect(page.locator(".opblock-tag-section")).toHaveCount(9);
  await expect(page.locator("#operations-Authentication-login")).toBeVisible();
  const operations = await page.locator(".opblock").count();
  expect(operations).toBeGreaterThan(40);

  // open one operation: its token schemes, request schema and error codes are shown
  await page.locator("#operations-Authentication-login .opblock-summary-control").click();
  const login = page.locator("#operations-Authentication-login");
  await expect(login.getByText("2FA_REQUIRED").first()).toBeVisible();
  await expect(login.locator(".responses-table")).toContainText("429");

  await page.waitForLoadState("networkidle");
  await snap(page, "docs");
  expect(foreign, "requests to other hosts").toEqual([]);
  expect(failed, "failed requests").toEqual([]);
  await expectAccessible(page);
});

test("tries an operation against this server from the reference", async ({ page }) => {
  await page.goto("/docs");
  const jwks = page.locator("#operations-Discovery-jwks");
  await jwks.locator(".opblock-summary-control").click();
  await jwks.getByRole("button", { name: "Try it out" }).click();
  const answered = page.waitForResponse((r) => r.url().endsWith("/.well-known/jwks.json"));
  await jwks.getByRole("button", { name: "Execute" }).click();
  expect((await answered).status()).toBe(200);
  await expect(jwks.locator(".live-responses-table tr.response .response-col_status")).toHaveText("200");
  await expect(jwks.locator(".live-responses-table")).toContainText('"keys"');
  await expectAccessible(page);
});
