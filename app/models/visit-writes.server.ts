// Creating and changing visits: one transaction each, the activity through the activity model's
// own writes, the `visits` row beside it, each with its audit row; changes are version-checked.
import { eq } from "drizzle-orm";
import { activities, organizations, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { canonicalTimeZone } from "../lib/format";
import { recordAudit, type Actor } from "./audit.server";
import { getActivityForEdit } from "./activity-queries.server";
import { createActivity, updateActivity } from "./activity-writes.server";
import { ConflictError, RecordError, RuleError } from "./errors.server";
import {
  visitAsFields,
  visitAuditView,
  visitOutcomes,
  visitValues,
  type NewVisitInput,
  type VisitChange,
  type VisitFields,
  type VisitRow,
} from "./visit.server";

/** The zone's canonical name, or a field error; a host that exists (or none). */
async function checkVisit<T extends Pick<VisitFields, "timeZone" | "hostOrganizationId">>(tx: Database, input: T) {
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw new RuleError("timeZone", "visits.unknownTimeZone");
  if (input.hostOrganizationId != null) {
    const [found] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.hostOrganizationId));
    if (!found) throw new RecordError({ hostOrganizationId: { key: "validation.unknownChoice" } });
  }
  return { ...input, timeZone };
}

/** A visit is done only once its report is written. */
export function checkStage(stage: VisitFields["stage"], reportWrittenAt: Date | null) {
  if (stage === "done" && !reportWrittenAt) throw new RuleError("stage", "visits.doneNeedsReport");
}

/** What a stale save of a visit reports as saved now: the visit, its activity and both versions. */
export async function visitSnapshot(tx: Database, row: VisitRow) {
  const activity = await getActivityForEdit(tx, row.activityId);
  return {
    visit: visitAsFields(row),
    outcomes: visitOutcomes(row),
    activity: activity!.input,
    version: row.version,
    activityVersion: activity!.version,
  };
}

export type VisitSnapshot = Awaited<ReturnType<typeof visitSnapshot>>;

/**
 * The visit row, locked until the transaction ends; null if absent. A stale `version` (or, when
 * given, a stale `activityVersion` of its activity) → ConflictError with a VisitSnapshot.
 */
export async function lockVisit(
  tx: Database,
  id: number,
  version?: number,
  activityVersion?: number,
): Promise<VisitRow | null> {
  const [row] = await tx.select().from(visits).where(eq(visits.activityId, id)).for("update");
  if (!row) return null;
  if (version !== undefined && row.version !== version) throw new ConflictError(await visitSnapshot(tx, row));
  if (activityVersion !== undefined) {
    const [activity] = await tx
      .select({ version: activities.version })
      .from(activities)
      .where(eq(activities.id, id))
      .for("update");
    if (activity?.version !== activityVersion) throw new ConflictError(await visitSnapshot(tx, row));
  }
  return row;
}

/** Writes `values` over the visit locked at `before`, as its next version, with its audit row. */
export async function saveVisitVersion(
  tx: Database,
  actor: Actor,
  before: VisitRow,
  values: Partial<typeof visits.$inferInsert>,
  action = "update",
) {
  const [after] = await tx
    .update(visits)
    .set({ ...values, version: before.version + 1, updatedAt: new Date() })
    .where(eq(visits.activityId, before.activityId))
    .returning();
  await recordAudit(tx, {
    actor,
    action,
    entityType: "visit",
    entityId: before.activityId,
    before: visitAuditView(before),
    after: visitAuditView(after!),
  });
  return after!;
}

/** Creates the activity (of type visit) and its visit in one transaction; returns the visit row. */
export async function createVisit(db: Database, actor: Actor, input: NewVisitInput) {
  return db.transaction(async (tx) => {
    const checked = await checkVisit(tx, input);
    checkStage(checked.stage ?? "planning", null);
    const activity = await createActivity(tx, actor, { ...activityPart(checked), type: "visit" });
    const [row] = await tx
      .insert(visits)
      .values({ activityId: activity.id, ...visitValues(checked) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: "visit",
      entityId: activity.id,
      after: visitAuditView(row!),
    });
    return { activity, visit: row! };
  });
}

/**
 * Saves the visit's fields if nobody saved the visit since `version` (and, when the change carries
 * activity fields, the activity since `change.activity.version`); otherwise ConflictError and
 * nothing changes. Null when the visit does not exist.
 */
export async function updateVisit(db: Database, actor: Actor, id: number, version: number, change: VisitChange) {
  return db.transaction(async (tx) => {
    const before = await lockVisit(tx, id, version, change.activity?.version);
    if (!before) return null;
    const checked = await checkVisit(tx, change);
    checkStage(checked.stage, before.reportWrittenAt);
    if (change.activity) await changeActivity(tx, actor, id, change.activity);
    const { activity: _activity, ...own } = checked;
    return saveVisitVersion(tx, actor, before, visitValues(own));
  });
}

/** Writes the activity's fields a visit form carries over the rest of it, through the activity model. */
export async function changeActivity(
  tx: Database,
  actor: Actor,
  id: number,
  change: NonNullable<VisitChange["activity"]>,
) {
  const { version, ...fields } = change;
  const current = await getActivityForEdit(tx, id);
  if (!current) return null;
  return updateActivity(tx, actor, { ...current.input, ...fields, type: "visit", id, version });
}

function activityPart(input: NewVisitInput) {
  const {
    direction: _d,
    hostOrganizationId: _h,
    cities: _c,
    timeZone: _z,
    objectives: _o,
    stage: _s,
    talkingPoints: _t,
    background: _b,
    ...activity
  } = input;
  return activity;
}
