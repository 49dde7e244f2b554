/**
 * The web server for the browser tests (started by Playwright's `webServer`, run with tsx from the
 * repository root). Serves the production build (`npm run build` must have run) on a database of
 * its own, and throws that database away when it stops:
 *
 * - with DATABASE_URL: a new database on that PostgreSQL server (tests/support/test-database.ts),
 *   dropped at the end;
 * - without: a fresh temporary DATA_DIR for embedded PGlite, removed at the end.
 *
 * Either way it is migrated and seeded with the demo content and accounts (`npm run db:seed --
 * --demo`), and then, before the app starts (PGlite is one process's database), sessions of the
 * demo accounts are minted for the tests to claim (tests/support/session-pool.ts), signed with a
 * SESSION_SECRET made for this run.
 *
 * The app runs from a snapshot of build/ (plus server.js, content/ and db/migrations) in a temporary
 * directory, not from the working tree: the tree is shared, and another `npm run build` during the
 * run would otherwise delete the very bundles the running server loads lazily (ERR_MODULE_NOT_FOUND,
 * 500s, pages that never hydrate).
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { mintSessions } from "../support/minted-sessions";
import { npmRun } from "../support/npm-run";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { writeMintedSessions } from "../support/session-pool";
import { createServerDatabase, type ServerDatabase } from "../support/test-database";
import { demoAccounts } from "../support/demo-accounts";
import { testWebhookSecret } from "../support/resend-webhooks";

const port = Number(process.env.E2E_PORT || process.env.PORT);
if (!port) {
  console.error("[e2e server] E2E_PORT is not set");
  process.exit(2);
}
const sessionsFile = process.env.E2E_SESSIONS_FILE;
/** Sessions per demo account: more than the tests claim in a run, retries included. */
const sessionsPerAccount = Number(process.env.E2E_SESSIONS_PER_ACCOUNT || 150);

const repoRoot = process.cwd();
let database: ServerDatabase | undefined;
/** Everything this script creates on disk: the app snapshot and, on PGlite, the database. */
let workDir: string | undefined;
let app: RunningServer | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[e2e server] ${message}`);
}

async function dropDatabase() {
  if (!database) return;
  const { name, drop } = database;
  database = undefined;
  try {
    await drop();
    log(`dropped database ${name}`);
  } catch (error) {
    console.error(`[e2e server] could not drop database ${name}:`, error);
  }
}

function removeFiles() {
  if (sessionsFile) rmSync(`${sessionsFile}.claims`, { recursive: true, force: true });
  if (sessionsFile) rmSync(sessionsFile, { force: true });
  if (!workDir) return;
  rmSync(workDir, { recursive: true, force: true });
  log(`removed ${workDir}`);
  workDir = undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a copied build is whole: every bundle the server imports and every client asset it names. */
function buildIsComplete(build: string): boolean {
  const serverDir = path.join(build, "server");
  const index = path.join(serverDir, "index.js");
  if (!existsSync(index)) return false;
  const imported = [...readFileSync(index, "utf8").matchAll(/["'](\.\/assets\/[^"']+)["']/g)].map((m) => m[1]!);
  if (!imported.length || !imported.every((file) => existsSync(path.join(serverDir, file)))) return false;
  for (const file of readdirSync(path.join(serverDir, "assets"))) {
    const text = readFileSync(path.join(serverDir, "assets", file), "utf8");
    for (const [, asset] of text.matchAll(/"\/(assets\/[A-Za-z0-9._-]+)"/g)) {
      if (!existsSync(path.join(build, "client", asset!))) return false;
    }
  }
  return true;
}

/** Copies the built app into `dir`, retrying while someone else's build is half written. */
async function snapshotApp(dir: string) {
  // The build the run was asked for (BUILD_DIR: an engineer's own, beside others' builds), served as build/.
  const source = path.join(repoRoot, process.env.BUILD_DIR || "build");
  for (let attempt = 1; ; attempt++) {
    const target = path.join(dir, "build");
    rmSync(target, { recursive: true, force: true });
    try {
      const before = statSync(path.join(source, "server", "index.js")).mtimeMs;
      cpSync(source, target, { recursive: true });
      const after = statSync(path.join(source, "server", "index.js")).mtimeMs;
      if (before === after && buildIsComplete(target)) break;
    } catch {
      // build/ was being replaced while we copied it: try again.
    }
    if (attempt === 60) throw new Error("no complete build/ to run: run `npm run build` first");
    if (attempt === 1) log("build/ is incomplete or changing; waiting for it");
    await sleep(1000);
  }
  for (const part of ["server.js", "package.json", "content", path.join("db", "migrations")]) {
    cpSync(path.join(repoRoot, part), path.join(dir, part), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  log(`serving a snapshot of build/ from ${dir}`);
}

async function stop(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping`);
  if (app) {
    const timer = setTimeout(() => app?.child.kill("SIGKILL"), 10_000);
    await app.stop("SIGTERM");
    clearTimeout(timer);
  }
  await dropDatabase();
  removeFiles();
  process.exit(code);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGHUP", () => void stop("SIGHUP"));
