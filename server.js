// Starts Jembatan: Vite's dev middleware in development, the built app in production.
// The app itself (headers, origin checks, routes) lives in app/server/express.server.ts.
import express from "express";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;

const server = express();
server.disable("x-powered-by");

let shutdownApp = async () => {};

if (production) {
  server.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  server.use(express.static("build/client", { maxAge: "1h", index: false }));
  const mod = await import("./build/server/index.js");
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
  console.log(`Jembatan is listening on ${shown}`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the HTTP server and the database`);
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
