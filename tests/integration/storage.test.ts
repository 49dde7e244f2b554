import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as t from "../../db/schema";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { seedIfEmpty } from "../../app/seed/seed-content.server";
import { deleteActivity } from "../../app/models/activity-writes.server";
import { createSession } from "../../app/models/session.server";
import { sessionCookieHeader } from "../support/minted-sessions";
import { npmRun } from "../support/npm-run";
import { fetchSignIn } from "../support/http";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { createServerDatabase, type ServerDatabase } from "../support/test-database";

// The embedded database's lock (two real processes on one directory), npm run db:backup and
// db:restore on both drivers (a round trip that starts the app on the restored copy), and the
// address the demo listens on.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "jembatan-storage-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const secret = "storage-test-session-secret-0123456789abcdef";

/** Demo content, as the app's first start leaves it, in a PGlite directory or a server database. */
async function seeded(handle: DatabaseHandle) {
  try {
    await handle.migrate();
    await seedIfEmpty(handle.db, { demo: true });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** What the round trip looks for after the restore: records, as they were at the backup. */
interface Marks {
  activity: { id: number; version: number; title: string };
  case: { id: number; slug: string; title: string };
  /** A session open when the backup was taken. */
  token: string;
}

async function markRecords(handle: DatabaseHandle): Promise<Marks> {
  const [activity] = await handle.db
    .select({ id: t.activities.id, version: t.activities.version, title: t.activities.title })
    .from(t.activities)
    .orderBy(t.activities.id)
    .limit(1);
  const [found] = await handle.db
    .select({ id: t.cases.id, slug: t.cases.slug, title: t.cases.title })
    .from(t.cases)
    .where(eq(t.cases.status, "published"))
    .orderBy(t.cases.id)
    .limit(1);
  const [admin] = await handle.db.select().from(t.users).where(eq(t.users.email, "admin@example.org"));
  const { token } = await createSession(handle.db, admin!.id, {});
  return {
    activity: { id: activity!.id, version: activity!.version, title: activity!.title.en },
    case: { id: found!.id, slug: found!.slug, title: found!.title.en },
    token,
  };
}

/** The changes a restore must undo: an activity deleted, a case renamed, one more session. */
async function changeRecords(handle: DatabaseHandle, marks: Marks): Promise<string> {
  await deleteActivity(handle.db, { label: "cli" }, { id: marks.activity.id, version: marks.activity.version });
  await handle.db
    .update(t.cases)
    .set({ title: { en: "Renamed after the backup", id: "Diganti setelah cadangan" } })
    .where(eq(t.cases.id, marks.case.id));
  const [editor] = await handle.db.select().from(t.users).where(eq(t.users.email, "editor@example.org"));
  return (await createSession(handle.db, editor!.id, {})).token;
}

/** Through HTTP: the records are back, sessions from before the restore are gone, sign-in works. */
async function expectRestored(server: RunningServer, marks: Marks, laterToken: string) {
  const page = await fetch(`${server.url}/library/${marks.case.slug}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(escapeHtml(marks.case.title));
  expect(html).not.toContain("Renamed after the backup");

  for (const token of [marks.token, laterToken]) {
    const res = await fetch(`${server.url}/dashboard`, {
      headers: { Cookie: await sessionCookieHeader(secret, token) },
      redirect: "manual",
    });
    expect(res.status, "a session from before the restore is over").toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?/);
  }

  const cookie = await fetchSignIn(server.url, "admin@example.org", "jembatan-demo");
  const activity = await fetch(`${server.url}/activities/${marks.activity.id}`, { headers: { Cookie: cookie } });
  expect(activity.status).toBe(200);
  expect(await activity.text()).toContain(escapeHtml(marks.activity.title));
}

/** What a restore leaves in the database: only sessions opened since, and its audit row. */
async function expectSessionsEnded(handle: DatabaseHandle, marks: Marks) {
  const rows = await handle.db.select({ userId: t.sessions.userId }).from(t.sessions);
  const [admin] = await handle.db.select().from(t.users).where(eq(t.users.email, "admin@example.org"));
  // The one sign-in of expectRestored.
  expect(rows).toEqual([{ userId: admin!.id }]);
  const audit = await handle.db
    .select({ action: t.auditLog.action, actorLabel: t.auditLog.actorLabel, before: t.auditLog.before })
    .from(t.auditLog)
    .where(eq(t.auditLog.entityType, "database"));
  // The backup held one session (marks.token): the restore ended it.
  expect(audit).toEqual([{ action: "end_sessions", actorLabel: "cli", before: { sessions: 1 } }]);
  const [activity] = await handle.db.select().from(t.activities).where(eq(t.activities.id, marks.activity.id));
  expect(activity?.title.en).toBe(marks.activity.title);
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function exitCode(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the process did not exit")), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Another loopback address: a server bound to 127.0.0.1 alone does not answer there, one bound to
 * every interface does. It tells "this machine's one address" from "everywhere" without sending
 * anything off the loopback range.
 */
const otherLoopback = "127.0.0.2";

async function reachable(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.ok,
    () => false,
  );
}

describe("backup and restore on PGlite", () => {
  const dataDir = path.join(work, "pglite", "db");
  const backup = path.join(work, "pglite-backup.tar.gz");
  let marks: Marks;
  let laterToken: string;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
  });

  beforeAll(async () => {
    const handle = await seeded(await openDatabase({ dataDir, loadDump: inject("testTemplates").pgliteDump }));
    try {
      marks = await markRecords(handle);
    } finally {
      await handle.close();
    }
  });

  it("backs up with npm run db:backup", async () => {
    const { code, output } = await npmRun("db:backup", [backup], { DATA_DIR: dataDir });
    expect(code, output).toBe(0);
    expect(output).toContain(`Backed up the PGlite database to ${backup}`);
    expect(existsSync(`${backup}.partial`)).toBe(false);
  });

  it("restores with npm run db:restore, undoing later changes and ending every session", async () => {
    const handle = await openDatabase({ dataDir });
    try {
      laterToken = await changeRecords(handle, marks);
    } finally {
      await handle.close();
    }
    const { code, output } = await npmRun("db:restore", [backup], { DATA_DIR: dataDir });
    expect(code, output).toBe(0);
    expect(output).toContain(`Restored the PGlite database in ${dataDir}`);
    // The one session of the backup: the later one went with the data the restore replaced.
    expect(output).toContain("1 session ended");
    // Nothing of the swap is left beside the directory, and no lock.
    expect(readdirSync(path.dirname(dataDir))).toEqual(["db"]);
  });

  it("starts the app on the restored copy, on this machine's address only", async () => {
    // HOST unset, as in `npm start`: the demo's published passwords stay on this machine.
    // startBuiltServer returns once /healthz answers 200.
    server = await startBuiltServer({ DATA_DIR: dataDir, SESSION_SECRET: secret, HOST: undefined });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await reachable(server.url.replace("127.0.0.1", otherLoopback) + "/healthz")).toBe(false);
    await expectRestored(server, marks, laterToken);
  });

  it("refuses to start a second app on the same directory", async () => {
    // The server may listen before it opens its database (answering 503 meanwhile): either way it
    // must end, saying why.
    const second = await startBuiltServer({ DATA_DIR: dataDir, SESSION_SECRET: secret }).catch((e: Error) => e);
    let output: string;
    if (second instanceof Error) {
      output = second.message;
    } else {
      const code = await exitCode(second.child, 120_000);
      output = second.output();
      expect(code, output).not.toBe(0);
    }
    expect(output).toContain(`The database directory ${dataDir} is in use by process `);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
  });

  it("leaves only the sessions opened since, and the restore in the audit log", async () => {
    expect((await server!.stop()).code).toBe(0);
    server = undefined;
    const handle = await openDatabase({ dataDir });
    try {
      await expectSessionsEnded(handle, marks);
    } finally {
      await handle.close();
    }
  });

  it("refuses a file that is not a PGlite backup, and a directory that does not exist", async () => {
    const notTar = path.join(root, "package.json");
    const restore = await npmRun("db:restore", [notTar], { DATA_DIR: dataDir });
    expect(restore.code).toBe(1);
    expect(restore.output).toContain("is not a PGlite backup");
    const backUp = await npmRun("db:backup", [path.join(work, "x.tar.gz")], { DATA_DIR: path.join(work, "nothing") });
    expect(backUp.code).toBe(1);
    expect(backUp.output).toContain("There is no PGlite database in");
    expect(existsSync(path.join(work, "nothing"))).toBe(false);
  });
});

describe.runIf(process.env.DATABASE_URL)("backup and restore on PostgreSQL", () => {
  const backup = path.join(work, "postgres.dump");
  let database: ServerDatabase;
  let empty: ServerDatabase | undefined;
  let marks: Marks;
  let laterToken: string;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.drop();
    await empty?.drop();
  });

  const open = (url = database.url) => openDatabase({ url, dataDir: "", maxConnections: 2 });

  beforeAll(async () => {
    const template = inject("testTemplates").postgresTemplate;
    database = await createServerDatabase({ prefix: "jembatan_storage", ...(template ? { template } : {}) });
    const handle = await seeded(await open());
    try {
      marks = await markRecords(handle);
    } finally {
      await handle.close();
    }
  });

  it("backs up with npm run db:backup (pg_dump, custom format)", async () => {
    const { code, output } = await npmRun("db:backup", [backup], { DATABASE_URL: database.url });
    expect(code, output).toBe(0);
    expect(output).toContain(`Backed up the PostgreSQL database to ${backup}`);
    expect(readFileSync(backup).subarray(0, 5).toString("latin1")).toBe("PGDMP");
  });

  it("restores with npm run db:restore, undoing later changes and ending every session", async () => {
    const handle = await open();
    try {
      laterToken = await changeRecords(handle, marks);
    } finally {
      await handle.close();
    }
    const { code, output } = await npmRun("db:restore", [backup], { DATABASE_URL: database.url });
    expect(code, output).toBe(0);
    expect(output).toContain(`Restored the PostgreSQL database ${database.name}`);
    // The one session of the backup: the later one went with the data the restore replaced.
    expect(output).toContain("1 session ended");
  });

  it("starts the app on the restored database, on every interface", async () => {
    server = await startBuiltServer({
      DATABASE_URL: database.url,
      SESSION_SECRET: secret,
      WEB_CONCURRENCY: "1",
      HOST: undefined,
    });
    expect(await reachable(`http://${otherLoopback}:${new URL(server.url).port}/healthz`)).toBe(true);
    await expectRestored(server, marks, laterToken);
    expect((await server.stop()).code).toBe(0);
    server = undefined;
    const handle = await open();
    try {
      await expectSessionsEnded(handle, marks);
    } finally {
      await handle.close();
    }
  });

  it("restores into an empty database, as after losing the server", async () => {
    empty = await createServerDatabase({ prefix: "jembatan_storage" });
    const { code, output } = await npmRun("db:restore", [backup], { DATABASE_URL: empty.url });
    expect(code, output).toBe(0);
    const handle = await open(empty.url);
    try {
      const [activity] = await handle.db.select().from(t.activities).where(eq(t.activities.id, marks.activity.id));
      expect(activity?.title.en).toBe(marks.activity.title);
      expect(await handle.db.select().from(t.sessions)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("refuses a PGlite tarball", async () => {
    const { code, output } = await npmRun("db:restore", [inject("testTemplates").pgliteDump!], {
      DATABASE_URL: database.url,
    });
    expect(code).toBe(1);
    expect(output).toContain("is not a pg_dump archive");
  });
});
