// Addresses notices no longer go to, because mail to them bounced or was reported as spam; an admin may lift one.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { mailOutbox, mailSuppressions } from "../../db/schema";
import type { Database } from "../../db/client";
import { transactional } from "../mail/queue.server";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError } from "./errors.server";

export type SuppressionReason = "bounced" | "complained";
export type Suppression = typeof mailSuppressions.$inferSelect;

/** Addresses are kept lower-cased: the part before @ may in theory differ by case, but no provider does so. */
export const lowerAddress = (address: string) => address.trim().toLowerCase();

/**
 * Stops notices to `address`, in the caller's transaction: records why, and holds back the notices
 * already queued to it (their row keeps the reason). Invitations and password mail still go, as
 * `queueMail` never holds them back. A second report changes the reason, not the date it started.
 */
export async function addSuppression(tx: Database, actor: Actor, address: string, reason: SuppressionReason) {
  const key = lowerAddress(address);
  const [before] = await tx.select().from(mailSuppressions).where(eq(mailSuppressions.address, key));
  const [after] = await tx
    .insert(mailSuppressions)
    .values({ address: key, reason })
    .onConflictDoUpdate({ target: mailSuppressions.address, set: { reason } })
    .returning();
  const heldBack = await tx
    .update(mailOutbox)
    .set({ status: "suppressed", lastError: reason })
    .where(
      and(
        eq(mailOutbox.status, "queued"),
        sql`lower(${mailOutbox.toAddress}) = ${key}`,
        notInArray(mailOutbox.kind, [...transactional]),
      ),
    )
    .returning({ id: mailOutbox.id });
  if (before?.reason === reason && !heldBack.length) return after!;
  await recordAudit(tx, {
    actor,
    action: before ? "update" : "create",
    entityType: "mail_suppression",
    entityId: key,
    before: before ?? null,
    after: { ...after!, noticesHeldBack: heldBack.length },
  });
  return after!;
}

/** The suppressions among `addresses` (a page of users, say), by the address as given. */
export async function suppressionsOf(db: Database, addresses: string[]): Promise<Record<string, Suppression>> {
  const keys = [...new Set(addresses.map(lowerAddress))];
  if (!keys.length) return {};
  const rows = await db.select().from(mailSuppressions).where(inArray(mailSuppressions.address, keys));
  const byKey = new Map(rows.map((row) => [row.address, row]));
  return Object.fromEntries(
    addresses.flatMap((a) => (byKey.has(lowerAddress(a)) ? [[a, byKey.get(lowerAddress(a))!]] : [])),
  );
}

/**
 * Lets notices go to `address` again (notices held back meanwhile stay unsent: they are stale).
 * `since` is when the suppression the admin saw started: if the address was lifted and reported
 * again meanwhile, the admin has not seen the new report, and the lift is refused as stale.
 * Null when there is nothing to lift any more.
 */
export async function removeSuppression(db: Database, actor: Actor, input: { address: string; since: Date }) {
  const key = lowerAddress(input.address);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(mailSuppressions).where(eq(mailSuppressions.address, key)).for("update");
    if (!current) return null;
    if (current.createdAt.getTime() !== input.since.getTime()) throw new ConflictError(current);
    await tx.delete(mailSuppressions).where(eq(mailSuppressions.address, key));
    await recordAudit(tx, { actor, action: "delete", entityType: "mail_suppression", entityId: key, before: current });
    return current;
  });
}
