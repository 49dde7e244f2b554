import { execFileSync, spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as t from "../../db/schema";
import { openDatabase } from "../../db/client";
import { seedIfEmpty } from "../../app/seed/seed-content.server";
import { createSession } from "../../app/models/session.server";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { createServerDatabase, type ServerDatabase } from "../support/test-database";
import { rawRequest, type RawAnswer } from "../support/http";
import { sessionCookieHeader } from "../support/minted-sessions";

// The production server (two workers) on PostgreSQL reached through a proxy the test controls:
// started while the database is unreachable, the database going away for 10 s under load, its
// backends terminated under write load, and SIGTERM under write load. In that order, on one server,
// so the whole file stays within a couple of minutes. PostgreSQL itself is never stopped.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const secret = "faults-test-session-secret-0123456789abcdef";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `task` in `clients` loops until `until()` says stop; returns every answer. */
async function load<T>(clients: number, until: () => boolean, task: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) results.push(await task(n++));
    }),
  );
  return results;
}

const tally = (answers: RawAnswer[]) =>
  answers.reduce<Record<string, number>>((counts, a) => {
    const key = a.error ?? String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

// These need a PostgreSQL server (DATABASE_URL, which CI sets): PGlite has no connections to lose.
const needsPostgres = process.env.DATABASE_URL ? "" : " (skipped: needs DATABASE_URL)";

describe.skipIf(!process.env.DATABASE_URL)(`the production server when the database fails${needsPostgres}`, () => {
  const admin = postgres(process.env.DATABASE_URL ?? "postgres://unset", { max: 1, onnotice: () => {} });
  let database: ServerDatabase;
  let proxy: TcpProxy;
  let server: RunningServer;
  let cookie: string;
  let origin: string;
  let written = 0;

  const workers = () =>
    execFileSync("pgrep", ["-P", String(server.child.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .sort();

  /** Creates an activity as the editor, as the form does without JavaScript; its title is unique. */
  const createActivity = async () => {
    const title = `fault-${process.pid}-${++written}`;
    const answer = await rawRequest(`${server.url}/activities/new`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: origin },
      body: new URLSearchParams({
        intent: "save",
        titleEn: title,
        type: "meeting",
        status: "planned",
        mode: "online",
        startsOn: "2026-12-01",
        lessons: "",
        lessonsFormat: "text",
      }).toString(),
    });
    return { title, ...answer };
  };

  const storedTitles = async (): Promise<Set<string>> => {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const rows = await sql
      .unsafe<{ title: string }[]>(
        `select title->>'en' as title from activities where title->>'en' like 'fault-${process.pid}-%'`,
      )
      .finally(() => sql.end({ timeout: 5 }));
    return new Set(rows.map((r) => r.title));
  };

  beforeAll(async () => {
    const { postgresTemplate } = inject("testTemplates");
    database = await createServerDatabase({ prefix: "jembatan_availability", template: postgresTemplate });
    const handle = await openDatabase({ url: database.url, dataDir: "", maxConnections: 2 });
    try {
      if (!postgresTemplate) await handle.migrate();
      await seedIfEmpty(handle.db, { demo: true });
      const [editor] = await handle.db.select().from(t.users).where(eq(t.users.email, "editor@example.org"));
      const { token } = await createSession(handle.db, editor!.id, {});
      cookie = await sessionCookieHeader(secret, token);
    } finally {
      await handle.close();
    }
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop("SIGKILL");
    await proxy?.close();
    await database?.drop();
    await admin.end({ timeout: 5 });
  });

  it("starts while the database is unreachable: answers 503 meanwhile and serves once it is back", async () => {
    proxy.down();
    server = await startBuiltServer(
      { DATABASE_URL: proxy.through(database.url), WEB_CONCURRENCY: "2", SESSION_SECRET: secret },
      { waitFor: "listening" },
    );
    origin = server.url;
    await sleep(3_000);
    const page = await rawRequest(`${server.url}/`, { headers: { "Accept-Language": "id" } });
    expect(page.status).toBe(503);
    expect(page.headers?.["retry-after"]).toBe("5");
    expect(page.body).toContain("Layanan sedang tidak tersedia sebentar");
    // Inside the site's layout: its header, navigation and language switch, signed out.
    expect(page.body).toMatch(
      /<header class="site-header">[\s\S]*<nav [^>]*class="main-nav"[\s\S]*id="language-select"/,
    );
    expect(page.body).toContain('<html lang="id"');
    expect(page.ms).toBeLessThan(2_000);
    const health = await rawRequest(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body!)).toMatchObject({ status: "unavailable", database: "postgres" });
    expect(server.output()).toMatch(/database not reachable yet; waiting for it/);

    proxy.up();
    const back = Date.now();
    let healthy: RawAnswer | undefined;
    while (Date.now() - back < 30_000 && healthy?.status !== 200) {
      healthy = await rawRequest(`${server.url}/healthz`);
      if (healthy.status !== 200) await sleep(100);
    }
    expect(healthy?.status, server.output().slice(-2000)).toBe(200);
    // Backoff tops out at 2 s, and the migrations of a migrated template are a no-op.
    expect(Date.now() - back).toBeLessThan(5_000);
    expect((await rawRequest(`${server.url}/library`)).status).toBe(200);
    // The second worker starts once the first has migrated.
    for (const deadline = Date.now() + 60_000; workers().length < 2 && Date.now() < deadline;) await sleep(250);
    expect(workers()).toHaveLength(2);
    expect(server.child.exitCode).toBeNull();
  });

  it("stays up through 10 s without the database under load: 503 meanwhile, healthy within 5 s after", async () => {
    const before = workers();
    let phase: "before" | "down" | "after" = "before";
    let stop = false;
    const answers: (RawAnswer & { phase: string })[] = [];
    const paths = ["/", "/library", "/activities", "/healthz"];
    const loading = load(
      4,
      () => stop,
      async (n) => {
        const path = paths[n % paths.length]!;
        const answer = await rawRequest(`${server.url}${path}`, {
          headers: path === "/activities" ? { Cookie: cookie } : {},
          timeoutMs: 10_000,
        });
        answers.push({ ...answer, phase, body: undefined });
      },
    );
    await sleep(1_000);
    phase = "down";
    proxy.down();
    await sleep(10_000);
    proxy.up();
    phase = "after";
    const back = Date.now();
    let healthyAfterMs: number | undefined;
    while (Date.now() - back < 20_000 && healthyAfterMs === undefined) {
      if ((await rawRequest(`${server.url}/healthz`)).status === 200) healthyAfterMs = Date.now() - back;
      else await sleep(100);
    }
    await sleep(500);
    stop = true;
    await loading;

    const during = answers.filter((a) => a.phase === "down");
    const summary = `during: ${JSON.stringify(tally(during))}\n${server.output().slice(-2000)}`;
    expect(healthyAfterMs, summary).toBeDefined();
    expect(healthyAfterMs!).toBeLessThan(5_000);
    // Every request was answered, none with a 500, and the outage was said as 503 within ~2 s.
    expect(
      answers.filter((a) => a.error),
      summary,
    ).toEqual([]);
    expect(
      answers.filter((a) => a.status === 500),
      summary,
    ).toEqual([]);
    expect(during.filter((a) => a.status === 503).length, summary).toBeGreaterThan(10);
    expect(Math.max(...during.map((a) => a.ms)), summary).toBeLessThan(4_000);
    const lateInOutage = during.slice(Math.floor(during.length / 2));
    expect(
      lateInOutage.every((a) => a.status === 503),
      summary,
    ).toBe(true);
    expect(server.child.exitCode).toBeNull();
    expect(workers()).toEqual(before);
    expect(server.output()).not.toMatch(/exited \(/);
  });

  it("keeps every worker when the database terminates its backends under write load", async () => {
    const before = workers();
    let stop = false;
    const loading = load(4, () => stop, createActivity);
    const terminated: number[] = [];
    for (let i = 0; i < 8; i++) {
      await sleep(700);
      const rows = await admin.unsafe<{ killed: boolean }[]>(
        `select pg_terminate_backend(pid) as killed from pg_stat_activity where datname = '${database.name}' and pid <> pg_backend_pid()`,
      );
      terminated.push(rows.length);
    }
    stop = true;
    const answers = await loading;
    const summary = `${JSON.stringify(tally(answers))} terminated ${terminated.join(",")}\n${server.output().slice(-3000)}`;

    expect(
      terminated.reduce((a, b) => a + b, 0),
      summary,
    ).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    expect(workers(), summary).toEqual(before);
    expect(server.output(), summary).not.toMatch(/exited \(/);
    // The requests caught on a terminated backend are answered 503; the rest are saved.
    expect(
      answers.filter((a) => a.error || (a.status !== 302 && a.status !== 503)),
      summary,
    ).toEqual([]);
    expect(answers.filter((a) => a.status === 302).length, summary).toBeGreaterThan(0);
    const stored = await storedTitles();
    for (const a of answers.filter((a) => a.status === 302)) expect(stored.has(a.title), a.title).toBe(true);
    // And it serves on: a worker whose checks all met a terminated backend counts the database
    // as away and checks again every 500 ms, so it says so for a moment after the last one.
    const end = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - end < 5_000) {
      healthy = (await rawRequest(`${server.url}/healthz`)).status === 200;
      if (!healthy) await sleep(100);
    }
    expect(healthy, summary).toBe(true);
  });

  it("finishes its requests on SIGTERM: no 500, every saved write answered", async () => {
    const storedBefore = await storedTitles();
    let stop = false;
    const loading = load(
      4,
      () => stop,
      async () => {
        const answer = await createActivity();
        // Nothing listens any more: the server has stopped accepting.
        if (answer.error === "ECONNREFUSED") stop = true;
        return answer;
      },
    );
    await sleep(2_000);
    const stopping = server.stop("SIGTERM");
    const { code, ms } = await stopping;
    stop = true;
    const answers = await loading;
    const summary = `${JSON.stringify(tally(answers))}\n${server.output().slice(-3000)}`;

    expect(code, summary).toBe(0);
    expect(ms).toBeLessThan(15_000);
    expect(
      answers.filter((a) => a.status === 500),
      summary,
    ).toEqual([]);
    // Every request was answered, or refused before the app saw it: ECONNREFUSED, or a connection
    // the supervisor had accepted but no worker took any more (reset when the last one closed,
    // a limit of Node's cluster). Such a request is not saved (checked below), so a retry is safe.
    expect(
      answers.filter((a) => a.error && a.error !== "ECONNREFUSED" && a.error !== "ECONNRESET"),
      summary,
    ).toEqual([]);
    const acknowledged = answers.filter((a) => a.status === 302);
    expect(acknowledged.length, summary).toBeGreaterThan(3);
    const stored = await storedTitles();
    const added = [...stored].filter((title) => !storedBefore.has(title)).sort();
    // Each write saved got its answer, and each answered write was saved.
    expect(added, summary).toEqual(acknowledged.map((a) => a.title).sort());
  });
});

describe.skipIf(!process.env.DATABASE_URL)(`a transaction whose backend is terminated${needsPostgres}`, () => {
  it("costs the transaction, not the process (postgres.js's nextWrite TypeError is caught)", async () => {
    const database = await createServerDatabase({
      prefix: "jembatan_availability",
      template: inject("testTemplates").postgresTemplate,
    });
    try {
      const { DATABASE_URL: adminUrl, ...inherited } = process.env;
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/driver-guard-probe.ts"], {
        env: { ...inherited, NODE_ENV: "production", DATABASE_URL: database.url, ADMIN_URL: adminUrl },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code, output).toBe(0);
      expect(output).toMatch(/probe: transaction failed: (CONNECTION_CLOSED|57P01)/);
      expect(output).toContain("postgres.js wrote to a closed connection; replacing the pool");
      expect(output).toContain("probe: afterwards 42, database up");
    } finally {
      await database.drop();
    }
  });
});