// Last resort (an uncaught error): nothing asynchronous is possible here any more.
process.on("exit", () => {
  const child = app?.child;
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The database's settings for the app: a new database, migrated and seeded with the demo. */
async function prepareDatabase(): Promise<{ DATABASE_URL?: string; DATA_DIR?: string }> {
  let where: { DATABASE_URL?: string; DATA_DIR?: string };
  if (process.env.DATABASE_URL) {
    database = await createServerDatabase({ prefix: "jembatan_e2e" });
    where = { DATABASE_URL: database.url };
    log(`created database ${database.name}; migrating and seeding it`);
  } else {
    where = { DATA_DIR: path.join(workDir!, "data", "db") };
    log(`embedded database in ${where.DATA_DIR}; migrating and seeding it`);
  }
  const seed = await npmRun("db:seed", ["--demo"], { ...where, NODE_ENV: "production" });
  if (seed.code !== 0) throw new Error(`the seed failed with exit code ${seed.code}:\n${seed.output}`);
  return where;
}

/** Opens sessions of the demo accounts for the tests, before the app holds the database. */
async function mint(where: { DATABASE_URL?: string; DATA_DIR?: string }, secret: string) {
  if (!sessionsFile) return log("E2E_SESSIONS_FILE is not set: the tests will sign in with passwords");
  const handle = await openDatabase({ url: where.DATABASE_URL, dataDir: where.DATA_DIR ?? "", maxConnections: 1 });
  try {
    const emails = Object.values(demoAccounts).map((a) => a.email);
    writeMintedSessions(sessionsFile, await mintSessions(handle.db, secret, emails, sessionsPerAccount));
    log(`minted ${sessionsPerAccount} sessions for each of ${emails.join(", ")}`);
  } finally {
    await handle.close();
  }
}

try {
  workDir = mkdtempSync(path.join(os.tmpdir(), "jembatan-e2e-"));
  const appDir = path.join(workDir, "app");
  await snapshotApp(appDir);
  const where = await prepareDatabase();
  const secret = randomBytes(32).toString("base64url");
  await mint(where, secret);
  if (stopping) process.exit(0);
  // Whatever the caller's shell has for the others would point the app elsewhere; and no mail
  // leaves this server, whatever key the shell holds (the tests read it at /admin/mail).
  const env = { ...where, SESSION_SECRET: secret, DATA_DIR: where.DATA_DIR, BUILD_DIR: undefined, APP_URL: undefined };
  Object.assign(env, { RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined });
  // The tests sign Resend's delivery reports with the same secret (tests/support/resend-webhooks.ts).
  Object.assign(env, { RESEND_WEBHOOK_SECRET: testWebhookSecret });
  // The snapshot holds the build as build/, whatever BUILD_DIR named in the tree.
  delete process.env.BUILD_DIR;
  app = await startBuiltServer(env, { cwd: appDir, port, echo: true, waitFor: "listening" });
  app.child.once("exit", (code, signal) => {
    if (!stopping) void stop(`the app exited (code ${code}, signal ${signal})`, code || 1);
  });
} catch (error) {
  console.error("[e2e server] could not start:", error);
  await stop("start-up failed", 1);
}
