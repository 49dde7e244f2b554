import { and, desc, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Database } from "../db.server";

/** Who made a change: a signed-in user, or a named process (the seed, the command line). */
export type Actor = { userId: number } | { label: "seed" | "cli" | "system" };

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Call inside the transaction that makes the change, so the change and its record stand or fall together. */
export async function recordAudit(tx: Database, input: AuditInput) {
  await tx.insert(auditLog).values({
    actorId: "userId" in input.actor ? input.actor.userId : null,
    actorLabel: "label" in input.actor ? input.actor.label : null,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

export function listAuditFor(db: Database, entityType: string, entityId: string | number, limit = 50) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
