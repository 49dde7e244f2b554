// The weekly digest's content: what changed in what each reader follows during their week, from the
// audit log, and the titles of the changed records.
import { and, eq, gte, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activities, agreements, auditLog, commitments, follows, users } from "../../db/schema";
import type { Database } from "../../db/client";
import type { FollowSubject } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import type { DueDigest } from "./digest-due.server";

export interface ChangedRecord {
  type: FollowSubject;
  id: number;
  /** The title the audit log last recorded, for a record deleted since. */
  auditTitle: LocalizedText | null;
  changes: { auditId: number; action: string; at: Date; who: string | null; byProcess: boolean }[];
}

/**
 * What changed for each due user, by changed record, newest change first: changes to what they
 * follow and, for a followed agreement, to its commitments. Their own changes are left out (they
 * know them). Two queries for all users; each user's own week is applied here.
 */
export async function digestChanges(db: Database, due: DueDigest[]): Promise<Map<number, ChangedRecord[]>> {
  const result = new Map<number, ChangedRecord[]>();
  if (!due.length) return result;
  const from = new Date(Math.min(...due.map((d) => d.from.getTime())));
  const to = new Date(Math.max(...due.map((d) => d.to.getTime())));
  const actor = alias(users, "actor");
  const columns = {
    userId: follows.userId,
    auditId: auditLog.id,
    at: auditLog.at,
    action: auditLog.action,
    entityType: auditLog.entityType,
    entityId: auditLog.entityId,
    actorLabel: auditLog.actorLabel,
    actorName: actor.name,
    // A deleted record has no row to take its title from; its audit row keeps it.
    auditTitle: sql<LocalizedText | null>`coalesce(${auditLog.after}->'title', ${auditLog.before}->'title')`,
  };
  const inWeek = and(
    inArray(
      follows.userId,
      due.map((d) => d.userId),
    ),
    gte(auditLog.at, from),
    lt(auditLog.at, to),
    or(isNull(auditLog.actorId), ne(auditLog.actorId, follows.userId)),
  );
  const [direct, viaAgreement] = await Promise.all([
    db
      .select(columns)
      .from(follows)
      .innerJoin(
        auditLog,
        and(
          eq(auditLog.entityType, sql`${follows.subjectType}::text`),
          eq(auditLog.entityId, sql`${follows.subjectId}::text`),
        ),
      )
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .where(inWeek),
    db
      .select(columns)
      .from(follows)
      .innerJoin(commitments, eq(commitments.agreementId, follows.subjectId))
      .innerJoin(
        auditLog,
        and(eq(auditLog.entityType, "commitment"), eq(auditLog.entityId, sql`${commitments.id}::text`)),
      )
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .where(and(eq(follows.subjectType, "agreement"), inWeek)),
  ]);
  const windows = new Map(due.map((d) => [d.userId, d]));
  const seen = new Set<string>();
  const byUser = new Map<number, Map<string, ChangedRecord>>();
  for (const row of [...direct, ...viaAgreement].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || b.auditId - a.auditId,
  )) {
    const window = windows.get(row.userId)!;
    // A commitment followed both itself and through its agreement is one change, listed once.
    const key = `${row.userId}:${row.auditId}`;
    if (row.at < window.from || row.at >= window.to || seen.has(key)) continue;
    seen.add(key);
    const records = byUser.get(row.userId) ?? new Map<string, ChangedRecord>();
    byUser.set(row.userId, records);
    const recordKey = `${row.entityType}:${row.entityId}`;
    let record = records.get(recordKey);
    if (!record) {
      record = {
        type: row.entityType as FollowSubject,
        id: Number(row.entityId),
        auditTitle: row.auditTitle,
        changes: [],
      };
      records.set(recordKey, record);
    }
    record.changes.push({
      auditId: row.auditId,
      action: row.action,
      at: row.at,
      who: row.actorName,
      byProcess: !!row.actorLabel,
    });
  }
  for (const [userId, records] of byUser) result.set(userId, [...records.values()]);
  return result;
}

/** The titles of the changed records (a commitment's is its text): three queries however many. */
export async function recordTitles(db: Database, records: ChangedRecord[]) {
  const ids = (type: FollowSubject) => [...new Set(records.filter((r) => r.type === type).map((r) => r.id))];
  const query = (table: typeof activities | typeof agreements, list: number[]) =>
    list.length ? db.select({ id: table.id, title: table.title }).from(table).where(inArray(table.id, list)) : [];
  const commitmentIds = ids("commitment");
  const [activityRows, agreementRows, commitmentRows] = await Promise.all([
    query(activities, ids("activity")),
    query(agreements, ids("agreement")),
    commitmentIds.length
      ? db
          .select({ id: commitments.id, title: commitments.text })
          .from(commitments)
          .where(inArray(commitments.id, commitmentIds))
      : [],
  ]);
  const titles = new Map<string, LocalizedText>();
  for (const [type, rows] of [
    ["activity", activityRows],
    ["agreement", agreementRows],
    ["commitment", commitmentRows],
  ] as const) {
    for (const row of rows) titles.set(`${type}:${row.id}`, row.title);
  }
  return titles;
}
