/**
 * The web server for the browser tests (started by Playwright's `webServer`, run with tsx from the
 * repository root). Serves the production build (`npm run build` must have run) on a database of
 * its own, and throws that database away when it stops:
 *
 * - with DATABASE_URL: creates `jembatan_e2e_<random>` on that PostgreSQL server, migrates and
 *   seeds it with the demo content and accounts, and drops it at the end;
 * - without: a fresh temporary DATA_DIR for embedded PGlite (the app seeds itself there), removed
 *   at the end.
 *
 * The app runs from a snapshot of build/ (plus server.js, content/ and db/migrations) in a temporary
 * directory, not from the working tree: the tree is shared, and another `npm run build` during the
 * run would otherwise delete the very bundles the running server loads lazily (ERR_MODULE_NOT_FOUND,
 * 500s, pages that never hydrate).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT || process.env.PORT;
if (!port) {
  console.error("[e2e server] E2E_PORT is not set");
  process.exit(2);
}

const repoRoot = process.cwd();
const serverUrl = process.env.DATABASE_URL;
let databaseName: string | undefined;
/** Everything this script creates on disk: the app snapshot and, on PGlite, the database. */
let workDir: string | undefined;
let app: ChildProcess | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[e2e server] ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawn(command, args, { env, cwd, stdio: "inherit" });
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

function adminClient() {
  return postgres(serverUrl!, { max: 1, onnotice: () => {} });
}

async function dropDatabase() {
  if (!databaseName) return;
  const name = databaseName;
  databaseName = undefined;
  const sql = adminClient();
  try {
    await sql.unsafe(`drop database if exists ${name} with (force)`);
    log(`dropped database ${name}`);
  } catch (error) {
    console.error(`[e2e server] could not drop database ${name}:`, error);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function removeWorkDir() {
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
  const source = path.join(repoRoot, "build");
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
  if (app && app.exitCode === null && app.signalCode === null) {
    app.kill("SIGTERM");
    const timer = setTimeout(() => app?.kill("SIGKILL"), 10_000);
    await exited(app);
    clearTimeout(timer);
  }
  await dropDatabase();
  removeWorkDir();
  process.exit(code);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGHUP", () => void stop("SIGHUP"));
// Last resort (an uncaught error): nothing asynchronous is possible here any more.
process.on("exit", () => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function prepareDatabase(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  // Whatever the caller's shell has for these would point the app elsewhere.
  for (const name of ["PORT", "HOST", "DATA_DIR", "BUILD_DIR", "APP_URL"]) delete env[name];
  if (serverUrl) {
    const name = `jembatan_e2e_${randomBytes(6).toString("hex")}`;
    const sql = adminClient();
    try {
      await sql.unsafe(`create database ${name}`);
    } finally {
      await sql.end({ timeout: 5 });
    }
    databaseName = name;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    log(`created database ${name}; migrating and seeding it`);
    const seed = run("npx", ["tsx", "scripts/db-seed.ts", "--demo"], env, repoRoot);
    const code = await exited(seed);
    if (code !== 0) throw new Error(`the seed failed with exit code ${code}`);
  } else {
    env.DATA_DIR = path.join(workDir!, "data", "db");
    log(`embedded database in ${env.DATA_DIR}`);
  }
  return env;
}

try {
  workDir = mkdtempSync(path.join(os.tmpdir(), "jembatan-e2e-"));
  await snapshotApp(path.join(workDir, "app"));
  const env = await prepareDatabase();
  if (stopping) process.exit(0);
  app = run(process.execPath, ["server.js"], { ...env, PORT: port, HOST: "127.0.0.1" }, path.join(workDir, "app"));
  app.once("exit", (code, signal) => {
    if (!stopping) void stop(`the app exited (code ${code}, signal ${signal})`, code || 1);
  });
} catch (error) {
  console.error("[e2e server] could not start:", error);
  await stop("start-up failed", 1);
}
