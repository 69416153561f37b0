import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import configurations from "../lib/mail/configurations.json";

export { expect };

/** Full-page screenshots of key steps, kept as test artifacts under e2e/screenshots/. */
export async function snap(page: Page, name: string) {
  mkdirSync("e2e/screenshots", { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/**
 * axe's findings on the current page. A sandboxed frame (the mail viewers' message: no scripts, on
 * purpose) is left out: axe cannot run inside it and waits for it until its frame timeout, about 30 s
 * a check, and has never checked the mail inside. The mail's logo and its alt text are checked in
 * lib/mail/templates/render.test.ts.
 */
async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  return violations;
}

const describeViolation = (v: Awaited<ReturnType<typeof axeViolations>>[number]) =>
  `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`;

/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
  const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map(describeViolation)).toEqual([]);
}

/** Every axe rule, every impact: none may fail. */
export async function expectNoViolations(page: Page) {
  expect((await axeViolations(page)).map(describeViolation)).toEqual([]);
}

/** A brand's id in lib/mail/configurations.json. */
export type BrandId = "gatehouse" | "sofar" | "smartgridone";

/**
 * A page as the brand's customers open it: on its portal host (resolved to the e2e server by
 * playwright.config.ts), at the server's port; the default brand is the server's own host.
 */
export function brandUrl(brand: BrandId, path: string): string {
  const portal = configurations.configurations.find((c) => c.id === brand)?.portalUrl;
  const app = new URL(process.env.APP_URL ?? "http://localhost:3220");
  return portal ? `http://${new URL(portal).hostname}:${app.port}${path}` : new URL(path, app).href;
}

/** The methods of the calls to `path` the page makes from now on (whatever their query: the portal adds the mail's brand and language). */
export function countCalls(page: Page, path: string): string[] {
  const calls: string[] = [];
  page.on("request", (request) => new URL(request.url()).pathname === path && calls.push(request.method()));
  return calls;
}

export const uniqueEmail = (tag = "e2e") => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

/**
 * Every spec fails if a page it visits reports a Content-Security-Policy violation: a script the
 * policy blocks is a broken page even when the assertions happened to pass.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text().slice(0, 200));
      });
      await use();
      expect(violations, "CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});
