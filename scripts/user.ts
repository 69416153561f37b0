// Operator CLI: npm run user -- create --email <email> [--password <password>] [--admin]
//                npm run user -- list | lock <email> | unlock <email>
// Uses the same DATABASE_URL and lib/ code as the server.
import "../lib/config/load-env";
import { parseArgs } from "node:util";
import { ApiError } from "../lib/errors";
import { db } from "../lib/db";
import { createUser, findUserByEmail, setLocked } from "../lib/users";

const usage = `usage:
  npm run user -- create --email <email> [--admin]   (asks for the password; or --password, or one line on stdin)
  npm run user -- list
  npm run user -- lock <email>
  npm run user -- unlock <email>`;

/**
 * The password without putting it on the command line (shell history, `ps`): asked for without
 * echo on a terminal, else the first line of standard input.
 */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stdout.write("Password: ");
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let typed = "";
  return new Promise((resolve) => {
    process.stdin.on("data", (chunk) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write("\n");
          return resolve(typed);
        }
        if (char === "\u0003") process.exit(130); // Ctrl-C
        typed = char === "\u007f" ? typed.slice(0, -1) : typed + char;
      }
    });
  });
}

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      admin: { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  switch (command) {
    case "create": {
      if (!values.email) fail("--email is required");
      const password = values.password ?? (await readPassword());
      if (!password) fail("a password is required");
      const user = await createUser({ email: values.email, password, role: values.admin ? "admin" : "user" });
      console.log(`created ${user.role} ${user.email} (id ${user.id})`);
      return;
    }
    case "list": {
      const users = await db.user.findMany({ orderBy: { id: "asc" }, include: { totp: true, emailOtp: true } });
      for (const u of users) {
        const twoFactor = [u.totp?.activatedAt && "totp", u.emailOtp?.activatedAt && "email-otp"].filter(Boolean).join("+") || "-";
        console.log(
          [String(u.id).padStart(5), u.email.padEnd(40), u.role.padEnd(6), twoFactor.padEnd(14), u.lockedAt ? "locked" : ""].join("  "),
        );
      }
      console.log(`${users.length} account(s)`);
      return;
    }
    case "lock":
    case "unlock": {
      if (!target) fail(`${command} needs an email address`);
      const user = await findUserByEmail(target);
      if (!user) fail(`no account with email ${target}`);
      await setLocked(user.id, command === "lock");
      console.log(`${command}ed ${user.email}`);
      return;
    }
    default:
      fail(`unknown command "${command}"\n${usage}`);
  }
}

main()
  .catch((error) => {
    if (error instanceof ApiError) fail(error.code);
    if (error?.name === "ZodError") fail(error.issues?.map((i: { message: string }) => i.message).join("; "));
    fail(error instanceof Error ? error.message : String(error));
  })
  .finally(() => db.$disconnect());
