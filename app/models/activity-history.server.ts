// An activity's history as its page shows it: who changed what, from the audit log.
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { Database } from "../../db/client";

// Databases seeded before decision 11 hold link-table changes under their own entity types, with
// the activity's id; the seed now writes links in the activity's own row, as the app does.
const linkFields: Record<string, string> = {
  activity_commitments: "commitmentIds",
  activity_organizers: "organizerIds",
  activity_participants: "participantIds",
  activity_citations: "sources",
};
const historyTypes = ["activity", ...Object.keys(linkFields)];

// Bookkeeping, not something anyone changed; the lessons' JSON and text are one field to a reader.
const hiddenFields = new Set(["version", "slug", "createdAt", "updatedAt", "lessonsHtml", "sourceIds"]);
const fieldAliases: Record<string, string> = { lessonsJson: "lessons", lessonsText: "lessons" };

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The fields an audit row changed, in a stable order, named as the form names them. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = new Set<string>();
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (hiddenFields.has(key)) continue;
    if (canonical(b[key]) !== canonical(a[key])) fields.add(fieldAliases[key] ?? key);
  }
  return [...fields];
}

interface HistoryEntry {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  actorLabel: string | null;
  fields: string[];
}

/** The activity's audit trail, newest first, with each actor's name from one join. */
export async function activityHistory(db: Database, id: number, limit = 100): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(inArray(auditLog.entityType, historyTypes), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => {
    const link = linkFields[r.entityType];
    let fields: string[];
    if (link) fields = [link];
    else if (r.action === "update") fields = changedFields(r.before, r.after);
    else fields = [];
    return {
      id: r.id,
      at: r.at,
      // A link-table change is, to the reader, a change of the activity.
      action: link ? "update" : r.action,
      actorName: r.actorName,
      actorLabel: r.actorLabel,
      fields,
    };
  });
}
