import { request as httpRequest } from "node:http";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto";
import { db } from "@/lib/db";
import { api, baseUrl, createTestUser, login, signedIn } from "../helpers";

// The contract's §10 in the pages: the brand comes from the request's Host (a brand's portalUrl
// host, anything else the default brand); the language from the account's saved choice, then the
// gatehouse_lang cookie, then Accept-Language, then the brand's default; <html lang> says which.

interface Page {
  status: number;
  html: string;
}

/** A page request with any Host header (fetch() always sends the URL's own). */
function page(path: string, headers: Record<string, string> = {}): Promise<Page> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "GET", headers }, (response) => {
      let html = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (html += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, html }));
    });
    request.on("error", reject);
    request.end();
  });
}

const htmlLang = (p: Page) => /<html[^>]*\slang="([^"]*)"/.exec(p.html)?.[1];
const title = (p: Page) => /<title>([^<]*)<\/title>/.exec(p.html)?.[1];
const icon = (p: Page) => /<link rel="icon" href="([^"]*)"/.exec(p.html)?.[1];

const SMARTGRIDONE = "portal.smartgridone.example";
const SOFAR = "portal.sofar.example";

const SESSION_COOKIE = "authjs.session-token"; // the test server runs on http: no __Secure- prefix

/** The portal cookie of a fresh sign-in, as the portal's sign-in sets it. */
async function portalCookie(user: { id: number; email: string; password: string }) {
  const refreshToken = await login(user);
  const session = await db.session.findUniqueOrThrow({ where: { refreshTokenHash: sha256(refreshToken) } });
  const value = await encode({ token: { uid: String(user.id), sid: session.id }, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${value}`;
}

describe("the brand of a page is the brand of its Host", () => {
  it("is the default brand on the server's own host", async () => {
    const p = await page("/login");
    expect(p.status).toBe(200);
    expect(title(p)).toBe("Sign in · Gatehouse");
    expect(icon(p)).toBe("/brands/gatehouse.ico");
    expect(p.html).toContain('src="/brands/gatehouse.png"');
    expect(p.html).toMatch(/<html[^>]*style="[^"]*--color-brand:#1f4fd1/);
    expect(htmlLang(p)).toBe("en");
  });

  it("is SmartgridOne on its portal's host: name, logo, favicon, colours and its default language (Dutch, the title too)", async () => {
    const p = await page("/login", { Host: SMARTGRIDONE });
    expect(p.status).toBe(200);
    expect(title(p)).toBe("Aanmelden · SmartgridOne");
    expect(icon(p)).toBe("/brands/smartgridone.ico");
    expect(p.html).toContain('src="/brands/smartgridone.png"');
    expect(p.html).toMatch(/<html[^>]*style="[^"]*--color-brand:#0f766e/);
    expect(p.html).not.toContain("Gatehouse");
    expect(htmlLang(p)).toBe("nl");
  });

  it("matches the host case-insensitively, with or without the scheme's default port", async () => {
    expect(title(await page("/login", { Host: "Portal.SmartgridOne.EXAMPLE" }))).toBe("Aanmelden · SmartgridOne");
    expect(title(await page("/login", { Host: `${SOFAR}:443` }))).toBe("Sign in · Sofar");
  });

  it("is the default brand on any other host, a brand's mail origin included", async () => {
    for (const host of ["evil.example", "smartgridone.example", "smartgridone", "portal.smartgridone.example.evil.example"]) {
      const p = await page("/login", { Host: host });
      expect([host, title(p), htmlLang(p)]).toEqual([host, "Sign in · Gatehouse", "en"]);
    }
  });

  it("brands the not-found page too, in the brand's language", async () => {
    const p = await page("/no-such-page", { Host: SMARTGRIDONE });
    expect(p.status).toBe(404);
    expect(htmlLang(p)).toBe("nl");
    expect(p.html).toContain("Pagina niet gevonden");
    expect(p.html).toContain("SmartgridOne");
  });

  it("leaves the API the same on every host", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const mine = await api("/user/preferences", { token: accessToken });
    expect(mine.status).toBe(200);
    const health = await page("/api/health", { Host: SMARTGRIDONE });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.html)).toEqual(JSON.parse((await page("/api/health")).html));
  });
});

describe("the language of a page", () => {
  it("follows Accept-Language (by weight, a regional tag by its language) among the four", async () => {
    expect(htmlLang(await page("/login", { "Accept-Language": "fr-BE,fr;q=0.9,en;q=0.5" }))).toBe("fr");
    expect(htmlLang(await page("/login", { "Accept-Language": "es-ES, de;q=0.8, nl;q=0.9" }))).toBe("nl");
    expect(htmlLang(await page("/login", { "Accept-Language": "de-CH" }))).toBe("de");
    expect(htmlLang(await page("/login", { Host: SMARTGRIDONE, "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
  });

  it("falls back to the brand's default when Accept-Language names none of them", async () => {
    expect(htmlLang(await page("/login", { "Accept-Language": "es, it;q=0.5" }))).toBe("en");
    expect(htmlLang(await page("/login", { Host: SMARTGRIDONE, "Accept-Language": "es, *;q=0.1" }))).toBe("nl");
    expect(htmlLang(await page("/login", { Host: SMARTGRIDONE, "Accept-Language": "fr;q=0, ;;;q=x" }))).toBe("nl");
  });

  it("takes the gatehouse_lang cookie over Accept-Language, and ignores one that names no language of ours", async () => {
    const p = await page("/login", { Cookie: "gatehouse_lang=de", "Accept-Language": "fr" });
    expect(htmlLang(p)).toBe("de");
    expect(htmlLang(await page("/login", { Cookie: "gatehouse_lang=xx", "Accept-Language": "fr" }))).toBe("fr");
    expect(htmlLang(await page("/login", { Host: SMARTGRIDONE, Cookie: "other=1; gatehouse_lang=en" }))).toBe("en");
  });

  it("says the shell's words in that language", async () => {
    const french = await page("/no-such-page", { Cookie: "gatehouse_lang=fr" });
    expect(french.html).toContain("Page introuvable");
    const german = await page("/no-such-page", { "Accept-Language": "de" });
    expect(german.html).toContain("Seite nicht gefunden");
  });

  it("takes the account's saved language over the cookie and Accept-Language when signed in", async () => {
    const user = await createTestUser();
    const cookie = await portalCookie(user);
    const { accessToken } = await signedIn(user);
    const before = await page("/account", { Cookie: `${cookie}; gatehouse_lang=de`, "Accept-Language": "fr" });
    expect(before.status).toBe(200);
    expect(htmlLang(before)).toBe("de"); // nothing saved yet: the cookie

    expect((await api("/user/preferences", { method: "PUT", token: accessToken, body: { language: "nl" } })).status).toBe(200);
    const after = await page("/account", { Cookie: `${cookie}; gatehouse_lang=de`, "Accept-Language": "fr", Host: SMARTGRIDONE });
    expect(htmlLang(after)).toBe("nl");
    expect(htmlLang(await page("/account", { Cookie: cookie, Host: SOFAR }))).toBe("nl");
  });

  it("does not take the saved language of a session that has ended", async () => {
    const user = await createTestUser();
    const cookie = await portalCookie(user);
    const { accessToken } = await signedIn(user);
    await api("/user/preferences", { method: "PUT", token: accessToken, body: { language: "fr" } });
    await db.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    const p = await page("/login", { Cookie: cookie, "Accept-Language": "de" });
    expect(p.status).toBe(200);
    expect(htmlLang(p)).toBe("de");
  });
});
