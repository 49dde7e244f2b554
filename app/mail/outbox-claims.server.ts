import { and, eq, inArray, isNull, lte, or, sql, lt } from "drizzle-orm";
import { mailOutbox, type MailOutboxRow } from "../../db/schema";
import type { Database } from "../../db/client";

/** A row a sender holds: `attempts` (counted at the claim) tells this claim from a later one. */
export type ClaimedMail = Pick<
  MailOutboxRow,
  "id" | "kind" | "toAddress" | "toName" | "subject" | "html" | "text" | "headers" | "attempts"
>;

/**
 * Claims up to `batch` due rows: queued ones whose time has come, and `sending` ones whose sender's
 * lease ran out (it died mid-send, or lost the database). One statement, so the claim is its own
 * short transaction; FOR UPDATE SKIP LOCKED lets senders on other app servers claim other rows at
 * the same moment instead of waiting on these. Each claim counts as a try. The due rows are chosen
 * once, in a CTE (PostgreSQL runs a CTE that locks rows once): as `id in (subquery)` the planner
 * made the locking subquery the inner side of a nested loop, run again for every row, and two
 * senders racing each skipped a row the other had locked in one of those runs, so a row was left
 * to the next pass.
 */
export async function claimDueMail(
  db: Database,
  { now, batch, leaseMs }: { now: Date; batch: number; leaseMs: number },
): Promise<ClaimedMail[]> {
  const due = db.$with("due").as(
    db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          // The partial index mail_outbox_due_idx covers exactly these rows, by next_attempt_at.
          inArray(mailOutbox.status, ["queued", "sending"]),
          lte(mailOutbox.nextAttemptAt, now),
          or(eq(mailOutbox.status, "queued"), isNull(mailOutbox.leaseUntil), lt(mailOutbox.leaseUntil, now)),
        ),
      )
      .orderBy(mailOutbox.nextAttemptAt, mailOutbox.id)
      .limit(batch)
      .for("update", { skipLocked: true }),
  );
  const claimed = await db
    .with(due)
    .update(mailOutbox)
    .set({
      status: "sending",
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${mailOutbox.attempts} + 1`,
    })
    .from(due)
    .where(eq(mailOutbox.id, due.id))
    .returning({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      toName: mailOutbox.toName,
      subject: mailOutbox.subject,
      html: mailOutbox.html,
      text: mailOutbox.text,
      headers: mailOutbox.headers,
      attempts: mailOutbox.attempts,
    });
  return claimed.sort((a, b) => a.id - b.id);
}

/**
 * Only while this claim still holds the row: a sender that outlived its lease finds the row
 * reclaimed by another (a higher `attempts`) and must leave it to that one.
 */
const held = (mail: Pick<ClaimedMail, "id" | "attempts">) =>
  and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, "sending"), eq(mailOutbox.attempts, mail.attempts));

/** The provider took the message. Returns whether this claim still held the row. */
export async function markSent(db: Database, mail: ClaimedMail, providerMessageId: string, now: Date) {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "sent", providerMessageId, sentAt: now, leaseUntil: null, lastError: null })
    .where(held(mail))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** A transient failure: back to the queue, due again at `nextAttemptAt`. */
export async function markRetry(db: Database, mail: ClaimedMail, reason: string, nextAttemptAt: Date) {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "queued", nextAttemptAt, leaseUntil: null, lastError: reason })
    .where(held(mail))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** A permanent failure, or too many tries: kept with the reason until an admin retries it. */
export async function markFailed(db: Database, mail: ClaimedMail, reason: string) {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "failed", leaseUntil: null, lastError: reason })
    .where(held(mail))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/**
 * Hands back rows claimed but not tried (the sender is stopping): queued again at once, their
 * claim not counted as a try.
 */
export async function releaseClaims(db: Database, mails: ClaimedMail[]) {
  if (!mails.length) return;
  await db
    .update(mailOutbox)
    .set({ status: "queued", leaseUntil: null, attempts: sql`${mailOutbox.attempts} - 1` })
    .where(or(...mails.map((mail) => held(mail))));
}
