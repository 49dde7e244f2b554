import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { Database } from "../../db/client";
import type { FormValues, TypedValues } from "../lib/forms";

/**
 * What a conflicting edit needs to show: the record as it was at the version the editor started
 * from (the audit log keeps every state a versioned change left behind), and who changed it since.
 */
export async function changesSince(db: Database, entityType: string, entityId: number, version: number) {
  const rows = await db
    .select({ before: auditLog.before, at: auditLog.at, by: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, String(entityId)),
        sql`(${auditLog.before}->>'version')::int >= ${version}`,
      ),
    )
    .orderBy(asc(auditLog.id));
  const first = rows[0]?.before as { version?: number } | undefined;
  return {
    base: first?.version === version ? (first as Record<string, unknown>) : null,
    changes: rows.map((r) => ({ by: r.by, at: r.at })),
  };
}

function comparable(value: string | string[] | undefined) {
  if (Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify((value ?? "").trim());
}

/**
 * The conflict view's data: the saved values, and which fields someone else changed since the
 * editor's version (from the audit log), or, where that history is missing, which differ from
 * what the editor typed.
 */
export async function describeConflict(
  db: Database,
  input: {
    entityType: string;
    entityId: number;
    version: number;
    current: TypedValues;
    yours: FormValues;
    fields: string[];
    toValues: (row: never) => TypedValues;
  },
) {
  const { base, changes } = await changesSince(db, input.entityType, input.entityId, input.version);
  const from: FormValues = base ? input.toValues(base as never) : input.yours;
  return {
    /** The fields someone else changed since the editor's version (or, without history, that differ). */
    changed: input.fields.filter((f) => comparable(from[f]) !== comparable(input.current[f])),
    current: input.current,
    changes: changes.map((c) => ({ by: c.by, at: c.at.toISOString() })),
  };
}

export type ConflictInfo = Awaited<ReturnType<typeof describeConflict>>;
