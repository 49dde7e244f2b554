// A browser test's own app server on a new database that `fill` prepares through the models first
// (PGlite is one process's database, so the records are made before the server opens it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../../db/client";
import { startBuiltServer, type RunningServer } from "./server-process";
import { createServerDatabase } from "./test-database";

/** Starts the production build on a database `fill` has filled; `stop` ends it and throws the database away. */
export async function startFixtureServer(
  prefix: string,
  fill: (db: Database) => Promise<void>,
): Promise<{ server: RunningServer; stop: () => Promise<void> }> {
  let env: Record<string, string | undefined>;
  let cleanUp: () => Promise<unknown>;
  if (process.env.DATABASE_URL) {
    const database = await createServerDatabase({ prefix: `jembatan_${prefix}` });
    const handle = await openDatabase({ url: database.url, dataDir: "", maxConnections: 1 });
    try {
      await handle.migrate();
      await fill(handle.db);
    } finally {
      await handle.close();
    }
    env = { DATABASE_URL: database.url, WEB_CONCURRENCY: "1" };
    cleanUp = () => database.drop();
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `jembatan-${prefix}-`));
    const handle = await openDatabase({ dataDir: path.join(dir, "db") });
    try {
      await handle.migrate();
      await fill(handle.db);
    } finally {
      await handle.close();
    }
    env = { DATA_DIR: path.join(dir, "db"), DATABASE_URL: undefined };
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  }
  const server = await startBuiltServer(env).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  return {
    server,
    async stop() {
      await server.stop("SIGKILL");
      await cleanUp();
    },
  };
}
