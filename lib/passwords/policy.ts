import { readFileSync } from "node:fs";
import path from "node:path";

// Gatehouse refuses, beyond the schema, the 30,000 most common passwords and the account's own
// email address. This part reads a file, so it runs on the server only.

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib", "passwords", "common-passwords.txt");
    common = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l && !l.startsWith("#")),
    );
  }
  return common;
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

/** The rules beyond the schema; returns a message for the field, or null when acceptable. */
export function passwordProblem(password: string, email: string | null): string | null {
  if (isCommonPassword(password)) return "is too common: choose one that is not on lists of leaked passwords";
  if (email && password.trim().toLowerCase() === email.toLowerCase()) return "must not be your email address";
  return null;
}
