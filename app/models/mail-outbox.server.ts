// The outbox as admins see it at /admin/mail (the development mailbox without RESEND_API_KEY), and
// what they may do to it: send a failed message again.
import { and, count, desc, eq } from "drizzle-orm";
import { mailOutbox } from "../../db/schema";
import type { Database } from "../../db/client";
import type { MailStatus } from "../lib/enums";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";

export const outboxPageSize = 25;

export interface OutboxQuery {
  status?: MailStatus;
  page: number;
}

/**
 * A page of the outbox, newest first, optionally of one status (by the index on status and
 * creation time; unfiltered, by the one on creation time). One row more than a page is read to
 * know whether another page follows, instead of counting the whole outbox.
 */
export async function listOutbox(db: Database, query: OutboxQuery) {
  const rows = await db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(query.status ? eq(mailOutbox.status, query.status) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(outboxPageSize + 1)
    .offset((query.page - 1) * outboxPageSize);
  return { rows: rows.slice(0, outboxPageSize), hasNext: rows.length > outboxPageSize };
}

/** One message, whole (its HTML and text as queued), or undefined. */
export async function getOutboxMail(db: Database, id: number) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** How many messages wait to be sent (by the index on status). */
export async function countQueuedMail(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, "queued"));
  return Number(row?.n ?? 0);
}

/**
 * Queues a failed message again, due at once with its tries counted afresh: only failed → queued,
 * so a retry posted twice (or for a message sent meanwhile) changes nothing and says so. Audited
 * in the same transaction. Returns the row, or null when there is no such message.
 */
export async function retryMail(db: Database, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: mailOutbox.status, attempts: mailOutbox.attempts, lastError: mailOutbox.lastError })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, id))
      .for("update");
    if (!before) return null;
    const [after] = await tx
      .update(mailOutbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, lastError: null })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "failed")))
      .returning({ id: mailOutbox.id, status: mailOutbox.status, attempts: mailOutbox.attempts });
    if (!after) throw new RuleError("form", "mail.notFailed", undefined, 409);
    await recordAudit(tx, { actor, action: "retry", entityType: "mail", entityId: id, before, after });
    return after;
  });
}
