import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { createTestUser, uniqueEmail } from "@/tests/helpers";
import { existsSync } from "node:fs";
import {
  assertAllowedMailProvider,
  createTransport,
  deliver,
  forbiddenDomainChecker,
  listMailConfigurations,
  listMailMessages,
  loadMailConfigurations,
  notifyAccountHolder,
  renderMail,
  resolveMailConfiguration,
  sendMail,
  templateCatalog,
  templateNames,
  type TemplateName,
} from "@/lib/mail";
import file from "@/lib/mail/configurations.json";
import { REDACTED_CODE, REDACTED_LINK } from "@/lib/mail/templates";
import { catalogues } from "@/lib/i18n/catalogues";
import { LANGUAGES } from "@/lib/i18n/languages";
import { closedPort, decodeQuotedPrintable, rawHeaders, startResendStandIn, startSmtpServer } from "./test-servers";

const appUrl = process.env.APP_URL!.replace(/\/+$/, "");
const availableLanguages = [...LANGUAGES];
/** The mail's words in one language (messages/<language>/mail.json). */
const mailWords = (language: string) => catalogues[language as (typeof LANGUAGES)[number]].Mail;

async function expectApiError(promise: Promise<unknown> | (() => unknown), status: number, code: string) {
  let caught: unknown;
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  // By name: a freshly loaded copy of lib/ (withConfiguration) has its own ApiError class.
  expect(caught instanceof ApiError || (caught as Error)?.name === "ApiError", `expected ApiError ${status} ${code}, got ${caught}`).toBe(
    true,
  );
  expect((caught as ApiError).status).toBe(status);
  expect((caught as ApiError).code).toBe(code);
}

const rowsTo = (to: string) => db.mailMessage.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });

/** Data that satisfies every template. */
const sampleData = {
  code: "493817",
  link: "https://portal.example/reset?token=abc123",
  newEmail: "new.address@example.com",
  passkeyName: "Work laptop",
  oldPasskeyName: "MacBook",
  oldEmail: "old.address@example.com",
  method: "totp",
  remaining: 7,
  device: "Firefox/Windows",
  ip: "203.0.113.7",
  time: "2026-12-01T10:30:00.000Z",
};

describe("mail configurations (brands)", () => {
  it("no origin (or an empty one) is the gatehouse brand, with APP_URL as its portal", () => {
    for (const origin of [undefined, "", "  "]) {
      const brand = resolveMailConfiguration(origin);
      expect(brand.id).toBe("gatehouse");
      expect(brand.displayName).toBe("Gatehouse");
      expect(brand.portalUrl).toBe(appUrl);
      expect(brand.defaultLanguage).toBe("en");
    }
  });

  it("maps ids, listed origin strings and portal URLs to their brand, case-insensitively", () => {
    const cases: [string, string][] = [
      ["sofar", "sofar"],
      ["SoFar", "sofar"],
      ["https://portal.sofar.example", "sofar"],
      ["https://portal.sofar.example/", "sofar"],
      ["https://portal.sofar.example/account/security", "sofar"],
      ["https://sofar.example", "sofar"],
      ["smartgridone", "smartgridone"],
      ["https://portal.smartgridone.example", "smartgridone"],
      ["gatehouse", "gatehouse"],
      [appUrl, "gatehouse"],
    ];
    for (const [origin, id] of cases) expect(resolveMailConfiguration(origin).id, origin).toBe(id);
  });

  it("an unknown origin is 500 UNABLE_TO_FIND_MAIL_TEMPLATE", async () => {
    for (const origin of ["acme", "https://portal.sofar.example.evil.test", "http://sofar", "sofar2"]) {
      await expectApiError(() => resolveMailConfiguration(origin), 500, "UNABLE_TO_FIND_MAIL_TEMPLATE");
    }
  });

  it("every shipped brand has a sender, a logo (the PNG its mails link) and a portal URL", () => {
    const brands = listMailConfigurations();
    expect(brands.map((b) => b.id).sort()).toEqual(["gatehouse", "smartgridone", "sofar"]);
    for (const brand of brands) {
      expect(brand.sender).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
      expect(existsSync(`public/brands/${brand.id}.png`), brand.id).toBe(true);
      expect(brand.portalUrl).toMatch(/^https?:\/\/[^/]+$/);
    }
  });

  it("the file is validated: bad colours, remote or scripted logos, clashing origins and languages are refused", () => {
    const good = structuredClone(file);
    expect(() => loadMailConfigurations(good, appUrl)).not.toThrow();
    const broken: [string, (f: typeof good) => void, RegExp][] = [
      ["low contrast", (f) => (f.configurations[1].colors.onPrimary = "#f0c000"), /contrast/],
      [
        "low contrast on the page",
        (f) => (f.configurations[2].colors.background = "#5f8f8c"),
        /configurations\.2\.colors\.\w+: contrast with background/,
      ],
      [
        "portal host shared",
        (f) => (f.configurations[2].portalUrl = "http://portal.sofar.example"),
        /portalUrl: host portal\.sofar\.example is also sofar's portal/,
      ],
      ["remote logo", (f) => (f.configurations[0].logoSvg = '<svg><image href="https://cdn.example/logo.png"/></svg>'), /logoSvg/],
      ["scripted logo", (f) => (f.configurations[0].logoSvg = '<svg onload="alert(1)"></svg>'), /logoSvg/],
      ["origin clash", (f) => f.configurations[2].origins.push("SOFAR"), /also belongs to sofar/],
      ["language without templates", (f) => f.configurations[1].languages.push("es"), /languages/],
      ["default language not offered", (f) => (f.configurations[2].defaultLanguage = "xx"), /defaultLanguage/],
      ["unknown default brand", (f) => (f.defaultConfiguration = "nope"), /defaultConfiguration/],
    ];
    for (const [name, mutate, message] of broken) {
      const copy = structuredClone(file);
      mutate(copy);
      expect(() => loadMailConfigurations(copy, appUrl), name).toThrow(message);
    }
  });
});

