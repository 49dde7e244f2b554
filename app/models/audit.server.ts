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
