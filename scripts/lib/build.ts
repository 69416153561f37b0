// Builds the Next app only when needed: no build yet, sources newer than the build, or a build
// made for another database provider (the generated Prisma client is provider-specific).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const sources = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "public",
  "proxy.ts",
  "tsconfig.build.json",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry) || entry.endsWith(`lib${path.sep}generated`)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function ensureBuild(distDir: string, provider: string, env: Record<string, string | undefined> = process.env): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  const marker = path.join(distDir, "gatehouse-provider");
  const fresh =
    existsSync(buildId) &&
    existsSync(marker) &&
    readFileSync(marker, "utf8") === provider &&
    statSync(buildId).mtimeMs > Math.max(...sources.map(newestMtime));
  if (fresh) return false;
  console.log(`Building Gatehouse (${provider}) into ${distDir} …`);
  execFileSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(marker, provider);
  return true;
}
