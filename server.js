// Starts Jembatan. In production a small supervisor runs the app in worker processes and
// replaces one that dies; on PostgreSQL it runs one worker per core (WEB_CONCURRENCY), on embedded
// PGlite exactly one, since PGlite is one process's database. In development it serves through
// Vite's middleware. The app itself (headers, origin checks, routes) lives in
// app/server/express.server.ts.
//
// Start-up does not need the database: a worker listens at once and answers 503 (and /healthz
// says why) until its database is up, waiting for it with backoff for as long as it takes. So a
// database that is away, at start or later, never ends a process.
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import express from "express";
import pino from "pino";

// The same one-line JSON logs as the app's (app/server/logger.server.ts).
const log = pino({ level: process.env.LOG_LEVEL || "info", base: { pid: process.pid } });

// The npm scripts run the Node that package.json pins (node_modules/.bin comes first on their
// PATH); started any other way, an older system Node must not serve.
const [nodeMajor] = process.versions.node.split(".").map(Number);
if (nodeMajor < 24) {
  log.fatal(
    `Jembatan needs Node 24 or newer; ${process.execPath} is ${process.version}. ` +
      "Start it through npm (npm start), which runs the Node 24 that npm install put in node_modules, " +
      "or install Node 24.",
  );
  process.exit(1);
}

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
// The embedded database is the demo, whose accounts' password is published: it listens on this
// machine only unless HOST says otherwise. On PostgreSQL, all interfaces.
const host = process.env.HOST || (process.env.DATABASE_URL ? undefined : "127.0.0.1");
const buildDir = process.env.BUILD_DIR || "build";
/** A worker that cannot start for a reason trying again will not mend (see serve()). */
const cannotStart = 78;
/** How long a stopping worker lets its requests run before it cuts them. */
const drainMs = 10_000;

if (production && cluster.isPrimary) await supervise();
else await serve();

async function supervise() {
  log.info(`Jembatan supervisor ${process.pid} on Node ${process.version} (${process.execPath})`);
  const count = process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY || availableParallelism()) : 1;
  let stopping = false;
  let failedStarts = 0;
  // Whether a worker has migrated the database: until then exactly one worker runs, and it migrates.
  let migrated = false;
  // The workers share about 20 connections, so more cores do not exhaust PostgreSQL's 100.
  const pool = process.env.DATABASE_POOL || String(Math.max(2, Math.floor(20 / count)));

  const fork = () => {
    if (stopping) return;
    const migrates = !migrated;
    const worker = cluster.fork({ DATABASE_POOL: pool, JEMBATAN_MIGRATE: migrates ? "1" : "0" });
    let databaseReady = false;
    worker.on("message", (message) => {
      if (message !== "database-ready") return;
      databaseReady = true;
      failedStarts = 0;
      if (migrates && !migrated) {
        migrated = true;
        for (let i = 1; i < count; i++) fork();
      }
    });
    worker.once("exit", (code, signal) => {
      // Exit code 0 is a worker that stopped on purpose (a signal reached it too).
      if (stopping || code === 0) return;
      const pid = worker.process.pid;
      if (code === cannotStart) {
        // It said why (a locked PGlite directory, a failed migration); another try would say it again.
        log.fatal(`worker ${pid} cannot start; stopping`);
        return stop("failed start", 1);
      }
      log.error({ worker: pid, code, signal }, `worker ${pid} exited (${signal ?? code}); starting another`);
      // A worker never exits because the database is away (it waits for it), so workers that keep
      // dying before their database is ready are a broken build or configuration.
      if (!databaseReady && ++failedStarts >= 5) {
        log.fatal("workers keep failing to start; giving up");
        return stop("failed starts", 1);
      }
      setTimeout(fork, 250);
    });
  };

  // Listen for stop signals before any worker starts: a signal that arrives while workers are
  // still starting must stop them too, not kill the supervisor and leave them behind.
  function stop(reason, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log.info(`${reason}: stopping the workers`);
    // A worker that has exited but not yet disconnected is still listed; it has nothing to stop.
    const alive = Object.values(cluster.workers ?? {}).filter((worker) => !worker.isDead());
    if (!alive.length) process.exit(exitCode);
    let left = alive.length;
    for (const worker of alive) {
      worker.once("exit", () => --left === 0 && process.exit(exitCode));
      worker.process.kill("SIGTERM");
    }
    // Workers finish their requests within drainMs and close their pools within 5 s more; one
    // that hangs must not hold the supervisor.
    setTimeout(() => process.exit(1), drainMs + 8_000).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  fork();
}

