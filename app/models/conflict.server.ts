import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { Database } from "../../db/client";
import type { ConflictView, FormValues } from "../forms/result";

/**
 * What a conflicting edit needs to show: the record as it was at the version the editor started
 * from (the audit log keeps every state a versioned change left behind), and who changed it since.
 */
export async function changesSince(db: Database, entityType: string, entityId: number, version: number) {
  const rows = await db
    .select({ before: auditLog.before, at: auditLog.at, by: users.name, label: auditLog.actorLabel })
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
    changes: rows.map((r) => ({ by: r.by, label: r.label, at: r.at })),
  };
}

function comparable(value: string | string[] | undefined) {
  if (Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify((value ?? "").trim());
}

/**
 * The conflict view's data: both versions as form values, who saved last, and which fields someone
 * else changed since the editor's version (from the audit log, where `baseValues` can read the
 * state it kept). Where that history is missing none is named: a field the editor changed would
 * otherwise be shown as changed by someone else.
 */
export async function describeConflict(
  db: Database,
  input: {
    entityType: string;
    entityId: number;
    /** The version the editor started from. */
    version: number;
    /** The record as saved now, as form values, and its version. */
    theirs: FormValues;
    currentVersion: number;
    /** What the editor submitted, as form values. */
    yours: FormValues;
    fields: string[];
    /** The form's values of a state the audit log kept; without it, no field is named as changed. */
    baseValues?: (row: never) => FormValues;
    /**
     * The form's values at the editor's version where the caller puts them together (a record
     * audited as two, as a visit and its activity are); null when that history is missing.
     */
    base?: FormValues | null;
  },
): Promise<ConflictView> {
  const { base, changes } = await changesSince(db, input.entityType, input.entityId, input.version);
  const from =
    input.base !== undefined ? input.base : base && input.baseValues ? input.baseValues(base as never) : null;
  const last = changes.at(-1);
  return {
    yours: input.yours,
    theirs: input.theirs,
    version: input.currentVersion,
    savedBy: last ? { name: last.by, label: last.label, at: last.at.toISOString() } : null,
    changed: from ? input.fields.filter((f) => comparable(from[f]) !== comparable(input.theirs[f])) : [],
  };
}

/**
 * A save's conflict answer for a record whose saved row and audited states map to form values the
 * same way (agreements, commitments): what the editor typed against the row saved now, with the
 * fields someone else changed since the editor's version.
 */
export function conflictWith<Row extends { version: number }>(
  db: Database,
  record: { entityType: string; entityId: number; fields: string[]; toValues: (row: Row) => FormValues },
) {
  return (value: { version: number }, current: unknown, typed: FormValues) =>
    describeConflict(db, {
      entityType: record.entityType,
      entityId: record.entityId,
      version: value.version,
      yours: typed,
      theirs: record.toValues(current as Row),
      currentVersion: (current as Row).version,
      fields: record.fields,
      baseValues: record.toValues as (row: never) => FormValues,
    });
}
