// A case's history as its staff page shows it: who changed what and each review step, from the audit log.
import { and, desc, eq } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { changedFields } from "./activity-history.server";

// Bookkeeping, not something anyone changed.
const hidden = new Set(["status", "editedBy", "submittedAt", "publishedAt", "awardKeys"]);

/** The case's audit trail, newest first, with each actor's name from one join. */
export async function caseHistory(db: Database, id: number, limit = 100) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, "case"), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ before, after, ...r }) => ({
    ...r,
    fields: r.action === "update" ? changedFields(before, after).filter((f) => !hidden.has(f)) : [],
  }));
}
