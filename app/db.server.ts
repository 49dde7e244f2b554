import { openDatabase, type Database, type DatabaseDriver, type DatabaseHandle } from "../db/client";
import { env } from "./env.server";
import { keepExamplesCurrent } from "./seed/examples.server";
import { seedIfEmpty } from "./seed/seed-content.server";
import { pingDatabase } from "./models/health.server";
import { errorSummary, logger, requestState } from "./server/logger.server";

export type { Database, DatabaseDriver } from "../db/client";

/**
 * "starting": not yet reached (or not yet migrated); "up": serving; "down": it was up and stopped
 * answering. Pages answer 503 unless it is "up".
 */
export type DatabaseStatus = "starting" | "up" | "down";

/** A query that could not reach the database (or was not tried, because it is known to be away). */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";
  constructor(message = "The database is not available") {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

interface State {
  status: DatabaseStatus;
  handle?: DatabaseHandle;
  started?: Promise<void>;
  watching?: Promise<void>;
}

declare global {
  // Vite re-evaluates modules in development; the database must survive that.
  var __jembatanDb: State | undefined;
}

const state: State = (globalThis.__jembatanDb ??= { status: "starting" });

export const databaseDriver: DatabaseDriver = env.embedded ? "pglite" : "postgres";

export function databaseStatus(): DatabaseStatus {
  return state.status;
}

/**
 * The process's database. Importing this module opens nothing (start-up must not need the
 * database): `db` stands for whichever connection pool `startDatabase` opened, and a query made
 * while the database is not up fails at once with DatabaseUnavailableError instead of waiting on
 * a connection that is not coming.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    if (state.status !== "up" || !state.handle) throw new DatabaseUnavailableError();
    const real = state.handle.db;
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the database, waiting for it as long as it takes (the app keeps answering 503 meanwhile),
 * migrates it when `migrate` is set (one process of a deployment does, see server.js) and on the
 * embedded default seeds it. Called once per process; later calls share the first.
 */
export function startDatabase(options: { migrate: boolean }): Promise<void> {
  return (state.started ??= start(options));
}

async function start({ migrate }: { migrate: boolean }) {
  if (env.embedded) {
    // PGlite lives in this process: there is nothing to wait for, and a failure (a directory
    // another process holds, a damaged one) will not mend by trying again.
    const handle = await openDatabase({ dataDir: env.DATA_DIR, log: (message) => logger.warn(message) });
    state.handle = handle;
    await handle.migrate();
    await seedIfEmpty(handle.db, { demo: true });
    await keepExamplesCurrent(handle.db);
    state.status = "up";
    return;
  }
  guardDriverCrash();
  state.handle = await openPool();
  for (let attempt = 1; ; attempt++) {
    try {
      await ping(state.handle.db);
      // drizzle applies pending migrations in one transaction: one cut short is simply tried again.
      if (migrate) await state.handle.migrate();
      break;
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) throw error;
      const retryInMs = Math.min(250 * 2 ** (attempt - 1), 2_000);
      logger.warn({ attempt, retryInMs, err: errorSummary(error) }, "database not reachable yet; waiting for it");
      await sleep(retryInMs);
    }
  }
  state.status = "up";
  logger.info({ migrated: migrate }, "database ready");
}

function openPool() {
  return openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, maxConnections: env.DATABASE_POOL });
}

