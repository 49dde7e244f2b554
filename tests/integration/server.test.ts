import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { createServerDatabase, type ServerDatabase } from "../support/test-database";

// What a fresh clone does: `npm start` with no configuration, and with DATABASE_URL.
// A first start creates a PGlite directory, which is slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
describe("the production server on the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-start-"));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates, seeds and serves the partnership on first start", async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(dataDir, "nested", "db") });
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    const home = await fetch(`${server.url}/`);
    const html = await home.text();
    expect(html).toContain("ASAN Xidmat");
    expect(html).toContain("Mal Pelayanan Publik");
    expect(home.headers.get("content-security-policy")).toContain("script-src");
  });

  it("closes the database and exits on SIGTERM", async () => {
    const { code, ms } = await server!.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });

  it("starts again on the same directory without seeding twice", async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(dataDir, "nested", "db") });
    expect(server.output()).not.toContain("Seeded");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.stop();
  });
});

describe.runIf(process.env.DATABASE_URL)("the production server on PostgreSQL", () => {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  let database: ServerDatabase | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.drop();
    await admin.end();
  });

  it("migrates at start and reports postgres, with no demo accounts unless seeded", async () => {
    // Empty, not a copy of the migrated template: the server is to migrate it.
    database = await createServerDatabase({ prefix: "jembatan_start" });
    server = await startBuiltServer({ DATABASE_URL: database.url, WEB_CONCURRENCY: "2" });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok", database: "postgres" });
    const login = await (await fetch(`${server.url}/login`)).text();
    expect(login).not.toContain("jembatan-demo");
  });

  it("keeps serving when the database kills its connections mid-request", async () => {
    // The pool reconnects; tests/integration/faults.test.ts checks that no worker even exits.
    const load = Array.from({ length: 40 }, (_, i) =>
      fetch(`${server!.url}/${i % 2 ? "healthz" : "login"}`, { signal: AbortSignal.timeout(15_000) })
        .then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        })
        .catch((e: Error) => e.name),
    );
    for (let i = 0; i < 5; i++) {
      await admin.unsafe(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database!.name}' and pid <> pg_backend_pid()`,
      );
      await new Promise((r) => setTimeout(r, 50));
    }
    // Requests caught in the middle may fail; what matters is that the server serves afterwards.
    await Promise.all(load);
    // Until a deadline, not a count of tries: on a busy machine a replaced worker takes a while.
    let healthy = false;
    const seen: string[] = [];
    for (const deadline = Date.now() + 60_000; !healthy && Date.now() < deadline;) {
      const res = await fetch(`${server!.url}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch((e: Error) => e);
      healthy = !(res instanceof Error) && res.status === 200;
      seen.push(
        res instanceof Error ? `${res.name}:${(res.cause as { code?: string } | undefined)?.code}` : String(res.status),
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 250));
    }
    expect(healthy, `${seen.join(" ")}\n${server!.output().slice(-1500)}`).toBe(true);
    expect(server!.child.exitCode).toBeNull();
  });

  it("replaces a worker that dies", async () => {
    const workers = () =>
      execFileSync("pgrep", ["-P", String(server!.child.pid)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean);
    // The second worker starts once the first has migrated: kill one only when both serve, or
    // there is a moment with nothing listening.
    const listening = () => server!.output().match(/is listening on/g)?.length ?? 0;
    for (const deadline = Date.now() + 60_000; listening() < 2 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const before = workers();
    expect(before).toHaveLength(2);
    process.kill(Number(before[0]), "SIGKILL");
    let after: string[] = [];
    const replaced = () => after.length === 2 && !after.includes(before[0]!);
    for (const deadline = Date.now() + 60_000; !replaced() && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250));
      after = workers();
    }
    expect(server!.output()).toContain(`worker ${before[0]} exited (SIGKILL); starting another`);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
  });

  it("stops every worker and exits cleanly on SIGTERM", async () => {
    const { code, ms } = await server!.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });
});
