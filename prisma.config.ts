import "./lib/config/load-env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { withScriptShadow } from "./prisma/shadow-fix";

// The schema's env("DATABASE_URL") must resolve even on a fresh clone (postinstall runs generate).
process.env.DATABASE_URL ??= "file:./prisma/dev.db";

// SQLite (the embedded default). PostgreSQL uses prisma.postgres.config.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return withScriptShadow(new PrismaLibSQL({ url: process.env.DATABASE_URL! }));
  },
});
