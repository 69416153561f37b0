// `npm run db:postgres`: prepare a PostgreSQL deployment — generate the PostgreSQL client,
// apply the migrations, build.
import "../lib/config/load-env";
import { isPostgresUrl } from "../lib/config";
import { ensureBuild } from "./lib/build";
import { ensureClientFor, migrate } from "./lib/database";

const url = process.env.DATABASE_URL ?? "";
if (!isPostgresUrl(url)) {
  console.error("Set DATABASE_URL=postgresql://user:pass@host:5432/db first.");
  process.exit(1);
}
ensureClientFor(url);
migrate(url);
ensureBuild(process.env.NEXT_DIST_DIR ?? ".next", "postgresql");
console.log("PostgreSQL is migrated and the app is built: `npm start` serves it.");
