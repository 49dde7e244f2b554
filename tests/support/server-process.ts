import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { childEnv } from "./child-env";

const root = path.resolve(import.meta.dirname, "../..");

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/** A port free right now. Not 0: workers the supervisor restarts must come back on the same port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The same, synchronously, for Playwright's config (which cannot await): a child process finds it.
 */
export function freePortSync(): number {
  const script =
    "const s=require('node:net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}

/**
 * Waits for the production build: others rebuild in this shared tree, and build/ is missing while
 * they do, so a while without one is no failure; two minutes without one is.
 */
async function buildPresent(cwd: string) {
  const index = path.join(cwd, process.env.BUILD_DIR ?? "build", "server/index.js");
  for (const deadline = Date.now() + 120_000; !existsSync(index); await sleep(1000)) {
    if (Date.now() > deadline) throw new Error("No production build: run `npm run build` first (npm test does).");
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StartOptions {
  /** "healthy" (default): until /healthz answers 200; "listening": until it listens. */
  waitFor?: "healthy" | "listening";
  /** Where server.js and build/ are; the repository by default. */
  cwd?: string;
  /** A port of the caller's choosing instead of a free one. */
  port?: number;
  /** Also pass the server's output on to this process's (the browser tests' web server does). */
  echo?: boolean;
}

/**
 * Starts the production build as `npm start` would, on a free port. The server listens before its
 * database is up (answering 503 meanwhile); by default this waits until /healthz says it is up,
 * `waitFor: "listening"` only until it listens.
 */
export async function startBuiltServer(
  env: Record<string, string | undefined>,
  options: StartOptions = {},
): Promise<RunningServer> {
  const cwd = options.cwd ?? root;
  await buildPresent(cwd);
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["server.js"], {
    cwd,
    env: childEnv({ NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  if (options.echo) {
    child.stdout!.pipe(process.stdout);
    child.stderr!.pipe(process.stderr);
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 110_000);
    child.stdout!.on("data", () => {
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
  if (options.waitFor !== "listening") await waitUntilHealthy(url, () => log, child);
  return {
    url,
    child,
    output: () => log,
    stop(signal = "SIGTERM") {
      const started = Date.now();
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve({ code: child.exitCode, ms: 0 });
        child.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
        child.kill(signal);
      });
    },
  };
}

/** Polls /healthz until it answers 200, for up to 110 s (a first PGlite start is slow on a busy machine). */
export async function waitUntilHealthy(url: string, output: () => string, child?: ChildProcess): Promise<void> {
  const seen: string[] = [];
  for (const deadline = Date.now() + 110_000; Date.now() < deadline;) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch((e: Error) => e);
    if (!(res instanceof Error) && res.status === 200) return;
    seen.push(res instanceof Error ? res.name : String(res.status));
    await sleep(200);
  }
  throw new Error(`server not healthy (${seen.slice(-5).join(" ")}):\n${output().slice(-3000)}`);
}