describe("templates", () => {
  it("every language's Mail catalogue has exactly the catalog's templates, each part the catalog names", () => {
    expect(availableLanguages.sort()).toEqual(["de", "en", "fr", "nl"]);
    for (const language of availableLanguages) {
      const { common, methods, device, ...templates } = mailWords(language);
      expect([common, methods, device].every(Boolean), language).toBe(true);
      expect(Object.keys(templates).sort(), language).toEqual([...templateNames].sort());
      for (const name of templateNames) {
        const spec = templateCatalog[name];
        const text: Record<string, string | undefined> = templates[name];
        const parts = ["subject", "heading", ...(spec.paragraphs ?? ["body"])];
        if (spec.kind === "link") parts.push("action");
        for (const key of spec.optional ?? []) if (key !== "minutes") parts.push(key);
        expect(Object.keys(text).sort(), `${language} ${name}`).toEqual(parts.sort());
        for (const part of parts) expect(text[part]?.trim(), `${language} ${name} ${part}`).toBeTruthy();
      }
    }
  });

  it("every template renders for every brand and language, with its data and no leftover placeholder", async () => {
    for (const brand of listMailConfigurations()) {
      for (const language of availableLanguages) {
        for (const name of templateNames) {
          const label = `${brand.id}/${language}/${name}`;
          const mail = await renderMail(name, { brand, language, data: { ...sampleData, minutes: 30 } });
          expect(mail.language, label).toBe(language);
          for (const part of [mail.subject, mail.html, mail.text]) {
            expect(part, label).not.toMatch(/\{[a-zA-Z]+\}/);
            expect(part, label).not.toMatch(/undefined|null|NaN|\[object/);
          }
          expect(mail.html, label).toMatch(new RegExp(`<html [^>]*lang="${language}"`));
          expect(mail.html, label).toContain(brand.displayName);
          expect(mail.text, label).toContain(brand.displayName);
          const spec = templateCatalog[name];
          if (spec.kind === "code") {
            expect(mail.html, label).toContain(sampleData.code);
            expect(mail.text, label).toContain(sampleData.code);
          }
          if (spec.kind === "link") {
            expect(mail.html, label).toContain(`href="${sampleData.link}"`);
            expect(mail.text, label).toContain(sampleData.link);
          }
          for (const key of [...spec.required, ...(spec.optional ?? [])]) {
            if (key === "newEmail" || key === "oldEmail") {
              expect(mail.html, `${label} ${key}`).toContain(sampleData[key]);
              expect(mail.text, `${label} ${key}`).toContain(sampleData[key]);
            }
          }
        }
      }
    }
  });

  it("each language has its own wording (subjects differ between en, nl, fr and de)", async () => {
    const brand = resolveMailConfiguration();
    for (const name of templateNames) {
      const subjects = await Promise.all(
        availableLanguages.map(async (language) => (await renderMail(name, { brand, language, data: sampleData })).subject),
      );
      expect(new Set(subjects).size, name).toBe(availableLanguages.length);
    }
  });

  it("a missing required value or a non-http link throws instead of sending a broken mail", async () => {
    const brand = resolveMailConfiguration();
    await expect(renderMail("2fa-email-code", { brand, data: {} })).rejects.toThrow(/data\.code/);
    await expect(renderMail("email-transfer-code", { brand, data: { code: "123456" } })).rejects.toThrow(/data\.newEmail/);
    await expect(
      renderMail("email-change-undo", { brand, data: { link: "https://x.example/undo", oldEmail: "a@b.example" } }),
    ).rejects.toThrow(/newEmail/);
    await expect(renderMail("password-reset-link", { brand, data: { link: "javascript:alert(1)" } })).rejects.toThrow(/http/);
    await expect(renderMail("password-reset-link", { brand, data: { link: "/relative" } })).rejects.toThrow(/absolute/);
  });

  it("escapes every interpolated value in HTML (and keeps it verbatim in text)", async () => {
    const brand = resolveMailConfiguration();
    const evil = `x"><script>alert(1)</script>&@example.com`;
    const mail = await renderMail("email-change-undo", {
      brand,
      data: { link: "https://x.example/u?a=1&b=2", oldEmail: evil, newEmail: "n@example.com" },
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;@example.com");
    expect(mail.html).toContain('href="https://x.example/u?a=1&amp;b=2"');
    expect(mail.text).toContain(evil);
    const method = await renderMail("2fa-method-added", { brand, data: { method: "<b>webauthn</b>" } });
    expect(method.html).toContain("&lt;b&gt;webauthn&lt;/b&gt;");
    expect(method.html).not.toContain("<b>webauthn");
  });

  it("names 2FA methods in the mail's language, whatever alias the caller uses", async () => {
    const brand = resolveMailConfiguration();
    expect((await renderMail("2fa-method-added", { brand, language: "en", data: { method: "totp" } })).text).toContain(
      "“authenticator app”",
    );
    expect((await renderMail("2fa-method-added", { brand, language: "nl", data: { method: "totp" } })).text).toContain(
      "‘authenticator-app’",
    );
    expect((await renderMail("2fa-method-removed", { brand, language: "de", data: { method: "email-otp" } })).text).toContain(
      "„E-Mail-Codes“",
    );
    expect((await renderMail("2fa-method-removed", { brand, language: "fr", data: { method: "emailOtp" } })).text).toContain(
      "« codes par e-mail »",
    );
  });

  it("language and origin change subject, body and branding; an unknown language falls back to the brand's default", async () => {
    const gatehouse = resolveMailConfiguration();
    const sofar = resolveMailConfiguration("sofar");
    const smartgridone = resolveMailConfiguration("smartgridone");
    const data = { code: "123456" };
    const en = await renderMail("2fa-email-code", { brand: gatehouse, language: "en", data });
    const nl = await renderMail("2fa-email-code", { brand: gatehouse, language: "nl", data });
    expect(en.subject).toBe("Your Gatehouse verification code");
    expect(nl.subject).toBe("Je verificatiecode voor Gatehouse");
    expect(nl.text).toContain("Voer deze code in");
    expect(en.text).not.toContain("Voer deze code in");
    expect((await renderMail("2fa-email-code", { brand: gatehouse, language: "NL", data })).subject).toBe(nl.subject);

    const sofarMail = await renderMail("2fa-email-code", { brand: sofar, language: "en", data });
    expect(sofarMail.subject).toBe("Your Sofar verification code");
    expect(sofarMail.html).toContain("#b45309");
    expect(sofarMail.html).toContain('src="https://portal.sofar.example/brands/sofar.png"');
    expect(sofarMail.html).toContain("https://portal.sofar.example");
    expect(sofarMail.html).not.toContain("Gatehouse");
    expect(sofarMail.html).not.toContain(gatehouse.colors.primary);
    expect(en.html).toContain(gatehouse.colors.primary);

    // Spanish has no templates: each brand falls back to its own default language.
    expect(await renderMail("2fa-email-code", { brand: gatehouse, language: "es", data })).toMatchObject({
      language: "en",
      subject: en.subject,
    });
    expect(await renderMail("2fa-email-code", { brand: smartgridone, language: "es", data })).toMatchObject({
      language: "nl",
      subject: "Je verificatiecode voor SmartgridOne",
    });
    expect((await renderMail("2fa-email-code", { brand: smartgridone, data })).language).toBe("nl");
  });

  it("the mail-log copy of a real transport masks codes and links", async () => {
    const brand = resolveMailConfiguration();
    const code = await renderMail("password-reset-code", { brand, data: { code: "774411" }, secrets: "redact" });
    expect(code.html + code.text).not.toContain("774411");
    expect(code.html).toContain(REDACTED_CODE);
    const link = await renderMail("password-reset-link", {
      brand,
      data: { link: "https://portal.example/r?token=s3cr3t" },
      secrets: "redact",
    });
    expect(link.html + link.text).not.toContain("s3cr3t");
    expect(link.text).toContain(REDACTED_LINK);
  });
});

describe("transports", () => {
  it("outbox (the configured default): sendMail stores the message as sent", async () => {
    const to = uniqueEmail("outbox");
    const receipt = await sendMail({ to, template: "password-reset-code", data: { code: "246810" }, origin: "sofar", language: "fr" });
    const rows = await rowsTo(to);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      id: receipt.id,
      transport: "outbox",
      status: "sent",
      fromAddress: "Sofar <no-reply@sofar.example>",
      subject: "Réinitialisation de votre mot de passe Sofar",
      origin: "sofar",
      language: "fr",
      template: "password-reset-code",
      error: null,
    });
    // The outbox row is the message itself: the recipient reads the code from it.
    expect(row.html).toContain("246810");
    expect(row.text).toContain("246810");
  });

  it("an unknown origin is refused before anything is rendered or stored", async () => {
    const to = uniqueEmail("unknown-origin");
    await expectApiError(
      sendMail({ to, template: "2fa-email-code", data: { code: "111111" }, origin: "acme" }),
      500,
      "UNABLE_TO_FIND_MAIL_TEMPLATE",
    );
    expect(await rowsTo(to)).toHaveLength(0);
  });

  describe("SMTP", () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    beforeAll(async () => {
      smtp = await startSmtpServer({ user: "mailer", pass: "p@ss word" });
    });
    afterAll(() => smtp?.close());

    it("delivers a real message to an SMTP server", async () => {
      const to = uniqueEmail("smtp");
      const transport = createTransport("smtp", {
        smtp: { url: `smtp://mailer:${encodeURIComponent("p@ss word")}@127.0.0.1:${smtp.port}` },
      });
      const receipt = await deliver({ to, template: "2fa-email-code", data: { code: "135790" }, language: "en" }, transport);

      const received = smtp.messages.filter((m) => m.envelopeTo.includes(to));
      expect(received).toHaveLength(1);
      const [message] = received;
      expect(message.user).toBe("mailer");
      expect(message.envelopeFrom).toBe("no-reply@gatehouse.local");
      const headers = rawHeaders(message.raw);
      expect(headers.to).toBe(to);
      expect(headers.from).toBe("Gatehouse <no-reply@gatehouse.local>");
      expect(headers.subject).toBe("Your Gatehouse verification code");
      expect(headers["x-gatehouse-mail-id"]).toBe(receipt.id);
      expect(headers["content-type"]).toMatch(/^multipart\/alternative/);
      const body = decodeQuotedPrintable(message.raw);
      expect(body).toContain("Content-Type: text/plain");
      expect(body).toContain("Content-Type: text/html");
      expect(body).toContain("135790");
      expect(body).toContain("Enter this code in Gatehouse");

      const [row] = await rowsTo(to);
      expect(row).toMatchObject({ id: receipt.id, transport: "smtp", status: "sent", subject: "Your Gatehouse verification code" });
      // The log copy of a real transport does not keep the code.
      expect(row.html + row.text).not.toContain("135790");
      expect(row.html).toContain(REDACTED_CODE);
    });

    it("wrong SMTP credentials are a delivery failure", async () => {
      const to = uniqueEmail("smtp-auth");
      const transport = createTransport("smtp", { smtp: { url: `smtp://mailer:wrong-secret@127.0.0.1:${smtp.port}` } });
      await expectApiError(deliver({ to, template: "password-changed" }, transport), 500, "MAIL_DELIVERY_FAILED");
      const [row] = await rowsTo(to);
      expect(row.status).toBe("failed");
      expect(row.error).toMatch(/EAUTH/);
      expect(row.error).not.toContain("wrong-secret");
      expect(smtp.messages.some((m) => m.envelopeTo.includes(to))).toBe(false);
    });

    it("an unreachable SMTP server: MAIL_DELIVERY_FAILED and a failed row with the error", async () => {
      const to = uniqueEmail("smtp-down");
      const transport = createTransport("smtp", { smtp: { url: `smtp://127.0.0.1:${await closedPort()}`, timeoutMs: 3000 } });
      await expectApiError(deliver({ to, template: "2fa-email-code", data: { code: "999000" } }, transport), 500, "MAIL_DELIVERY_FAILED");
      const rows = await rowsTo(to);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ transport: "smtp", status: "failed", template: "2fa-email-code" });
      expect(rows[0].error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    });
  });

  describe("Resend", () => {
    let resend: Awaited<ReturnType<typeof startResendStandIn>>;
    beforeAll(async () => {
      resend = await startResendStandIn();
    });
    afterAll(() => resend?.close());

    it("delivers through the Resend API at the configured base URL", async () => {
      const to = uniqueEmail("resend");
      const transport = createTransport("resend", { resend: { apiKey: "re_test_123", baseUrl: `${resend.url}/` } });
      const receipt = await deliver(
        { to, template: "email-transfer-code", data: { code: "864200", newEmail: to }, origin: "smartgridone" },
        transport,
      );

      const calls = resend.requests.filter((r) => (r.body.to as string[] | string)?.toString().includes(to));
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call.method).toBe("POST");
      expect(call.path).toBe("/emails");
      expect(call.headers.authorization).toBe("Bearer re_test_123");
      expect(call.headers["idempotency-key"]).toBe(receipt.id);
      expect(call.body.from).toBe("SmartgridOne <no-reply@smartgridone.example>");
      expect(call.body.subject).toBe("Bevestig je nieuwe e-mailadres voor SmartgridOne");
      expect(call.body.html).toContain("864200");
      expect(call.body.html).toContain("#0f766e");
      expect(call.body.text).toContain("864200");
      expect(receipt.providerId).toMatch(/^re_/);

      const [row] = await rowsTo(to);
      expect(row).toMatchObject({ id: receipt.id, transport: "resend", status: "sent", origin: "smartgridone", language: "nl" });
      expect(row.html + row.text).not.toContain("864200");
    });

    it("an error answer from Resend ({ data: null, error }) is a delivery failure", async () => {
      resend.respondWith(() => ({ status: 422, json: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } }));
      try {
        const to = uniqueEmail("resend-422");
        const transport = createTransport("resend", { resend: { apiKey: "re_test_123", baseUrl: resend.url } });
        await expectApiError(deliver({ to, template: "password-reset" }, transport), 500, "MAIL_DELIVERY_FAILED");
        const [row] = await rowsTo(to);
        expect(row.status).toBe("failed");
        expect(row.error).toContain("validation_error");
        expect(row.error).toContain("Invalid `to` field.");
      } finally {
        resend.respondWith(() => ({ status: 200, json: { id: "re_ok" } }));
      }
    });

    it("an unreachable Resend API is a delivery failure", async () => {
      const to = uniqueEmail("resend-down");
      const transport = createTransport("resend", { resend: { apiKey: "re_test_123", baseUrl: `http://127.0.0.1:${await closedPort()}` } });
      await expectApiError(deliver({ to, template: "2fa-email-code", data: { code: "123123" } }, transport), 500, "MAIL_DELIVERY_FAILED");
      expect((await rowsTo(to))[0]).toMatchObject({ status: "failed", transport: "resend" });
    });
  });
});

