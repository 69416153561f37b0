import { describe, expect, it } from "vitest";
import { api, createTestUser, expectEnvelope, signedIn } from "../helpers";

// A 400 answers a sentence in `message` (for people and for compatibility) and the input at fault
// in `field` (for programs): the dotted path the sentence starts with, or "body"/"query"/"path"
// when the whole input is at fault. The portal's forms put the message under that field.

const login = (body: string) => api("/auth/login", { body, headers: { "Content-Type": "application/json" } });

describe("400 answers name the field in `field`", () => {
  it.each([
    ["a missing field", JSON.stringify({ username: "a@example.com" }), "password", "password is required"],
    ["a wrong type", JSON.stringify({ username: 5, password: "x" }), "username", "username must be of type string"],
    [
      "a NUL character",
      JSON.stringify({ username: "a\u0000@example.com", password: "x" }),
      "username",
      "username must not contain NUL characters",
    ],
    ["a body that is not JSON", "{username:", "body", "body is not valid JSON"],
    ["an empty body", "", "body", "body is required: send a JSON object"],
    ["an array body", "[]", "body", "body must be of type object"],
    ["a NUL inside an array body", JSON.stringify([["a\u0000"]]), "body.0.0", "body.0.0 must not contain NUL characters"],
    [
      "a body nested too deep",
      "[".repeat(70) + "]".repeat(70),
      "body",
      "body is nested 70 levels deep: at most 64 levels of arrays and objects are allowed",
    ],
  ])("from the body's validation: %s", async (_, body, field, message) => {
    const r = await login(body);
    expectEnvelope(r, 400, message);
    expect(r.json.field).toBe(field);
  });

  it("from the query's and the path's validation", async () => {
    const user = await createTestUser();
    const badFlag = await api("/auth/login?cookie=maybe", { body: { username: user.email, password: user.password } });
    expectEnvelope(badFlag, 400, "cookie must be true or false");
    expect(badFlag.json.field).toBe("cookie");
    const { accessToken } = await signedIn(user);
    const longId = await api(`/user/sessions/${"x".repeat(101)}`, { method: "DELETE", token: accessToken });
    expectEnvelope(longId, 400, "id must be at most 100 characters");
    expect(longId.json.field).toBe("id");
  });

  it("from lib/: the password rules and the current-password check name newPassword", async () => {
    const user = await createTestUser();
    const { accessToken } = await signedIn(user);
    const change = (newPassword: string) =>
      api("/user/password/old-password", { method: "PUT", token: accessToken, body: { oldPassword: user.password, newPassword } });
    const common = await change("Password1");
    expectEnvelope(common, 400, "newPassword is too common: choose one that is not on lists of leaked passwords");
    expect(common.json.field).toBe("newPassword");
    const same = await change(user.password);
    expectEnvelope(same, 400, "newPassword must not be your current password");
    expect(same.json.field).toBe("newPassword");
  });

  it("is documented in the OpenAPI ErrorEnvelope and required in every 400 response", async () => {
    const doc = (await api("/api/openapi.json")).json;
    expect(doc.components.schemas.ErrorEnvelope.properties.field).toMatchObject({ type: "string" });
    const login400 = doc.paths["/auth/login"].post.responses["400"].content["application/json"];
    expect(login400.schema.required).toContain("field");
    expect(login400.examples.invalid.value).toMatchObject({ statusCode: 400, field: "username" });
  });

  it("is absent from answers other than 400", async () => {
    const r = await api("/auth/login", { body: { username: "nobody@example.com", password: "Wrong-password-1" } });
    expectEnvelope(r, 401, "PASSWORD_INCORRECT");
    expect(r.json).not.toHaveProperty("field");
  });
});
