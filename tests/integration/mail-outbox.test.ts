import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailOutbox } from "../../db/schema";
import type { Database } from "../../db/client";
import { queueMail } from "../../app/mail/queue.server";
import { RuleError } from "../../app/models/errors.server";
import { getOutboxMail, listOutbox, outboxPageSize, retryMail } from "../../app/models/mail-outbox.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

// The outbox as /admin/mail reads it (newest first, by status, a page at a time) and an admin's
// retry of a failed message: failed → queued only, audited with the change.
async function queueOne(db: Database, subject: string, createdAt: Date) {
  const id = await db.transaction((tx) =>
    queueMail(
      tx,
      { kind: "weekly_digest", to: { address: "reader@example.org" }, locale: "id" },
      { subject, html: `<p>${subject}</p>`, text: subject },
    ),
  );
  await db.update(mailOutbox).set({ createdAt }).where(eq(mailOutbox.id, id!));
  return id!;
}

describe.each(drivers)("the outbox for admins on %s", (driver) => {
  let test: TestDatabase;
  let adminId: number;
  const ids: number[] = [];
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    const admin = await createUser(
      test.db,
      { label: "cli" },
      { email: "outbox-admin@example.org", name: "Admin", role: "admin", password: "a long enough password" },
    );
    adminId = admin.id;
    const start = Date.UTC(2026, 10, 1);
    for (let i = 0; i < outboxPageSize + 5; i++) {
      ids.push(await queueOne(test.db, `Digest ${i}`, new Date(start + i * 60_000)));
    }
    await test.db
      .update(mailOutbox)
      .set({ status: "failed", lastError: "422 validation_error: bad" })
      .where(eq(mailOutbox.id, ids[3]!));
    await test.db.update(mailOutbox).set({ status: "sent", attempts: 1 }).where(eq(mailOutbox.id, ids[4]!));
  });
  afterAll(() => test.close());

  it("pages newest first and says whether another page follows", async () => {
    const first = await listOutbox(test.db, { page: 1 });
    expect(first.rows).toHaveLength(outboxPageSize);
    expect(first.hasNext).toBe(true);
    expect(first.rows[0]!.subject).toBe(`Digest ${outboxPageSize + 4}`);
    const second = await listOutbox(test.db, { page: 2 });
    expect(second.hasNext).toBe(false);
    expect(second.rows.map((r) => r.subject)).toEqual(["Digest 4", "Digest 3", "Digest 2", "Digest 1", "Digest 0"]);
  });

  it("filters by status in the database", async () => {
    expect((await listOutbox(test.db, { status: "failed", page: 1 })).rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await listOutbox(test.db, { status: "sent", page: 1 })).rows.map((r) => r.id)).toEqual([ids[4]]);
    expect((await listOutbox(test.db, { status: "queued", page: 1 })).rows).toHaveLength(outboxPageSize);
  });

  it("queues a failed message again, due now with its tries counted afresh, and audits it", async () => {
    const before = new Date();
    const actor = { userId: adminId };
    expect(await retryMail(test.db, actor, ids[3]!)).toMatchObject({ status: "queued", attempts: 0 });
    const row = await getOutboxMail(test.db, ids[3]!);
    expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const audit = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "mail"), eq(auditLog.entityId, String(ids[3]))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: adminId,
      action: "retry",
      before: { status: "failed", lastError: "422 validation_error: bad" },
      after: { status: "queued", attempts: 0 },
    });
  });

  it("refuses to retry a message that has not failed, and changes nothing", async () => {
    const actor = { userId: adminId };
    // The one just retried is queued now: a second click on a stale page.
    for (const id of [ids[3]!, ids[4]!]) {
      const refused = await retryMail(test.db, actor, id).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RuleError);
      expect(refused).toMatchObject({ status: 409, key: "mail.notFailed" });
    }
    expect((await getOutboxMail(test.db, ids[4]!))?.status).toBe("sent");
    const audits = await test.db.select().from(auditLog).where(eq(auditLog.entityType, "mail"));
    expect(audits).toHaveLength(1);
    expect(await retryMail(test.db, actor, 999_999)).toBeNull();
  });
});
