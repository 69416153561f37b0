import { describe, expect, it } from "vitest";
import { returnPath, signInPath } from "./return-path";

describe("returnPath", () => {
  it("keeps the portal's and the dashboard's pages, with their query", () => {
    expect(returnPath("/account/sessions")).toBe("/account/sessions");
    expect(returnPath("/admin/users/7?tab=activity")).toBe("/admin/users/7?tab=activity");
    expect(returnPath("/account")).toBe("/account");
  });

  it("sends everything else to the account page", () => {
    for (const next of [
      undefined,
      42,
      "",
      "https://evil.example/account",
      "//evil.example/account",
      "/\\evil.example",
      "/account\\..\\..",
      "/\taccount",
      "/login",
      "/accountant",
      "account/sessions",
      "javascript:alert(1)",
      `/account/${"x".repeat(600)}`,
    ])
      expect(returnPath(next), String(next)).toBe("/account");
  });

  it("resolves dot segments before deciding", () => {
    expect(returnPath("/account/../login")).toBe("/account");
    expect(returnPath("/admin/./users")).toBe("/admin/users");
  });
});

describe("signInPath", () => {
  it("carries the page asked for and the reason", () => {
    expect(signInPath("/account/sessions")).toBe("/login?next=%2Faccount%2Fsessions");
    expect(signInPath("/account/sessions", "ended")).toBe("/login?next=%2Faccount%2Fsessions&reason=ended");
    expect(signInPath("/account")).toBe("/login");
    expect(signInPath("//evil.example")).toBe("/login");
    expect(signInPath(null, "ended")).toBe("/login?reason=ended");
  });
});
