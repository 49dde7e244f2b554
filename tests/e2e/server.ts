/**
 * The web server for the browser tests (started by Playwright's `webServer`, run with tsx from the
 * repository root). Serves the production build (`npm run build` must have run) on a database of
 * its own, and throws that database away when it stops:
 *
 * - with DATABASE_URL: creates `jembatan_e2e_<random>` on that PostgreSQL server, migrates and
 *   seeds it with the demo content and accounts, and drops it at the end;
 * - without: a fresh temporary DATA_DIR for embedded PGlite (the app seeds itself there), removed
 *   at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT || process.env.PORT;
if (!port) {
  console.error("[e2e server] E2E_PORT is not set");
  process.exit(2);
}

const serverUrl = process.env.DATABASE_URL;
let databaseName: string | undefined;
let dataDir: string | undefined;
let app: ChildProcess | undefined;
let stopping = false;

function log(message: string) {
  console.log(`[e2e server] ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { env, stdio: "inherit" });
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

function removeDataDir() {
  if (!dataDir) return;
  rmSync(dataDir, { recursive: true, force: true });
  log(`removed ${dataDir}`);
  dataDir = undefined;
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
  removeDataDir();
  process.exit(code);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGHUP", () => void stop("SIGHUP"));
// Last resort (an uncaught error): nothing asynchronous is possible here any more.
process.on("exit", () => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function prepareDatabase(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.PORT;
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
    const seed = run("npx", ["tsx", "scripts/db-seed.ts", "--demo"], env);
    const code = await exited(seed);
    if (code !== 0) throw new Error(`the seed failed with exit code ${code}`);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "jembatan-e2e-"));
    env.DATA_DIR = path.join(dataDir, "db");
    log(`embedded database in ${env.DATA_DIR}`);
  }
  return env;
}

try {
  const env = await prepareDatabase();
  if (stopping) process.exit(0);
  app = run(process.execPath, ["server.js"], { ...env, PORT: port, HOST: "127.0.0.1" });
  app.once("exit", (code, signal) => {
    if (!stopping) void stop(`the app exited (code ${code}, signal ${signal})`, code || 1);
  });
} catch (error) {
  console.error("[e2e server] could not start:", error);
  await stop("start-up failed", 1);
}
