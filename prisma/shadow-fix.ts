import type { SqlMigrationAwareDriverAdapterFactory, SqlDriverAdapter } from "@prisma/driver-adapter-utils";

// Prisma 6.19's JS schema engine replays migration.sql files into the shadow database through
// executeRaw(), which SQLite drivers run as a single statement. Route parameterless commands to
// executeScript() so whole migrations replay.
function wrapShadow(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === "executeRaw") {
        return async (q: { sql: string; args: unknown[] }) => {
          if (q.args.length === 0) {
            await target.executeScript(q.sql);
            return 0;
          }
          return target.executeRaw(q as never);
        };
      }
      const value = (target as unknown as Record<string | symbol, unknown>)[prop];
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function withScriptShadow(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => wrapShadow(await factory.connectToShadowDb()),
  };
}
