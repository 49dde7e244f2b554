import { asc } from "drizzle-orm";
import type { Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { queueMail } from "../../app/mail/queue.server";

// Outbox rows for the mail tests, queued through queueMail as the app queues them.

/** Queues `count` messages as the app does, one transaction each; returns their ids in order. */
export async function queueTestMail(db: Database, count: number, prefix = "Message") {
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

export const outboxRows = (db: Database) => db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
/** A clock at `date` plus `plusMs`, for the sender's `now`. */
export const at = (date: Date, plusMs: number) => () => new Date(date.getTime() + plusMs);
