import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import { loginBody } from "@/lib/auth/schemas";
import { passwordProblem } from "@/lib/passwords/policy";
import { newPasswordSchema } from "@/lib/passwords/schema";
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
    expect(describeFieldError({ type: "custom", message: "must be base64url without padding" }, "Token", words("nl"))).toBe(
      "Token must be base64url without padding",
    );
  });

  it("words the password policy: the schema's rule and the server's beyond it, as the API's 400 gives them", () => {
    const weak = newPasswordSchema.safeParse("lowercase only");
    if (weak.success) throw new Error("expected a failure");
    const [issue] = weak.error.issues;
    expect(describeFieldError({ type: issue.code, message: issue.message }, "Passwort", words("de"))).toBe(
      "Passwort muss einen Kleinbuchstaben, einen Großbuchstaben und eine Ziffer enthalten",
    );
    const common = { type: "api", message: passwordProblem("Password1", null) ?? "" };
    expect(describeFieldError(common, "Wachtwoord", words("nl"))).toBe(
      "Wachtwoord wordt te vaak gebruikt: kies een wachtwoord dat niet op lijsten met gelekte wachtwoorden staat",
    );
    expect(describeFieldError(common, "Password", words("en"))).toBe(
      "Password is too common: choose one that is not on lists of leaked passwords",
    );
    const own = { type: "api", message: passwordProblem("Me@Example.com", "me@example.com") ?? "" };
    expect(describeFieldError(own, "Mot de passe", words("fr"))).toBe(
      "Le champ « Mot de passe » ne doit pas correspondre à votre adresse e-mail",
    );
  });
});
