import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { DatabaseUnavailableError } from "../../app/db.server";
import { queueMail } from "../../app/mail/queue.server";
import { sendDueMail } from "../../app/mail/sender.server";
import { maxAttempts } from "../../app/mail/send-outcome.server";
import { runMailWorker } from "../../app/mail/worker.server";
import { startResendStandIn, type StandIn } from "../support/resend-stand-in";
import { startBuiltServer } from "../support/server-process";
import { createServerDatabase, createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

// The sender against a local stand-in for Resend (tests/support/resend-stand-in.ts), through the
// real resend client: what arrives there, how often, and what the outbox row says afterwards.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const root = path.resolve(import.meta.dirname, "../..");
const from = "Jembatan <noreply@example.org>";
const minute = 60_000;

/** Queues `count` messages as the app does, one transaction each; returns their ids in order. */
async function queue(db: Database, count: number, prefix = "Message") {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const id = await db.transaction((tx) =>
      queueMail(
        tx,
        { kind: "invitation", to: { address: `person${i}@example.org`, name: `Person "${i}"` }, locale: "en" },
        { subject: `${prefix} ${i}`, html: `<p>${prefix} ${i}</p>`, text: `${prefix} ${i}` },
      ),
    );
    ids.push(id!);
  }
  return ids;
}

const rowsOf = (db: Database) => db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
const at = (date: Date, plusMs: number) => () => new Date(date.getTime() + plusMs);

