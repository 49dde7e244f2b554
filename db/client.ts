import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  migrate(): Promise<void>;
  /**
   * PGlite only: writes the whole database to `file`, a tarball (gzipped if the name ends in
   * `.tar.gz`) that `openDatabase`'s `loadDump` starts from: the tests migrate once and copy the
   * result. Rejects on PostgreSQL.
   */
  dump(file: string): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * The one place that knows which database Jembatan talks to: a server when a URL is given,
 * otherwise PGlite embedded in `dataDir` (`memory://` for a throwaway one). PGlite is loaded
 * only when used, so a deployment on PostgreSQL never pays for it.
 *
 * `loadDump` (PGlite only) names a file written by `dump()`: the database then starts as a copy of
 * that one instead of an empty cluster, which skips initdb and the migrations. `dataDir` must then be
 * `memory://` or a directory that does not exist yet.
 */
export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  maxConnections?: number;
  loadDump?: string;
}): Promise<DatabaseHandle> {
  if (options.url) {
    if (options.loadDump) throw new Error("loadDump is for PGlite; on PostgreSQL create the database from a template");
    return openPostgres(options.url, options.maxConnections ?? 10);
  }
  return openPglite(options.dataDir, options.loadDump);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max, onnotice: () => {} });
  preparePlaceholderQueries(client);
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    migrate: () => migrate(db, { migrationsFolder }),
    dump: () => Promise.reject(new Error("dump() is for PGlite; on PostgreSQL use the database as a template")),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle asks postgres.js to prepare a statement only when the query is given a name, so every
 * query with parameters costs two round trips and a fresh plan. A statement with parameters is
 * always a single statement, so preparing it is safe: PostgreSQL then parses and plans it once per
 * connection, and each later run is one round trip. Statements are kept per connection, and
 * postgres.js replaces connections every 30 to 60 minutes, so the set stays bounded. Transactions
 * run on their own connection object and are left as they are (writes are rare).
 */
function preparePlaceholderQueries(client: Sql) {
  const unsafe = client.unsafe.bind(client);
  client.unsafe = ((query: string, params?: unknown[], options?: { prepare?: boolean }) =>
    unsafe(query, params as never, params?.length ? { ...options, prepare: true } : options)) as typeof client.unsafe;
}

async function openPglite(dataDir: string, loadDump?: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (!dataDir.startsWith("memory://")) {
    // PGlite creates only the last path segment itself.
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
  // A File named *.tar.gz tells PGlite to gunzip it first.
  const loadDataDir = loadDump ? new File([await readFile(loadDump)], path.basename(loadDump)) : undefined;
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    migrate: () => migrate(db, { migrationsFolder }),
    async dump(file) {
      const tarball = await client.dumpDataDir(file.endsWith(".tar.gz") ? "gzip" : "none");
      await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
    },
    close: () => client.close(),
  };
}