/** One cheap round trip, bounded: a database that does not answer within seconds counts as away. */
async function ping(database: Database, timeoutMs = 3_000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError("The database did not answer in time")), timeoutMs);
  });
  try {
    await Promise.race([pingDatabase(database), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** For /healthz: a round trip now, when the database is up; what is known otherwise. */
export async function checkDatabase(): Promise<DatabaseStatus> {
  if (state.status !== "up" || !state.handle) return state.status;
  try {
    await ping(state.handle.db, 2_000);
    return "up";
  } catch (error) {
    noteDatabaseFailure(error);
    return isDatabaseUnavailableError(error) ? "down" : "up";
  }
}

/** What /healthz answers: 200 with the driver when the database is up, 503 saying what it is otherwise. */
export function healthReport(status: DatabaseStatus) {
  return status === "up"
    ? { httpStatus: 200, body: { status: "ok", database: databaseDriver } }
    : { httpStatus: 503, body: { status: "unavailable", database: databaseDriver, databaseStatus: status } };
}

// Codes of postgres.js (and of Node's sockets under it) for a connection that failed or was lost.
const connectionErrorCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "DATABASE_UNAVAILABLE",
]);

/**
 * Whether `error` (or what it wraps: drizzle wraps the driver's errors) says the database could
 * not be reached, as opposed to a query it refused. PostgreSQL's own: class 08 (connection
 * exception), 57P01-57P03 (terminated by an administrator, crash, still starting), 53300 (too
 * many connections).
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (connectionErrorCodes.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300") {
        return true;
      }
    }
    if (isDriverSocketBug(e)) return true;
  }
  return false;
}

/**
 * Called with errors requests met: marks the request as failed by the database (its answer becomes
 * a 503) and checks whether the database is away. One failed query is not an outage (a terminated
 * connection is replaced by the next query), so the status turns "down" only when fresh round
 * trips fail too, and back to "up" as soon as one succeeds.
 */
export function noteDatabaseFailure(error: unknown) {
  if (!isDatabaseUnavailableError(error)) return;
  const request = requestState.getStore();
  if (request) request.databaseFailed = true;
  if (state.status === "up" && !env.embedded) void watch();
}

// Failures to open a connection at all, as opposed to one lost under a query.
const connectFailures = new Set(["ECONNREFUSED", "CONNECT_TIMEOUT", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
const isConnectFailure = (error: unknown) =>
  error instanceof DatabaseUnavailableError ||
  connectFailures.has(String((error as { code?: unknown }).code)) ||
  connectFailures.has(String(((error as { cause?: { code?: unknown } }).cause ?? {}).code));

function watch(): Promise<void> {
  return (state.watching ??= (async () => {
    let failures = 0;
    let hard = false;
    for (;;) {
      const handle = state.handle;
      if (!handle) break;
      try {
        await ping(handle.db);
        break;
      } catch (error) {
        failures++;
        hard ||= isConnectFailure(error);
        // A server that cannot be connected to is away after two tries; connections that keep
        // being cut (backends terminated one after another) take five before it counts as down.
        if (state.status === "up" && failures >= (hard ? 2 : 5)) {
          state.status = "down";
          logger.error({ err: errorSummary(error) }, "database unreachable; answering 503 until it is back");
        } else if (state.status === "down") {
          logger.warn({ attempt: failures, err: errorSummary(error) }, "database still unreachable");
        }
        await sleep(state.status === "down" ? 500 : 100);
      }
    }
    if (state.status === "down") logger.info({ checks: failures + 1 }, "database reachable again");
    state.status = "up";
  })().finally(() => (state.watching = undefined)));
}

/**
 * postgres.js 3.4.9 has a bug (porsager/postgres#1154, #1208): a query sent on a connection whose
 * backend just died, typically the ROLLBACK of a transaction cut short by pg_terminate_backend or
 * a restart, is written from a setImmediate after the socket is gone. The TypeError it throws
 * there cannot be caught by any caller, so it would end the process, and it leaves that
 * connection with stale bytes that spoil its next connections.
 *
 * The process catches exactly that error (a TypeError reading 'write', thrown from nextWrite in
 * postgres's connection.js) and replaces the whole pool: new queries go to a fresh one at once,
 * the old one finishes what is running on it and is closed, spoiled connection included. The
 * request whose transaction died has already been answered 503 through its rejected query. Any
 * other uncaught exception still ends the process, as Node would, and the supervisor replaces it.
 * Remove this when postgres.js guards nextWrite (upstream pull requests #1168, #1176).
 */
function guardDriverCrash() {
  if (globalThis.__jembatanDriverGuard) return;
  globalThis.__jembatanDriverGuard = true;
  process.on("uncaughtException", (error, origin) => {
    if (isDriverSocketBug(error)) {
      logger.warn({ err: errorSummary(error) }, "postgres.js wrote to a closed connection; replacing the pool");
      void replacePool();
      return;
    }
    // The same bug's other face: the statements such a transaction still sends (its ROLLBACK) are
    // rejected when the dead connection is cleared, and no one awaits them any more. The request
    // they belonged to was answered with the transaction's own failure.
    if (origin === "unhandledRejection" && isDatabaseUnavailableError(error)) {
      logger.warn({ err: errorSummary(error) }, "a statement of a transaction cut short failed unawaited");
      return;
    }
    logger.fatal({ err: errorSummary(error), origin }, "uncaught exception; the process ends");
    process.exit(1);
  });
}

declare global {
  var __jembatanDriverGuard: boolean | undefined;
}

let replacing: Promise<void> | undefined;

function replacePool(): Promise<void> {
  return (replacing ??= (async () => {
    const old = state.handle;
    try {
      state.handle = await openPool();
    } catch (error) {
      logger.error({ err: errorSummary(error) }, "could not open a new pool; keeping the old one");
      return;
    }
    // Queries already running on the old pool may finish; anything left after 5 s is cut.
    old?.close().catch((error: unknown) => logger.warn({ err: errorSummary(error) }, "closing the old pool failed"));
  })().finally(() => (replacing = undefined)));
}

function isDriverSocketBug(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'|evaluating 'socket\.write'/.test(error.message) &&
    /nextWrite/.test(error.stack ?? "") &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "")
  );
}

/** Closes the database when the process stops (after the HTTP server has finished its requests). */
export async function closeDatabase() {
  const handle = state.handle;
  state.status = "starting";
  state.handle = undefined;
  await handle?.close();
}
