// Starts Jembatan. In production a small supervisor runs the app in worker processes and
// replaces one that dies (postgres.js can end a process when a connection drops mid-transaction);
// on PostgreSQL it runs one worker per core (WEB_CONCURRENCY), on embedded PGlite exactly one,
// since PGlite is one process's database. In development it serves through Vite's middleware.
// The app itself (headers, origin checks, routes) lives in app/server/express.server.ts.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import express from "express";

// The npm scripts run the Node that package.json pins (node_modules/.bin comes first on their
// PATH); started any other way, an older system Node must not serve.
const [nodeMajor] = process.versions.node.split(".").map(Number);
if (nodeMajor < 24) {
  console.error(
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

if (production && cluster.isPrimary) await supervise();
else await serve();

async function supervise() {
  console.log(`Jembatan supervisor ${process.pid} on Node ${process.version} (${process.execPath})`);
  const count = process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY || availableParallelism()) : 1;
  let stopping = false;
  let failedStarts = 0;
  // The workers share about 20 connections, so more cores do not exhaust PostgreSQL's 100.
  const pool = process.env.DATABASE_POOL || String(Math.max(2, Math.floor(20 / count)));

  // Resolves when the first worker is ready: it has migrated (and on PGlite seeded) the database.
  let firstReady;
  const ready = new Promise((resolve) => (firstReady = resolve));

  const fork = () => {
    if (stopping) return;
    const worker = cluster.fork({ DATABASE_POOL: pool });
    let serving = false;
    worker.once("message", (message) => {
      if (message !== "ready") return;
      serving = true;
      failedStarts = 0;
      firstReady();
    });
    worker.once("exit", (code, signal) => {
      // Exit code 0 is a worker that stopped on purpose (a signal reached it too).
      if (stopping || code === 0) return;
      console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      // Workers that die before they serve are a broken configuration, not a dropped connection.
      if (!serving && ++failedStarts >= 5) {
        console.error("workers keep failing to start; giving up");
        process.exit(1);
      }
      setTimeout(fork, 250);
    });
  };

  // Listen for stop signals before any worker starts: a signal that arrives while workers are
  // still starting must stop them too, not kill the supervisor and leave them behind.
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the workers`);
    // A worker that has exited but not yet disconnected is still listed; it has nothing to stop.
    const alive = Object.values(cluster.workers ?? {}).filter((worker) => !worker.isDead());
    if (!alive.length) process.exit(0);
    let left = alive.length;
    for (const worker of alive) {
      worker.once("exit", () => --left === 0 && process.exit(0));
      worker.process.kill("SIGTERM");
    }
    // Workers close their connections within seconds; one that hangs must not hold the supervisor.
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  // The first worker migrates alone (a failed start is retried); the others start once it is ready.
  fork();
  await ready;
  for (let i = 1; i < count; i++) fork();
}

async function serve() {
  // A worker whose supervisor is gone must not linger holding the port and the database,
  // even if that happens while it is still starting.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
  const server = express();
  server.disable("x-powered-by");
  let shutdownApp = async () => {};

  if (production) {
    server.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    // Files at the top of build/client (favicon and the like) have an extension; pages don't,
    // and should not each cost a look at the disk.
    const publicFiles = express.static(`${buildDir}/client`, { maxAge: "1h", index: false });
    server.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
    const mod = await import(new URL(`${buildDir}/server/index.js`, pathToFileURL(`${process.cwd()}/`)).href);
    server.use(mod.app);
    shutdownApp = mod.shutdown;
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    server.use(devServer.middlewares);
    const load = () => devServer.ssrLoadModule("./app/server/express.server.ts");
    server.use(async (req, res, next) => {
      try {
        const mod = await load();
        shutdownApp = mod.shutdown;
        return mod.app(req, res, next);
      } catch (error) {
        if (error instanceof Error) devServer.ssrFixStacktrace(error);
        next(error);
      }
    });
    // Open (and on first run, migrate and seed) the database now, not on the first request.
    await load();
  }

  const listener = server.listen(port, host, () => {
    const address = listener.address();
    const shown = typeof address === "object" && address ? `http://${host ?? "localhost"}:${address.port}` : port;
    console.log(`Jembatan is listening on ${shown} (Node ${process.version}, pid ${process.pid})`);
    process.send?.("ready");
  });

  let stopping = false;
  async function stop(reason) {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) console.log(`${reason}: closing the HTTP server and the database`);
    listener.close();
    listener.closeIdleConnections?.();
    try {
      await shutdownApp();
    } finally {
      process.exit(0);
    }
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
