import { mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  migrate(): Promise<void>;
  /**
   * PGlite only: writes the whole database to `file`, a tarball (gzipped if `gzip`, by default if
   * the name ends in `.tar.gz`) that `openDatabase`'s `loadDump` starts from: the tests migrate once
   * and copy the result, `npm run db:backup` keeps it. Rejects on PostgreSQL.
   */
  dump(file: string, options?: { gzip?: boolean }): Promise<void>;
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
 *
 * A PGlite directory is locked for as long as the handle is open (or the process lives): opening
 * one another process holds throws DataDirLockedError (data-dir-lock.ts). `log` hears about a
 * stale lock of a dead process being taken over (console.warn by default).
 */
export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  maxConnections?: number;
  loadDump?: string;
  log?: (message: string) => void;
}): Promise<DatabaseHandle> {
  if (options.url) {
    if (options.loadDump) throw new Error("loadDump is for PGlite; on PostgreSQL create the database from a template");
    return openPostgres(options.url, options.maxConnections ?? 10);
  }
  return openPglite(options.dataDir, options.loadDump, options.log);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A server that is away must cost a request seconds, not postgres.js's default 30 s wait for a
    // connection, and once it is back the pool must not still be backing off (its default grows to
    // 20 s between tries after an outage's worth of failed ones).
    connect_timeout: 3,
    backoff: (retries) => Math.min(0.05 * 2 ** retries, 0.5),
  });
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
 * connection, and each later run is one round trip. A named query (`.prepare(name)`, the app's
 * preparedOnce) is a single statement too, and is prepared even without parameters: postgres.js
 * sends a parameterless query as simple text, parsed and planned at every run, which undid
 * writing a list's page size and chosen filters into its SQL (prepared.server.ts).
 *
 * Every connection keeps what it prepared until postgres.js replaces it (every 30 to 60 minutes),
 * and the lists' statements differ by the filters chosen: a crawler walking every combination
 * would fill the server's memory. So at most `maxPreparedTexts` texts are prepared, the first ones
 * met; beyond them a new text runs unprepared (one round trip, planned at each run). Transactions
 * run on a connection object of their own: there only named queries are prepared (drizzle asks),
 * under the same cap (the library's search by names runs in one).
 */
function preparePlaceholderQueries(client: Sql) {
  const unsafe = client.unsafe.bind(client);
  const preparedTexts = new Set<string>();
  const mayPrepare = (query: string) => {
    if (preparedTexts.has(query)) return true;
    if (preparedTexts.size >= maxPreparedTexts) return false;
    preparedTexts.add(query);
    return true;
  };
  client.unsafe = ((query: string, params?: unknown[], options?: { prepare?: boolean }) => {
    const named = options?.prepare === true;
    if (!named && !params?.length) return unsafe(query, params as never, options);
    // `simple: false`: a named query without parameters still goes through parse and bind.
    const prepare = mayPrepare(query);
    return unsafe(query, params as never, { ...options, prepare, simple: false } as typeof options);
  }) as typeof client.unsafe;

  type Scope = (tx: Sql) => unknown;
  const begin = (client.begin as unknown as (options: string, fn: Scope) => Promise<unknown>).bind(client);
  client.begin = ((options: string | Scope, fn?: Scope) => {
    const [mode, body] = typeof options === "function" ? ["", options] : [options, fn!];
    return begin(mode, (tx) => {
      const txUnsafe = tx.unsafe.bind(tx);
      tx.unsafe = ((query: string, params?: unknown[], options?: { prepare?: boolean }) =>
        txUnsafe(
          query,
          params as never,
          options?.prepare && !mayPrepare(query) ? { ...options, prepare: false } : options,
        )) as typeof tx.unsafe;
      return body(tx);
    });
  }) as unknown as typeof client.begin;
}

/** How many statement texts a process prepares at most (see preparePlaceholderQueries). */
export const maxPreparedTexts = 1_000;

async function openPglite(
  dataDir: string,
  loadDump?: string,
  log?: (message: string) => void,
): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) {
    // PGlite creates only the last path segment itself.
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
  // Before PGlite touches the directory: a second process must not even start recovery on it.
  const lock = inMemory ? undefined : lockDataDir(dataDir, log);
  try {
    const loadDataDir = loadDump ? await tarball(loadDump) : undefined;
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir });
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Database,
      driver: "pglite",
      migrate: () => migrate(db, { migrationsFolder }),
      async dump(file, options) {
        const gzip = options?.gzip ?? file.endsWith(".tar.gz");
        const dumped = await client.dumpDataDir(gzip ? "gzip" : "none");
        await writeFile(file, Buffer.from(await dumped.arrayBuffer()));
      },
      async close() {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * A dump as PGlite's loader wants it: it gunzips a File whose type or name says gzip, so the type
 * is set from the content, whatever the file is called. Anything but a tar is refused here, with
 * a message, rather than by PGlite's untar deep inside.
 */
async function tarball(file: string): Promise<File> {
  const bytes = await readFile(file);
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = bytes.subarray(257, 262).toString("latin1") === "ustar";
  if (!gzip && !tar) {
    const kind = bytes.subarray(0, 5).toString("latin1") === "PGDMP" ? " (it is a pg_dump archive)" : "";
    throw new Error(`${file} is not a PGlite dump${kind}: expected a tarball written by db:backup or dump().`);
  }
  return new File([bytes], path.basename(file), { type: gzip ? "application/x-gzip" : "application/x-tar" });
}
