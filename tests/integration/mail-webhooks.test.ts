import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as t from "../../db/schema";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { queueMail, type QueuedMail } from "../../app/mail/queue.server";
import { recordResendEvent } from "../../app/models/mail-events.server";
import { removeSuppression, suppressionsOf } from "../../app/models/mail-suppressions.server";
import { ConflictError } from "../../app/models/errors.server";
import { deliveryEvent, postDelivery, signedDelivery, testWebhookSecret } from "../support/resend-webhooks";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import {
  createServerDatabase,
  createTestDatabase,
  drivers,
  type ServerDatabase,
  type TestDatabase,
} from "../support/test-database";

// Resend's delivery reports (issue 10): a permanent bounce or a complaint stops notices to the
// address, never invitations or resets; only a delivery signed with the secret counts, once.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const message = { subject: "A notice", html: "<p>A notice</p>", text: "A notice" };
const queue = (db: Database, kind: QueuedMail["kind"], address: string) =>
  db.transaction((tx) => queueMail(tx, { kind, to: { address }, locale: "en" }, message));

async function outboxRow(db: Database, id: number | null) {
  const [row] = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.id, id!));
  return row!;
}

const auditRows = (db: Database, address: string) =>
  db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityType, "mail_suppression"), eq(t.auditLog.entityId, address)));