async function serve() {
  // The supervisor migrates in one worker only; run alone (development), a process migrates.
  const migrate = process.env.JEMBATAN_MIGRATE !== "0";
  const server = express();
  server.disable("x-powered-by");
  /** @type {{ start(options: { migrate: boolean }): Promise<void>; shutdown(): Promise<void> } | undefined} */
  let app;

  if (production) {
    server.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    // The files at the top of build/client (favicon and the like), known once at start-up, so that
    // pages, and routes with an extension (/activities.csv), cost no look at the disk.
    const publicFiles = express.static(`${buildDir}/client`, { maxAge: "1h", index: false });
    const publicNames = new Set(
      readdirSync(`${buildDir}/client`, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${entry.name}`),
    );
    server.use((req, res, next) => (publicNames.has(req.path) ? publicFiles(req, res, next) : next()));
    const mod = await import(new URL(`${buildDir}/server/index.js`, pathToFileURL(`${process.cwd()}/`)).href);
    server.use(mod.app);
    app = mod;
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    server.use(devServer.middlewares);
    const load = () => devServer.ssrLoadModule("./app/server/express.server.ts");
    server.use(async (req, res, next) => {
      try {
        const mod = await load();
        app = mod;
        return mod.app(req, res, next);
      } catch (error) {
        if (error instanceof Error) devServer.ssrFixStacktrace(error);
        next(error);
      }
    });
    app = await load();
  }

  // Requests being answered, so a stop can let them finish (and tell their clients not to reuse
  // the connection).
  const inFlight = new Set();
  let stopping = false;
  const listener = server.listen(port, host, () => {
    const address = listener.address();
    const shown = typeof address === "object" && address ? `http://${host ?? "localhost"}:${address.port}` : port;
    log.info(`Jembatan is listening on ${shown} (Node ${process.version}, pid ${process.pid})`);
    process.send?.("listening");
    app.start({ migrate }).then(
      () => process.send?.("database-ready"),
      (error) => {
        // Not the database being away (that is waited for): a locked PGlite directory, a migration
        // that fails, an invalid setting. Trying again would fail again.
        log.fatal({ err: { type: error?.name, message: error?.message, code: error?.code } }, "cannot start");
        process.exit(cannotStart);
      },
    );
  });
  listener.on("request", (req, res) => {
    if (stopping) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
  });

  /**
   * Stops accepting connections, lets the requests already being answered finish (for at most
   * drainMs: a write that was saved gets its answer), then closes the database and exits.
   */
  async function stop(reason) {
    if (stopping) return;
    stopping = true;
    log.info({ inFlight: inFlight.size }, `${reason}: finishing requests, then closing the database`);
    const closed = new Promise((resolve) => listener.close(resolve));
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    listener.closeIdleConnections();
    const cut = setTimeout(() => {
      log.warn({ inFlight: inFlight.size }, `requests still running after ${drainMs / 1000} s; cutting them`);
      listener.closeAllConnections();
    }, drainMs);
    await closed;
    clearTimeout(cut);
    try {
      await app?.shutdown();
    } catch (error) {
      log.error({ err: { type: error?.name, message: error?.message } }, "closing the database failed");
    } finally {
      process.exit(0);
    }
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // A worker whose supervisor is gone must not linger holding the port and the database.
  if (cluster.isWorker) process.on("disconnect", () => stop("supervisor gone"));
}
