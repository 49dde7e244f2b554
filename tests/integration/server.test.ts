import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startBuiltServer, type RunningServer } from "../support/server-process";

// What a fresh clone does: `npm start` with no configuration, and with DATABASE_URL.
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
  const name = `jembatan_start_${randomBytes(5).toString("hex")}`;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("migrates at start, reports postgres and exits cleanly on SIGTERM", async () => {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    server = await startBuiltServer({ DATABASE_URL: url.toString() });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok", database: "postgres" });
    // Not the embedded default: no demo content or accounts unless someone seeds them.
    const login = await (await fetch(`${server.url}/login`)).text();
    expect(login).not.toContain("jembatan-demo");
    const { code, ms } = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
  });
});
