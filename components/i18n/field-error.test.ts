import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import { loginBody } from "@/lib/auth/schemas";
import { describeFieldError } from "./field-error";

// The shared schemas' English rule phrases become the page's language, with the form's label.

const words = (locale: "en" | "nl" | "fr" | "de") => createTranslator({ locale, messages: catalogues[locale], namespace: "FieldErrors" });

/** The phrase the schema itself gives for `body`'s first issue, as react-hook-form keeps it. */
function schemaError(body: unknown) {
  const result = loginBody.safeParse(body);
  if (result.success) throw new Error("expected a failure");
  return { type: result.error.issues[0].code, message: result.error.issues[0].message };
}

describe("describeFieldError", () => {
  it("words the schema's own rules in each language, with the label and a plural count", () => {
    const missing = schemaError({ username: "", password: "x" });
    const long = schemaError({ username: "a".repeat(257), password: "x" });
    expect(describeFieldError(missing, "E-mailadres", words("nl"))).toBe("E-mailadres is verplicht");
    expect(describeFieldError(long, "E-Mail", words("de"))).toBe("E-Mail darf höchstens 256 Zeichen lang sein");
    expect(describeFieldError(long, "E-mail", words("fr"))).toBe("Le champ « E-mail » ne doit pas dépasser 256 caractères");
    expect(describeFieldError(missing, "Email", words("en"))).toBe("Email is required");
  });

  it("shows a sentence the page set itself as it is, nothing for no error, and names the field of an unknown rule", () => {
    expect(describeFieldError({ type: "server", message: "Het wachtwoord is onjuist." }, "Wachtwoord", words("nl"))).toBe(
      "Het wachtwoord is onjuist.",
    );
    expect(describeFieldError(undefined, "Email", words("en"))).toBeUndefined();
    expect(describeFieldError({ type: "custom", message: "is too common" }, "Wachtwoord", words("nl"))).toBe("Wachtwoord is too common");
  });
});
