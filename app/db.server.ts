import { openDatabase, type DatabaseHandle } from "../db/client";
import { env } from "./env.server";
import { seedIfEmpty } from "./lib/seed.server";

export type { Database, DatabaseDriver } from "../db/client";

declare global {
  // Vite re-evaluates modules in development; the database must survive that.
  var __jembatanDb: Promise<DatabaseHandle> | undefined;
}

async function start(): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    maxConnections: env.DATABASE_POOL,
  });
  await handle.migrate();
  if (env.embedded) await seedIfEmpty(handle.db, { demo: true });
  return handle;
}

globalThis.__jembatanDb ??= start();

/** One database per process, opened, migrated (and on the embedded default, seeded) at start-up. */
export const database = await globalThis.__jembatanDb;
export const db = database.db;
