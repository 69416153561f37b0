import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { noMeta } from "@/lib/events";
import { loginWithPassword } from "@/lib/auth/login";
import { passwordThrottle } from "@/lib/auth/password-throttle";

// The prune behind the unknown-address counters runs from the login itself (at most once a
// minute per process; this test file's process has not logged in before).
describe("unknown-address login counters", () => {
  it("are pruned in the background of a login once idle for a day", async () => {
    const { prefix } = passwordThrottle.unknownAddresses;
    const idle = `${prefix}idle-${randomUUID()}`;
    const recent = `${prefix}recent-${randomUUID()}`;
    await db.throttle.create({
      data: { key: idle, failures: 3, updatedAt: new Date(Date.now() - passwordThrottle.forgetAfterSeconds * 1000 - 60_000) },
    });
    await db.throttle.create({ data: { key: recent, failures: 3, updatedAt: new Date(Date.now() - 3600_000) } });
    const login = loginWithPassword({ username: `nobody-${randomUUID()}@example.com`, password: "Wrong-password-1" }, noMeta);
    await expect(login).rejects.toMatchObject({ status: 401, code: "PASSWORD_INCORRECT" });
    for (let i = 0; i < 100 && (await db.throttle.findUnique({ where: { key: idle } })); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await db.throttle.findUnique({ where: { key: idle } })).toBeNull();
    expect(await db.throttle.findUnique({ where: { key: recent } })).not.toBeNull();
  });
});
