import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifySecret } from "@/lib/passwords";
import { testEnv } from "../setup/env";
import { startServer, type RunningServer } from "../setup/server";
import { api, createTestUser, sleep } from "../helpers";

// Issue 8 "fault safety": the server is killed (SIGKILL, no chance to clean up) in the middle of
// a burst of password changes and email transfers. After a restart, every account must be wholly
// before or wholly after each change: never a new password with the old sessions still alive,
// never a new address without its undo link and event, never a used code without the change.
const port = Number(testEnv().TEST_PORT) + 2;
let server: RunningServer | undefined;
// after each case, not once at the end: a case that times out leaves its server up, and the next
// case would find the port taken
afterEach(() => server?.stop());

const NEW_PASSWORD = "Fresh-Harbour-77";

async function prepareAccount(base: string) {
  const user = await createTestUser();
  const sign = async () => {
    const refresh = await api("/auth/login", { baseUrl: base, body: { username: user.email, password: user.password } });
    const access = await api("/auth/accesstoken", { baseUrl: base, token: refresh.text });
    return access.text;
  };
  const access = await sign();
  await sign(); // a second session, which a password change must end
  const newEmail = `moved-${user.email}`;
  const initiated = await api("/user/email/initiate", { baseUrl: base, body: { email: newEmail }, token: access });
  expect(initiated.status, initiated.text).toBe(200);
  const mail = await db.mailMessage.findFirstOrThrow({ where: { toAddress: newEmail }, orderBy: { createdAt: "desc" } });
  const code = /\b(\d{6})\b/.exec(mail.text)![1];
  const [current, other] = await db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  return { ...user, access, newEmail, code, currentSessionId: current.id, otherSessionId: other.id };
}

type Account = Awaited<ReturnType<typeof prepareAccount>>;

async function expectWhole(account: Account) {
  const user = await db.user.findUniqueOrThrow({ where: { id: account.id } });
  const sessions = await db.session.findMany({ where: { userId: account.id } });
  const other = sessions.find((s) => s.id === account.otherSessionId)!;
  const current = sessions.find((s) => s.id === account.currentSessionId)!;
  const events = await db.securityEvent.findMany({ where: { userId: account.id } });
  const kinds = events.map((e) => e.kind);

  // password: old and its sessions, or new with the other session ended and the caller's kept
  const isNew = await verifySecret(user.passwordHash!, NEW_PASSWORD);
  const isOld = await verifySecret(user.passwordHash!, account.password);
  expect(isNew !== isOld, `${account.email}: password is neither wholly old nor wholly new`).toBe(true);
  expect(current.revokedAt, `${account.email}: the caller's session ended`).toBeNull();
  if (isNew) {
    expect(other.revokedAt, `${account.email}: new password but the other session lives`).not.toBeNull();
    expect(kinds, `${account.email}: new password without its event`).toContain("password.changed");
  } else {
    expect(other.revokedAt, `${account.email}: old password but a session ended`).toBeNull();
    expect(kinds).not.toContain("password.changed");
  }

  // email: old with the code still usable, or new with the code used, the undo link and the event
  const code = await db.emailCode.findUnique({ where: { userId_purpose: { userId: account.id, purpose: "email-transfer" } } });
  const undo = await db.emailChangeUndo.count({ where: { userId: account.id } });
  if (user.email === account.newEmail) {
    expect(code, `${account.email}: moved but the code survives`).toBeNull();
    expect(undo, `${account.email}: moved without an undo link`).toBe(1);
    expect(kinds).toContain("email.transfer_completed");
  } else {
    expect(user.email).toBe(account.email);
    expect(code, `${account.email}: not moved but the code is gone`).not.toBeNull();
    expect(undo).toBe(0);
    expect(kinds).not.toContain("email.transfer_completed");
  }
  return { passwordChanged: isNew, moved: user.email === account.newEmail };
}

describe("a server killed mid-burst leaves every account wholly before or after", () => {
  it.each([40, 120, 250])("kill after %i ms", async (killAfterMs) => {
    server = await startServer(port, { ...testEnv(), LOG_LEVEL: "warn" });
    const accounts = [];
    for (let i = 0; i < 8; i++) accounts.push(await prepareAccount(server.url));

    const inflight = accounts.flatMap((a) => [
      api("/user/password/old-password", {
        baseUrl: server!.url,
        method: "PUT",
        body: { oldPassword: a.password, newPassword: NEW_PASSWORD },
        token: a.access,
      }).catch(() => null),
      api("/user/email", { baseUrl: server!.url, method: "PUT", body: { otp: a.code }, token: a.access }).catch(() => null),
    ]);
    await sleep(killAfterMs);
    await server.stop("SIGKILL");
    await Promise.all(inflight);
    expect(
      await fetch(`${server.url}/api/health`).then(
        () => "up",
        () => "down",
      ),
    ).toBe("down");

    server = await startServer(port, { ...testEnv(), LOG_LEVEL: "warn" }); // the restart
    for (const account of accounts) {
      const { passwordChanged, moved } = await expectWhole(account);
      // and the restarted server agrees: the current credentials sign in
      const login = await api("/auth/login", {
        baseUrl: server.url,
        body: { username: moved ? account.newEmail : account.email, password: passwordChanged ? NEW_PASSWORD : account.password },
      });
      expect(login.status, login.text).toBe(200);
    }
  });
});