describe("forbidden mail providers", () => {
  it("refuses disposable-mail domains and their subdomains with 403 FORBIDDEN_MAIL_PROVIDER", async () => {
    for (const email of [
      "someone@mailinator.com",
      "Someone@MAILINATOR.COM",
      "x@eu.mailinator.com",
      "x@a.b.mailinator.com",
      "x@mailinator.com.",
      "x@yopmail.com",
    ]) {
      await expectApiError(() => assertAllowedMailProvider(email), 403, "FORBIDDEN_MAIL_PROVIDER");
    }
  });

  it("lets ordinary domains through, including look-alikes that only end with a listed name", () => {
    for (const email of [
      "someone@example.com",
      "someone@gmail.com",
      "x@ilovemailinator.example",
      "x@mailinator.com.example.org",
      "x@company.be",
    ]) {
      expect(() => assertAllowedMailProvider(email), email).not.toThrow();
    }
  });

  it("a configured extra list blocks its domains and their subdomains", () => {
    const check = forbiddenDomainChecker(["Corp-Blocked.example", " other.test "]);
    expect(check("corp-blocked.example")).toBe(true);
    expect(check("mail.corp-blocked.example")).toBe(true);
    expect(check("other.test")).toBe(true);
    expect(check("not-corp-blocked.example")).toBe(false);
    expect(check("example")).toBe(false);
  });
});

