import { sql } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Database } from "../../db/client";

/** Who made a change: a signed-in user, or a named process (the seed, the command line). */
export type Actor = { userId: number } | { label: "seed" | "cli" | "system" };

interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** The signed-in user behind a change; null for a named process. */
export function actorUserId(actor: Actor): number | null {
  return "userId" in actor ? actor.userId : null;
}

/** Call inside the transaction that makes the change, so the change and its record stand or fall together. */
export async function recordAudit(tx: Database, input: AuditInput) {
  await tx.insert(auditLog).values({
    actorId: actorUserId(input.actor),
    actorLabel: "label" in input.actor ? input.actor.label : null,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

const recentWindow = 1000;

/** The newest audit row's id. */
export const latestAuditId = sql<string>`(select coalesce(max(${auditLog.id}), 0) from ${auditLog})`;

/**
 * How many of the last thousand audit ids exist. Ids are handed out when rows are written, not
 * when their transactions commit, so a change that commits after a later one leaves the newest id
 * as it was; it does add a row among the recent ones. Together with `latestAuditId` this tells
 * whether anything was changed since a reading was taken.
 */
export const recentAuditCount = sql<string>`(select count(*) from ${auditLog} where ${auditLog.id} > ${latestAuditId} - ${recentWindow})`;

/** Where the audit log stands: equal positions mean no change committed in between. */
export interface AuditPosition {
  auditId: number;
  auditRecent: number;
}

export async function auditPosition(db: Database): Promise<AuditPosition> {
  const [row] = await db.select({ id: latestAuditId, recent: recentAuditCount }).from(sql`(select 1) as one`);
  return { auditId: Number(row?.id ?? 0), auditRecent: Number(row?.recent ?? 0) };
}
