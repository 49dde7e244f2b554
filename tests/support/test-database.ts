import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { expect, inject } from "vitest";
import { openDatabase, type Database, type DatabaseDriver } from "../../db/client";

/**
 * The one harness for test databases. The integration suite runs on embedded PGlite always, and
 * also on the PostgreSQL server when DATABASE_URL is set. Each test file gets databases of its own,
 * created here and dropped after.
 *
 * Migrating is the slow part of making one (PGlite's initdb most of all), so it happens once per run:
 * vitest's globalSetup (tests/support/global-setup.ts) calls `prepareTemplates`, which migrates a
 * PGlite database and dumps it to a tarball, and on PostgreSQL migrates `jembatan_template_<random>`.
 * Each file then starts from a copy: PGlite loads the tarball, PostgreSQL runs
 * `create database … template …`. Run without that globalSetup, each file migrates its own.
 */
export const drivers: DatabaseDriver[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** What globalSetup hands the test files. */
export interface TestTemplates {
  /** A tarball of a migrated PGlite database. */
  pgliteDump?: string;
  /** A migrated database on DATABASE_URL's server that no one is connected to. */
  postgresTemplate?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

export interface TestDatabase {
  db: Database;
  driver: DatabaseDriver;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

function adminClient() {
  return postgres(serverUrl(), { max: 1, onnotice: () => {} });
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

function templates(): TestTemplates {
  try {
    return inject("testTemplates") ?? {};
  } catch {
    return {}; // not inside a vitest worker
  }
}

/** A new, migrated database on `driver`, for one test file. */
export async function createTestDatabase(
  driver: DatabaseDriver,
  options: { maxConnections?: number } = {},
): Promise<TestDatabase> {
  const started = performance.now();
  const test = driver === "pglite" ? await createPglite() : await createPostgres(options.maxConnections ?? 4);
  if (process.env.TEST_DB_TIMING) {
    const file = path.relative(process.cwd(), expect.getState().testPath ?? "?");
    console.log(`[test-database] ${driver} ready in ${Math.round(performance.now() - started)} ms (${file})`);
  }
  return test;
}

async function createPglite(): Promise<TestDatabase> {
  const { pgliteDump } = templates();
  const handle = await openDatabase({ dataDir: "memory://", loadDump: pgliteDump });
  if (!pgliteDump) await handle.migrate();
  return { db: handle.db, driver: "pglite", close: handle.close };
}

async function createPostgres(maxConnections: number): Promise<TestDatabase> {
  const { postgresTemplate } = templates();
  const database = await createServerDatabase(postgresTemplate ? { template: postgresTemplate } : {});
  const handle = await openDatabase({ url: database.url, dataDir: "", maxConnections });
  try {
    if (!postgresTemplate) await handle.migrate();
  } catch (error) {
    await handle.close();
    await database.drop();
    throw error;
  }
  return {
    db: handle.db,
    driver: "postgres",
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

export interface ServerDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on DATABASE_URL's server: empty, or a copy of `template`. For tests that need a
 * database of their own but not a migrated one (a server that must migrate at start); the others
 * use `createTestDatabase`.
 */
export async function createServerDatabase(
  options: { prefix?: string; template?: string } = {},
): Promise<ServerDatabase> {
  const name = `${options.prefix ?? "jembatan_test"}_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  try {
    await admin.unsafe(`create database ${name}${options.template ? ` template ${options.template}` : ""}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const sql = adminClient();
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

/**
 * For globalSetup: migrates once per run what `createTestDatabase` copies. Returns what to provide
 * to the test files and a clean-up that removes the tarball and drops the template.
 */
export async function prepareTemplates(): Promise<{ templates: TestTemplates; cleanUp(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "jembatan-test-db-"));
  let template: ServerDatabase | undefined;
  const cleanUp = async () => {
    rmSync(dir, { recursive: true, force: true });
    await template?.drop();
  };
  try {
    const pglite = async () => {
      // Not gzipped: some 40 MB, but quicker to write, and no slower to load.
      const file = path.join(dir, "pglite.tar");
      const handle = await openDatabase({ dataDir: "memory://" });
      try {
        await handle.migrate();
        await handle.dump(file);
      } finally {
        await handle.close();
      }
      return file;
    };
    const server = async () => {
      if (!process.env.DATABASE_URL) return undefined;
      template = await createServerDatabase({ prefix: "jembatan_template" });
      const handle = await openDatabase({ url: template.url, dataDir: "", maxConnections: 1 });
      try {
        await handle.migrate();
      } finally {
        // Copying a template needs it to have no connections at all: this one is its only one.
        await handle.close();
      }
      return template.name;
    };
    // Both at once, and both finished before a failure cleans up.
    const [pgliteDump, postgresTemplate] = await Promise.allSettled([pglite(), server()]);
    if (pgliteDump.status === "rejected") throw pgliteDump.reason;
    if (postgresTemplate.status === "rejected") throw postgresTemplate.reason;
    return { templates: { pgliteDump: pgliteDump.value, postgresTemplate: postgresTemplate.value }, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