describe.each(drivers)("the mail sender on %s", (driver) => {
  let test: TestDatabase;
  let stand: StandIn;
  let client: Resend;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());
  beforeEach(async () => {
    stand = await startResendStandIn();
    client = new Resend(stand.key, { baseUrl: stand.url });
  });
  afterEach(async () => {
    await stand.close();
    await test.db.delete(mailOutbox);
  });

  it("sends a queued message once, keyed outbox/<id>, and keeps the provider's message id", async () => {
    const [id] = await queue(test.db, 1);
    const report = await sendDueMail(test.db, { client, from });
    expect(report).toMatchObject({ enabled: true, claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(stand.requests).toHaveLength(1);
    expect(stand.requests[0]).toMatchObject({
      idempotencyKey: `outbox/${id}`,
      body: { from, to: '"Person \\"1\\"" <person1@example.org>', subject: "Message 1", text: "Message 1" },
    });
    const [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: stand.deliveries[0]!.id });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(row!.leaseUntil).toBeNull();

    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ claimed: 0 });
    expect(stand.requests).toHaveLength(1);
  });

  it("answers 429 and then 500 with retries after a growing wait, then sends it, once", async () => {
    const [id] = await queue(test.db, 1);
    stand.failNext(1, 429);
    stand.failNext(1, 500);
    const t0 = new Date();

    expect(await sendDueMail(test.db, { client, from, now: at(t0, 0) })).toMatchObject({ retried: 1 });
    let [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/^429 rate_limit_exceeded/);
    const firstWait = row!.nextAttemptAt.getTime() - t0.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(0.8 * minute);
    expect(firstWait).toBeLessThanOrEqual(1.2 * minute);
    // Not due yet: nothing is claimed, nothing asked of the provider.
    expect(await sendDueMail(test.db, { client, from, now: at(t0, 30_000) })).toMatchObject({ claimed: 0 });

    const t1 = new Date(t0.getTime() + 2 * minute);
    expect(await sendDueMail(test.db, { client, from, now: () => t1 })).toMatchObject({ retried: 1 });
    [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 2 });
    expect(row!.lastError).toMatch(/^500 internal_server_error/);
    const secondWait = row!.nextAttemptAt.getTime() - t1.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(1.6 * minute);
    expect(secondWait).toBeLessThanOrEqual(2.4 * minute);

    expect(await sendDueMail(test.db, { client, from, now: at(t1, 3 * minute) })).toMatchObject({ sent: 1 });
    [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(stand.requests.map((r) => r.idempotencyKey)).toEqual([`outbox/${id}`, `outbox/${id}`, `outbox/${id}`]);
    expect(stand.deliveries).toHaveLength(1);
    expect(row!.providerMessageId).toBe(stand.deliveries[0]!.id);
  });

  it("waits at least as long as a 429's Retry-After says", async () => {
    await queue(test.db, 1);
    stand.failNext(1, 429, { "Retry-After": "900" });
    const t0 = new Date();
    await sendDueMail(test.db, { client, from, now: () => t0 });
    const [row] = await rowsOf(test.db);
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBe(900_000);
  });

  it("marks a 422 as failed with the provider's reason and never tries it again", async () => {
    await queue(test.db, 1);
    stand.failNext(1, 422);
    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ failed: 1 });
    const [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toBe("422 validation_error: Stand-in answering 422 as told.");
    expect(await sendDueMail(test.db, { client, from, now: at(new Date(), 24 * 60 * minute) })).toMatchObject({
      claimed: 0,
    });
    expect(stand.requests).toHaveLength(1);
  });

  it(`gives up on a message after ${maxAttempts} tries of transient failures`, async () => {
    const [id] = await queue(test.db, 1);
    await test.db
      .update(mailOutbox)
      .set({ attempts: maxAttempts - 1 })
      .where(eq(mailOutbox.id, id!));
    stand.failNext(1, 503);
    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ failed: 1 });
    const [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(row!.lastError).toMatch(new RegExp(`^gave up after ${maxAttempts} tries: 503 application_error`));
  });

  it("retries a provider that does not answer in time", async () => {
    await queue(test.db, 1);
    stand.hangNext(1, { accept: false });
    expect(await sendDueMail(test.db, { client, from, timeoutMs: 300 })).toMatchObject({ retried: 1 });
    const [row] = await rowsOf(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/^no answer application_error/);
  });

  it("lets two senders race over the same rows: each message is sent once", async () => {
    const ids = await queue(test.db, 6);
    stand.delayMs = 50;
    const reports = await Promise.all([
      sendDueMail(test.db, { client, from, batch: 6 }),
      sendDueMail(test.db, { client, from, batch: 6 }),
    ]);
    expect(reports[0]!.claimed + reports[1]!.claimed).toBe(6);
    expect(stand.requests.map((r) => r.idempotencyKey).sort()).toEqual(ids.map((id) => `outbox/${id}`).sort());
    expect(stand.deliveries).toHaveLength(6);
    expect((await rowsOf(test.db)).map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sent", 1]));
  });

  it("sends nothing without an API key: the messages stay queued for the development mailbox", async () => {
    await queue(test.db, 2);
    expect(await sendDueMail(test.db, { client: null, from })).toMatchObject({ enabled: false, claimed: 0 });
    expect(stand.requests).toHaveLength(0);
    expect((await rowsOf(test.db)).map((r) => [r.status, r.attempts])).toEqual([
      ["queued", 0],
      ["queued", 0],
    ]);
  });

  it("runs as a worker that outlives a database that is away, and finishes the send under way when stopped", async () => {
    await queue(test.db, 3);
    let away = true;
    // The app's `db` while the database is away: every query fails at once.
    const flaky = new Proxy(test.db, {
      get(target, property, receiver) {
        if (away) throw new DatabaseUnavailableError();
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    stand.delayMs = 400;
    const worker = runMailWorker({ db: flaky, databaseUp: () => true, intervalMs: 20, client, drainMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stand.requests).toHaveLength(0);
    away = false;
    await stand.waitForRequests(1);
    await worker.stop();
    // The first send finished; the two claimed with it went back to the queue, their claim uncounted.
    expect((await rowsOf(test.db)).map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 1],
      ["queued", 0],
      ["queued", 0],
    ]);
    expect(stand.deliveries).toHaveLength(1);
  });

  describe("in processes of their own", () => {
    const work = mkdtempSync(path.join(tmpdir(), "jembatan-mail-"));
    let where: { DATABASE_URL?: string; DATA_DIR: string };
    let dropServerDatabase: (() => Promise<void>) | undefined;
    const openWhere = () => openDatabase({ url: where.DATABASE_URL, dataDir: where.DATA_DIR, maxConnections: 2 });
    beforeAll(async () => {
      // A database of its own that a second process can open: a PGlite directory, or a server database.
      if (driver === "pglite") {
        where = { DATA_DIR: path.join(work, "db") };
        await (await openDatabase({ dataDir: where.DATA_DIR, loadDump: inject("testTemplates").pgliteDump })).close();
      } else {
        const database = await createServerDatabase({ template: inject("testTemplates").postgresTemplate });
        where = { DATABASE_URL: database.url, DATA_DIR: path.join(work, "unused") };
        dropServerDatabase = database.drop;
      }
    });
    afterAll(async () => {
      await dropServerDatabase?.();
      rmSync(work, { recursive: true, force: true });
    });

    it("a sender killed mid-send: its rows are reclaimed after their lease, and each is delivered exactly once", async () => {
      let handle = await openWhere();
      const ids = await queue(handle.db, 3, "Reclaimed");
      // PGlite is one process's database: the sender process needs it to itself.
      if (driver === "pglite") await handle.close();

      stand.hangNext(1, { accept: true });
      const { DATABASE_URL: _inherited, ...inherited } = process.env;
      // --import tsx: one process, which SIGKILL ends outright (tsx's CLI would run it in a child).
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/mail-send.ts"], {
        cwd: root,
        env: { ...inherited, ...where, RESEND_API_KEY: stand.key, RESEND_BASE_URL: stand.url, MAIL_FROM: from },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_code, signal) => resolve(signal)),
      );
      await Promise.race([
        stand.waitForRequests(1, 90_000),
        exited.then(() => Promise.reject(new Error(`the sender exited before sending:\n${output}`))),
      ]);
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");

      if (driver === "pglite") handle = await openWhere();
      try {
        // The first message reached the provider, but its sender died before hearing back.
        expect(stand.deliveries).toHaveLength(1);
        expect((await rowsOf(handle.db)).map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sending", 1]));
        // Within the lease nobody takes them over.
        expect(await sendDueMail(handle.db, { client, from })).toMatchObject({ claimed: 0 });

        const report = await sendDueMail(handle.db, { client, from, now: at(new Date(), 6 * minute) });
        expect(report).toMatchObject({ claimed: 3, sent: 3 });
        const rows = await rowsOf(handle.db);
        expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sent", 2]));
        // Four requests, three deliveries: the first message's second request was the same key.
        expect(stand.requests.map((r) => r.idempotencyKey)).toEqual([ids[0], ...ids].map((id) => `outbox/${id}`));
        expect(stand.deliveries.map((d) => d.idempotencyKey)).toEqual(ids.map((id) => `outbox/${id}`));
        expect(rows.map((r) => r.providerMessageId)).toEqual(stand.deliveries.map((d) => d.id));
      } finally {
        await handle.close();
      }
    });

    it("the server's own worker sends what is queued, and stops cleanly on SIGTERM", async () => {
      let handle = await openWhere();
      const ids = await queue(handle.db, 2, "From the server");
      if (driver === "pglite") await handle.close();
      const server = await startBuiltServer({
        ...where,
        RESEND_API_KEY: stand.key,
        RESEND_BASE_URL: stand.url,
        MAIL_FROM: from,
        MAIL_SEND_INTERVAL_SECONDS: "0.2",
      });
      try {
        await stand.waitForRequests(2, 60_000);
        expect(stand.deliveries.map((d) => d.idempotencyKey)).toEqual(ids.map((id) => `outbox/${id}`));
        expect(stand.deliveries[0]!.body).toMatchObject({ from, subject: "From the server 1" });
      } finally {
        expect((await server.stop("SIGTERM")).code).toBe(0);
      }
      if (driver === "pglite") handle = await openWhere();
      try {
        const rows = (await rowsOf(handle.db)).filter((r) => ids.includes(r.id));
        expect(rows.map((r) => [r.status, r.providerMessageId])).toEqual(stand.deliveries.map((d) => ["sent", d.id]));
      } finally {
        await handle.close();
      }
    });
  });
});