describe("notifyAccountHolder", () => {
  it("sends the notice to the account's address in the requested brand and language", async () => {
    const user = await createTestUser();
    const id = await notifyAccountHolder(user.id, "2fa-method-added", { origin: "sofar", language: "de", data: { method: "totp" } });
    const [row] = await rowsTo(user.email);
    expect(row).toMatchObject({ id, userId: user.id, template: "2fa-method-added", origin: "sofar", language: "de", status: "sent" });
    expect(row.text).toContain("„Authenticator-App“");
  });

  it("an unknown origin is not swallowed: the notice goes out with the default brand", async () => {
    const user = await createTestUser();
    const id = await notifyAccountHolder(user.id, "password-changed", { origin: "no-such-brand", language: "nl" });
    expect(id).not.toBeNull();
    const rows = await rowsTo(user.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ origin: "gatehouse", language: "nl", subject: "Je wachtwoord voor Gatehouse is gewijzigd" });
  });

  it("can address another mailbox (the old address after an email change)", async () => {
    const user = await createTestUser();
    const old = uniqueEmail("old");
    await notifyAccountHolder(user.id, "email-changed", { to: old, data: { newEmail: user.email } });
    expect(await rowsTo(user.email)).toHaveLength(0);
    const [row] = await rowsTo(old);
    expect(row.userId).toBe(user.id);
    expect(row.text).toContain(`The new address is ${user.email}.`);
  });

  it("is best effort: a failing transport or an unknown user never throws", async () => {
    const user = await createTestUser();
    const down = createTransport("smtp", { smtp: { url: `smtp://127.0.0.1:${await closedPort()}`, timeoutMs: 3000 } });
    await expect(notifyAccountHolder(user.id, "recovery-codes-reset", {}, down)).resolves.toBeNull();
    expect((await rowsTo(user.email))[0]).toMatchObject({ status: "failed", template: "recovery-codes-reset" });
    await expect(notifyAccountHolder(987654321, "password-changed")).resolves.toBeNull();
  });
});

