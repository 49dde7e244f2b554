import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mailOutbox } from "../../db/schema";
import { DatabaseUnavailableError } from "../../app/db.server";
import { sendDueMail } from "../../app/mail/sender.server";
import { maxAttempts } from "../../app/mail/send-outcome.server";
import { runMailWorker } from "../../app/mail/worker.server";
import { at, outboxRows, queueTestMail } from "../support/mail-outbox";
import { startResendStandIn, type StandIn } from "../support/resend-stand-in";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

// The sender against a local stand-in for Resend (tests/support/resend-stand-in.ts), through the
// real resend client: what arrives there, how often, and what the outbox row says afterwards.
// In processes of their own (a killed sender, the server's worker): mail-sender-processes.test.ts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const from = "Jembatan <noreply@example.org>";
const minute = 60_000;

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
    const [id] = await queueTestMail(test.db, 1);
    const report = await sendDueMail(test.db, { client, from });
    expect(report).toMatchObject({ enabled: true, claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(stand.requests).toHaveLength(1);
    expect(stand.requests[0]).toMatchObject({
      idempotencyKey: `outbox/${id}`,
      body: { from, to: '"Person \\"1\\"" <person1@example.org>', subject: "Message 1", text: "Message 1" },
    });
    const [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerMessageId: stand.deliveries[0]!.id });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(row!.leaseUntil).toBeNull();

    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ claimed: 0 });
    expect(stand.requests).toHaveLength(1);
  });

  it("answers 429 and then 500 with retries after a growing wait, then sends it, once", async () => {
    const [id] = await queueTestMail(test.db, 1);
    stand.failNext(1, 429);
    stand.failNext(1, 500);
    const t0 = new Date();

    expect(await sendDueMail(test.db, { client, from, now: at(t0, 0) })).toMatchObject({ retried: 1 });
    let [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/^429 rate_limit_exceeded/);
    const firstWait = row!.nextAttemptAt.getTime() - t0.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(0.8 * minute);
    expect(firstWait).toBeLessThanOrEqual(1.2 * minute);
    // Not due yet: nothing is claimed, nothing asked of the provider.
    expect(await sendDueMail(test.db, { client, from, now: at(t0, 30_000) })).toMatchObject({ claimed: 0 });

    const t1 = new Date(t0.getTime() + 2 * minute);
    expect(await sendDueMail(test.db, { client, from, now: () => t1 })).toMatchObject({ retried: 1 });
    [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 2 });
    expect(row!.lastError).toMatch(/^500 internal_server_error/);
    const secondWait = row!.nextAttemptAt.getTime() - t1.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(1.6 * minute);
    expect(secondWait).toBeLessThanOrEqual(2.4 * minute);

    expect(await sendDueMail(test.db, { client, from, now: at(t1, 3 * minute) })).toMatchObject({ sent: 1 });
    [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(stand.requests.map((r) => r.idempotencyKey)).toEqual([`outbox/${id}`, `outbox/${id}`, `outbox/${id}`]);
    expect(stand.deliveries).toHaveLength(1);
    expect(row!.providerMessageId).toBe(stand.deliveries[0]!.id);
  });

  it("waits at least as long as a 429's Retry-After says", async () => {
    await queueTestMail(test.db, 1);
    stand.failNext(1, 429, { "Retry-After": "900" });
    const t0 = new Date();
    await sendDueMail(test.db, { client, from, now: () => t0 });
    const [row] = await outboxRows(test.db);
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBe(900_000);
  });

  it("marks a 422 as failed with the provider's reason and never tries it again", async () => {
    await queueTestMail(test.db, 1);
    stand.failNext(1, 422);
    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ failed: 1 });
    const [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toBe("422 validation_error: Stand-in answering 422 as told.");
    expect(await sendDueMail(test.db, { client, from, now: at(new Date(), 24 * 60 * minute) })).toMatchObject({
      claimed: 0,
    });
    expect(stand.requests).toHaveLength(1);
  });

  it(`gives up on a message after ${maxAttempts} tries of transient failures`, async () => {
    const [id] = await queueTestMail(test.db, 1);
    await test.db
      .update(mailOutbox)
      .set({ attempts: maxAttempts - 1 })
      .where(eq(mailOutbox.id, id!));
    stand.failNext(1, 503);
    expect(await sendDueMail(test.db, { client, from })).toMatchObject({ failed: 1 });
    const [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(row!.lastError).toMatch(new RegExp(`^gave up after ${maxAttempts} tries: 503 application_error`));
  });

  it("retries a provider that does not answer in time", async () => {
    await queueTestMail(test.db, 1);
    stand.hangNext(1, { accept: false });
    expect(await sendDueMail(test.db, { client, from, timeoutMs: 300 })).toMatchObject({ retried: 1 });
    const [row] = await outboxRows(test.db);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/^no answer application_error/);
  });

  it("lets two senders race over the same rows: between them they claim every row, each once", async () => {
    // A race is won by timing: several rounds, so a claim that drops a row in some of them shows.
    const all: number[] = [];
    for (let round = 0; round < 5; round++) {
      const ids = await queueTestMail(test.db, 6, `Round ${round}`);
      all.push(...ids);
      stand.delayMs = round % 2 ? 0 : 50;
      // A clock a second ahead: every row is due, however close its insert was to the claim.
      const now = at(new Date(), 1000);
      const reports = await Promise.all([
        sendDueMail(test.db, { client, from, batch: 6, now }),
        sendDueMail(test.db, { client, from, batch: 6, now }),
      ]);
      expect(reports[0]!.claimed + reports[1]!.claimed, `round ${round}`).toBe(6);
    }
    expect(stand.requests.map((r) => r.idempotencyKey).sort()).toEqual(all.map((id) => `outbox/${id}`).sort());
    expect(stand.deliveries).toHaveLength(all.length);
    expect((await outboxRows(test.db)).map((r) => [r.status, r.attempts])).toEqual(all.map(() => ["sent", 1]));
  });

  it("sends nothing without an API key: the messages stay queued for the development mailbox", async () => {
    await queueTestMail(test.db, 2);
    expect(await sendDueMail(test.db, { client: null, from })).toMatchObject({ enabled: false, claimed: 0 });
    expect(stand.requests).toHaveLength(0);
    expect((await outboxRows(test.db)).map((r) => [r.status, r.attempts])).toEqual([
      ["queued", 0],
      ["queued", 0],
    ]);
  });

  it("runs as a worker that outlives a database that is away, and finishes the send under way when stopped", async () => {
    await queueTestMail(test.db, 3);
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
    expect((await outboxRows(test.db)).map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 1],
      ["queued", 0],
      ["queued", 0],
    ]);
    expect(stand.deliveries).toHaveLength(1);
  });
});
