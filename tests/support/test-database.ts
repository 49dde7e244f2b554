import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseDriver } from "../../db/client";

/**
 * The integration suite runs on embedded PGlite always, and also on the PostgreSQL server when
 * DATABASE_URL is set. Each test file gets databases of its own, created here and dropped after.
 */
export const drivers: DatabaseDriver[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  db: Database;
  driver: DatabaseDriver;
  close(): Promise<void>;
}

export async function createTestDatabase(driver: DatabaseDriver): Promise<TestDatabase> {
  if (driver === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    return { db: handle.db, driver, close: handle.close };
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `jembatan_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), dataDir: "", maxConnections: 4 });
  await handle.migrate();
  return {
    db: handle.db,
    driver,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