// sendMail, notifyAccountHolder and assertAllowedMailProvider read the configuration, which
// lib/config reads once per module instance. These tests load a fresh copy of lib/ (same
// database client) after setting the environment, so the configured wiring itself is tested.
// (They stay in this file: two test processes writing one SQLite file collide, see the report.)
async function withConfiguration<T>(vars: Record<string, string>, run: (mail: typeof import("@/lib/mail")) => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    vi.resetModules();
    return await run(await import("@/lib/mail"));
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("the configured transport and lists (MAIL_TRANSPORT, SMTP_URL, RESEND_*, MAIL_FORBIDDEN_DOMAINS)", () => {
  it("MAIL_TRANSPORT=smtp: sendMail goes through SMTP_URL; a notice with the server gone is a failed row, not an exception", async () => {
    const smtp = await startSmtpServer();
    try {
      await withConfiguration({ MAIL_TRANSPORT: "smtp", SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, async (mail) => {
        expect(mail.configuredTransport().kind).toBe("smtp");
        const to = uniqueEmail("configured-smtp");
        const link = "https://portal.sofar.example/reset?t=XYZ789";
        const receipt = await mail.sendMail({ to, template: "password-reset-link", data: { link }, origin: "sofar", language: "de" });
        const message = smtp.messages.find((m) => m.envelopeTo.includes(to));
        expect(message).toBeDefined();
        const headers = rawHeaders(message!.raw);
        expect(headers.to).toBe(to);
        expect(headers.from).toBe("Sofar <no-reply@sofar.example>");
        expect(headers.subject).toMatch(/^=\?UTF-8\?/i); // "Ihr Sofar-Passwort zurücksetzen", MIME-encoded (ü)
        const body = decodeQuotedPrintable(message!.raw);
        expect(body).toContain(link);
        expect(body).toContain("Neues Passwort wählen");
        const row = await db.mailMessage.findUniqueOrThrow({ where: { id: receipt.id } });
        expect(row).toMatchObject({ transport: "smtp", status: "sent", subject: "Ihr Sofar-Passwort zurücksetzen", language: "de" });
        expect(row.html + row.text).not.toContain("XYZ789");

        const user = await createTestUser();
        await smtp.close();
        await expect(mail.notifyAccountHolder(user.id, "password-reset")).resolves.toBeNull();
        const rows = await rowsTo(user.email);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ status: "failed", transport: "smtp", template: "password-reset", userId: user.id });
        expect(rows[0].error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      });
    } finally {
      await smtp.close().catch(() => {});
    }
  });

  it("MAIL_TRANSPORT=resend: sendMail posts to RESEND_BASE_URL with RESEND_API_KEY; the SDK also reads RESEND_BASE_URL itself", async () => {
    const resend = await startResendStandIn();
    try {
      await withConfiguration(
        { MAIL_TRANSPORT: "resend", RESEND_API_KEY: "re_configured_key", RESEND_BASE_URL: resend.url },
        async (mail) => {
          expect(mail.configuredTransport().kind).toBe("resend");
          const to = uniqueEmail("configured-resend");
          const link = "https://portal.smartgridone.example/setup?t=QQ11";
          const receipt = await mail.sendMail({ to, template: "account-setup-link", data: { link }, origin: "smartgridone" });
          const call = resend.requests.find((r) => JSON.stringify(r.body.to).includes(to));
          expect(call).toMatchObject({ method: "POST", path: "/emails" });
          expect(call!.headers.authorization).toBe("Bearer re_configured_key");
          expect(call!.body.subject).toBe("Stel je SmartgridOne-account in");
          expect(call!.body.html).toContain(`href="${link}"`);
          const row = await db.mailMessage.findUniqueOrThrow({ where: { id: receipt.id } });
          expect(row).toMatchObject({ transport: "resend", status: "sent", origin: "smartgridone", language: "nl" });

          // A transport built without a base URL: the SDK falls back to RESEND_BASE_URL (never api.resend.com here).
          const before = resend.requests.length;
          await mail.deliver(
            { to: uniqueEmail("resend-env"), template: "password-changed" },
            mail.createTransport("resend", { resend: { apiKey: "re_other" } }),
          );
          expect(resend.requests.length).toBe(before + 1);
          expect(resend.requests.at(-1)!.headers.authorization).toBe("Bearer re_other");
        },
      );
    } finally {
      await resend.close();
    }
  });

  it("MAIL_FORBIDDEN_DOMAINS adds to the built-in list (subdomains included)", async () => {
    await withConfiguration({ MAIL_FORBIDDEN_DOMAINS: "Blocked-Corp.example, other.test" }, async (mail) => {
      for (const email of ["a@blocked-corp.example", "a@mx.blocked-corp.example", "a@other.test", "a@mailinator.com"]) {
        await expectApiError(() => mail.assertAllowedMailProvider(email), 403, "FORBIDDEN_MAIL_PROVIDER");
      }
      expect(() => mail.assertAllowedMailProvider("a@unblocked-corp.example")).not.toThrow();
    });
    // The process's own configuration has no extra list.
    expect(() => assertAllowedMailProvider("a@blocked-corp.example")).not.toThrow();
  });
});

describe("development mailbox", () => {
  it("lists stored messages newest first, optionally for one recipient", async () => {
    const to = uniqueEmail("mailbox");
    const templates: TemplateName[] = ["password-changed", "recovery-codes-reset", "account-locked"];
    for (const template of templates) {
      await sendMail({ to, template });
      await new Promise((r) => setTimeout(r, 5));
    }
    const listed = await listMailMessages({ to });
    expect(listed.map((m) => m.template)).toEqual([...templates].reverse());
    expect(listed[0]).toMatchObject({ toAddress: to, status: "sent" });
    const all = await listMailMessages({ limit: 500 });
    for (let i = 1; i < all.length; i++) expect(all[i - 1].createdAt.getTime()).toBeGreaterThanOrEqual(all[i].createdAt.getTime());
  });

  it("is off in production (the test server runs NODE_ENV=production without DEV_MAILBOX)", async () => {
    const response = await fetch(`${process.env.APP_URL}/dev/mailbox`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("development mailbox");
  });
});

describe("wording that must be true (issue 14 bug 6)", async () => {
  const brand = resolveMailConfiguration();
  const link = "https://portal.example/set-up?token=abc123";
  const render = async (name: TemplateName, language: string, minutes?: number) =>
    (await renderMail(name, { brand, language, data: { link, ...(minutes === undefined ? {} : { minutes }) } })).text;

  it("a lifetime of whole hours reads as hours, in every language; others stay minutes", async () => {
    const expected: Record<string, [string, string, string]> = {
      en: ["It expires in 24 hours.", "It expires in 1 hour.", "It expires in 30 minutes."],
      nl: ["Hij verloopt over 24 uur.", "Hij verloopt over 1 uur.", "Hij verloopt over 30 minuten."],
      fr: ["Il expire dans 24 heures.", "Il expire dans 1 heure.", "Il expire dans 30 minutes."],
      de: ["Er läuft in 24 Stunden ab.", "Er läuft in 1 Stunde ab.", "Er läuft in 30 Minuten ab."],
    };
    expect(Object.keys(expected).sort()).toEqual([...availableLanguages].sort());
    for (const [language, [day, hour, halfHour]] of Object.entries(expected)) {
      expect(await render("account-setup-link", language, 1440), language).toContain(day);
      expect(await render("account-setup-link", language, 1440), language).not.toContain("1440");
      expect(await render("password-reset-link", language, 60), language).toContain(hour);
      expect(await render("password-reset-link", language, 30), language).toContain(halfHour);
    }
  });

  it("the welcome mail does not say “if you did not ask for this”: an administrator asked", async () => {
    for (const language of ["en", "nl"]) {
      const text = await render("account-setup-link", language, 1440);
      expect(text, language).not.toContain(mailWords(language).common.ignore);
    }
    expect(await render("account-setup-link", "en", 1440)).not.toMatch(/did not ask/i);
  });

  it("the reset link after an undone email change says the password is gone, not that nothing changes", async () => {
    const en = await render("email-change-undone-reset", "en", 60);
    expect(en).not.toContain(mailWords("en").common.ignore);
    expect(en).not.toMatch(/nothing changes/i);
    expect(en).toContain("its password was removed and every device was signed out");
    expect(en).toContain(link);
    const de = await render("email-change-undone-reset", "de", 60);
    expect(de).not.toContain(mailWords("de").common.ignore);
    expect(de).toContain("das Passwort entfernt");
  });
});

describe("sign-in notices (issue 14): a new device, a recovery code used", () => {
  const brand = resolveMailConfiguration();
  const newDevice = (language: string, data: Record<string, string | number>) =>
    renderMail("new-device-sign-in", { brand, language, data });

  it("names the device in the mail's language, with the address and the time (UTC)", async () => {
    const expected: Record<string, [string, string]> = {
      en: ["Firefox on Windows", "1 December 2026"],
      nl: ["Firefox op Windows", "1 december 2026"],
      fr: ["Firefox sous Windows", "1 décembre 2026"],
      de: ["Firefox unter Windows", "1. Dezember 2026"],
    };
    expect(Object.keys(expected).sort()).toEqual([...availableLanguages].sort());
    for (const [language, [device, date]] of Object.entries(expected)) {
      const mail = await newDevice(language, { device: "Firefox/Windows", ip: "203.0.113.7", time: "2026-12-01T10:30:00.000Z" });
      for (const part of [mail.text, mail.html]) {
        expect(part, language).toContain(device);
        expect(part, language).toContain("203.0.113.7");
        expect(part, language).toContain(date);
        expect(part, language).toContain("10:30");
        expect(part, language).toContain("UTC");
      }
      expect(mail.text, language).toContain(mailWords(language).common.notYou);
    }
  });

  it("a device without a system, or an unknown one, still reads as a sentence", async () => {
    expect((await newDevice("en", { device: "curl/?" })).text).toContain("from curl,");
    expect((await newDevice("en", { device: "?/?" })).text).toContain("from an unknown device,");
    expect((await newDevice("nl", { device: "?/?" })).text).toContain("vanaf een onbekend apparaat.");
    expect((await newDevice("en", { device: "?/?" })).text).not.toMatch(/\?/);
  });

  it("a recovery code used says how many are left", async () => {
    for (const language of availableLanguages) {
      const mail = await renderMail("recovery-code-used", { brand, language, data: { remaining: 3 } });
      expect(mail.text, language).toMatch(/\b3\b/);
      expect(mail.text, language).toContain(mailWords(language).common.notYou);
    }
    await expect(renderMail("recovery-code-used", { brand, data: {} })).rejects.toThrow(/data\.remaining/);
    await expect(renderMail("new-device-sign-in", { brand, data: {} })).rejects.toThrow(/data\.device/);
  });
});
