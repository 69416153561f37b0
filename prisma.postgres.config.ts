import "./lib/config/load-env";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/pg-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgres", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgres", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url?.startsWith("postgres")) throw new Error("prisma.postgres.config.ts needs DATABASE_URL=postgresql://…");
    return migrationAdapter(url, process.env.SHADOW_DATABASE_URL);
  },
});
