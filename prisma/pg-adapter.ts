import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// Used by the Prisma CLI only (the app's query path does not need it):
// 1) catalog queries return `name` (oid 19) and `"char"` (oid 18) columns, which adapter-pg 6.19.3
//    cannot deserialize, so report them as text (oid 25);
// 2) adapter-pg's own shadow database handling can point at the main database, so `migrate dev`
//    uses a dedicated, disposable SHADOW_DATABASE_URL instead.
function catalogSafePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: typeof query }).query = async (...args) => {
    const result = await query(...args);
    for (const field of result?.fields ?? []) if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    return result;
  };
  return pool;
}
const factory = (url: string) => new PrismaPg(catalogSafePool(url), { disposeExternalPool: true });

export function migrationAdapter(url: string, shadowUrl?: string): SqlMigrationAwareDriverAdapterFactory {
  const main = factory(url);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      if (!shadowUrl) throw new Error("SHADOW_DATABASE_URL is required for `prisma migrate dev` on PostgreSQL");
      if (shadowUrl === url) throw new Error("SHADOW_DATABASE_URL must differ from DATABASE_URL (its schema is wiped)");
      const adapter = await factory(shadowUrl).connect();
      await adapter.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      return adapter;
    },
  };
}