describe.each(drivers)("suppressions from webhook events on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("keeps a notice queued to a suppressed address as suppressed, and queues an invitation", async () => {
    expect(await recordResendEvent(test.db, "msg_bounce_1", deliveryEvent("email.bounced", "Sari@Example.org"))).toBe(
      "suppressed",
    );
    const notice = await outboxRow(test.db, await queue(test.db, "weekly_digest", "sari@example.ORG"));
    expect(notice).toMatchObject({ status: "suppressed", lastError: "bounced" });
    const invitation = await outboxRow(test.db, await queue(test.db, "invitation", "sari@example.org"));
    expect(invitation).toMatchObject({ status: "queued", lastError: null });
    const reset = await outboxRow(test.db, await queue(test.db, "password_reset", "Sari@example.org"));
    expect(reset.status).toBe("queued");
  });

  it("holds back the notices already queued to the address, but not its invitation", async () => {
    const notice = await queue(test.db, "activity_reminder", "Budi@example.org");
    const invitation = await queue(test.db, "invitation", "budi@example.org");
    const other = await queue(test.db, "activity_reminder", "someone-else@example.org");
    expect(
      await recordResendEvent(test.db, "msg_complaint_1", deliveryEvent("email.complained", "budi@example.org")),
    ).toBe("suppressed");
    expect(await outboxRow(test.db, notice)).toMatchObject({ status: "suppressed", lastError: "complained" });
    expect((await outboxRow(test.db, invitation)).status).toBe("queued");
    expect((await outboxRow(test.db, other)).status).toBe("queued");
    const [audit] = await auditRows(test.db, "budi@example.org");
    expect(audit).toMatchObject({ action: "create", actorLabel: "system", actorId: null });
    expect(audit!.after).toMatchObject({ reason: "complained", noticesHeldBack: 1 });
  });

  it("changes nothing on a redelivery: no second audit row, the same date", async () => {
    const event = deliveryEvent("email.bounced", "dewi@example.org");
    expect(await recordResendEvent(test.db, "msg_redelivered", event)).toBe("suppressed");
    const [first] = await test.db
      .select()
      .from(t.mailSuppressions)
      .where(eq(t.mailSuppressions.address, "dewi@example.org"));
    expect(await recordResendEvent(test.db, "msg_redelivered", event)).toBe("duplicate");
    const [again] = await test.db
      .select()
      .from(t.mailSuppressions)
      .where(eq(t.mailSuppressions.address, "dewi@example.org"));
    expect(again).toEqual(first);
    expect(await auditRows(test.db, "dewi@example.org")).toHaveLength(1);
    const events = await test.db.select().from(t.mailEvents).where(eq(t.mailEvents.id, "msg_redelivered"));
    expect(events).toMatchObject([{ type: "email.bounced" }]);
  });

  it("ignores transient bounces and other events, and records none of them", async () => {
    const transient = deliveryEvent("email.bounced", "full-mailbox@example.org", "Transient");
    expect(await recordResendEvent(test.db, "msg_transient", transient)).toBe("ignored");
    expect(await recordResendEvent(test.db, "msg_delivered", deliveryEvent("email.delivered", "x@example.org"))).toBe(
      "ignored",
    );
    expect(
      await recordResendEvent(test.db, "msg_odd", { type: "email.bounced", data: { to: ["not an address"] } }),
    ).toBe("ignored");
    expect(await suppressionsOf(test.db, ["full-mailbox@example.org", "x@example.org"])).toEqual({});
    const [{ n }] = (await test.db
      .select({ n: sql<number>`count(*)::int` })
      .from(t.mailEvents)
      .where(sql`${t.mailEvents.id} in ('msg_transient', 'msg_delivered', 'msg_odd')`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("takes the address out of a `Name <address>` recipient", async () => {
    await recordResendEvent(test.db, "msg_named", deliveryEvent("email.bounced", "Rina Wati <Rina@Example.org>"));
    expect(await suppressionsOf(test.db, ["RINA@example.org"])).toMatchObject({
      "RINA@example.org": { address: "rina@example.org", reason: "bounced" },
    });
  });

  it("lifts a suppression with an audit row, refuses a stale lift, and finds nothing to lift twice", async () => {
    const admin = { label: "cli" } as const;
    const { "dewi@example.org": seen } = await suppressionsOf(test.db, ["dewi@example.org"]);
    await expect(
      removeSuppression(test.db, admin, {
        address: "dewi@example.org",
        since: new Date(seen!.createdAt.getTime() - 1),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      await removeSuppression(test.db, admin, { address: "Dewi@example.org", since: seen!.createdAt }),
    ).toMatchObject({
      reason: "bounced",
    });
    expect(await suppressionsOf(test.db, ["dewi@example.org"])).toEqual({});
    expect(await removeSuppression(test.db, admin, { address: "dewi@example.org", since: seen!.createdAt })).toBeNull();
    const audits = await auditRows(test.db, "dewi@example.org");
    expect(audits.map((a) => a.action)).toEqual(["create", "delete"]);
    // Notices go again once lifted.
    expect((await outboxRow(test.db, await queue(test.db, "weekly_digest", "dewi@example.org"))).status).toBe("queued");
  });
});

describe.each(drivers)("the webhook address over HTTP on %s", (driver) => {
  const work = mkdtempSync(path.join(tmpdir(), "jembatan-webhooks-"));
  let database: ServerDatabase | undefined;
  let server: RunningServer | undefined;
  const where = () => (database ? { DATABASE_URL: database.url } : { DATA_DIR: path.join(work, "db") });
  const statuses: Record<string, number> = {};
  const answers: Record<string, unknown> = {};
  const post = async (name: string, delivery: { body: string; headers: Record<string, string> }) => {
    const res = await postDelivery(server!.url, delivery);
    statuses[name] = res.status;
    answers[name] = res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text();
  };

  beforeAll(async () => {
    if (driver === "postgres") {
      database = await createServerDatabase({
        prefix: "jembatan_webhooks",
        template: inject("testTemplates").postgresTemplate,
      });
    }
    server = await startBuiltServer({ ...where(), RESEND_WEBHOOK_SECRET: testWebhookSecret });
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it("answers each delivery for what it is", async () => {
    const valid = signedDelivery(deliveryEvent("email.bounced", "valid@example.org"));
    await post("valid", valid);
    await post("redelivery", valid);
    await post(
      "wrongSecret",
      signedDelivery(deliveryEvent("email.bounced", "forged@example.org"), { secret: "whsec_b3RoZXI=" }),
    );
    const tampered = signedDelivery(deliveryEvent("email.bounced", "someone@example.org"));
    await post("tampered", { ...tampered, body: tampered.body.replace("someone@", "tampered@") });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    await post(
      "expired",
      signedDelivery(deliveryEvent("email.bounced", "expired@example.org"), { timestamp: sixMinutesAgo }),
    );
    const unsigned = signedDelivery(deliveryEvent("email.complained", "unsigned@example.org"));
    await post("unsigned", { body: unsigned.body, headers: { "Content-Type": "application/json" } });
    await post("ignored", signedDelivery(deliveryEvent("email.delivered", "delivered@example.org")));
    const huge = deliveryEvent("email.bounced", "huge@example.org");
    await post("tooLarge", signedDelivery({ ...huge, padding: "x".repeat(300 * 1024) }));
    const form = signedDelivery(deliveryEvent("email.bounced", "form@example.org"));
    await post("form", {
      body: "a=b",
      headers: { ...form.headers, "Content-Type": "application/x-www-form-urlencoded" },
    });

    expect(statuses).toEqual({
      valid: 200,
      redelivery: 200,
      wrongSecret: 401,
      tampered: 401,
      expired: 401,
      unsigned: 401,
      ignored: 200,
      tooLarge: 413,
      form: 415,
    });
    expect(answers).toMatchObject({
      valid: { outcome: "suppressed" },
      redelivery: { outcome: "duplicate" },
      ignored: { outcome: "ignored" },
      expired: "The webhook signature is missing or not valid.",
    });
    // A browser's cross-site check does not apply: the signature is the proof.
    const crossSite = signedDelivery(deliveryEvent("email.complained", "cross-site@example.org"));
    const res = await postDelivery(server!.url, {
      ...crossSite,
      headers: { ...crossSite.headers, Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(res.status).toBe(200);
  });

  it("answers a browser's GET with 405, naming POST", async () => {
    const res = await fetch(`${server!.url}/webhooks/resend`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("never logs what a delivery carried", () => {
    expect(server!.output()).not.toMatch(/valid@example\.org|forged@|expired@|The recipient's mailbox/);
  });

  it("stored the signed deliveries once, and nothing of the others", async () => {
    // PGlite is one process's database: the server lets go of it first.
    await server!.stop();
    server = undefined;
    const handle: DatabaseHandle = await openDatabase({
      url: database?.url,
      dataDir: database ? "" : where().DATA_DIR!,
      maxConnections: 1,
    });
    try {
      const stored = await handle.db.select().from(t.mailSuppressions).orderBy(t.mailSuppressions.address);
      expect(stored.map((s) => [s.address, s.reason])).toEqual([
        ["cross-site@example.org", "complained"],
        ["valid@example.org", "bounced"],
      ]);
      expect(await auditRows(handle.db, "valid@example.org")).toHaveLength(1);
      expect(await handle.db.select({ type: t.mailEvents.type }).from(t.mailEvents)).toHaveLength(2);
    } finally {
      await handle.close();
    }
  });
});

describe("the webhook address without a secret", () => {
  const work = mkdtempSync(path.join(tmpdir(), "jembatan-webhooks-unset-"));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(work, "db"), RESEND_WEBHOOK_SECRET: undefined });
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  it("answers 503, which Resend retries until the secret is set, in the sender's language", async () => {
    const delivery = signedDelivery(deliveryEvent("email.bounced", "early@example.org"));
    const res = await postDelivery(server.url, {
      ...delivery,
      headers: { ...delivery.headers, "Accept-Language": "id" },
    });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("Webhook belum dikonfigurasi di server ini.");
  });
});
