// The demo's example scenario in the database: written with `--demo` (seedExamples), re-dated at the
// demo's start when it has grown old (refreshExamples), removed by `db:seed -- --remove-examples`
// (removeExamples). Every write is the seed's, with its audit row; the removal's audit rows stay.
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit } from "../models/audit.server";
import { errorSummary, logger } from "../server/logger.server";
import { deleteActivity } from "../models/activity-writes.server";
import { daysBetween } from "../models/dashboard-clock.server";
import { exampleContext } from "./examples-context.server";
import { exampleScenario } from "./examples-scenario";
import { shiftExamples } from "./examples-shift.server";
import { writeExamples } from "./examples-write.server";
import { seedActor } from "./seed-run.server";

/** The date the examples are dated from; absent when there are none (never seeded, or removed). */
export const examplesDatedKey = "examples_dated_on";
/** Older than this, the examples are re-dated: their "next 30 days" would start to empty. */
export const examplesStaleDays = 3;

export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

async function anchor(tx: Database, lock = false) {
  const query = tx.select().from(t.appSettings).where(eq(t.appSettings.key, examplesDatedKey));
  const [row] = lock ? await query.for("update") : await query;
  return row?.value ?? null;
}

async function setAnchor(tx: Database, before: string | null, value: string | null) {
  if (value === null) await tx.delete(t.appSettings).where(eq(t.appSettings.key, examplesDatedKey));
  else
    await tx
      .insert(t.appSettings)
      .values({ key: examplesDatedKey, value })
      .onConflictDoUpdate({ target: t.appSettings.key, set: { value } });
  await recordAudit(tx, {
    actor: seedActor,
    action: value === null ? "delete" : before === null ? "create" : "update",
    entityType: "setting",
    entityId: examplesDatedKey,
    before: before === null ? undefined : { value: before },
    after: value === null ? undefined : { value },
  });
}

/** Deletes `rows` of `table` (by id), each with a delete audit row keeping what it held. */
async function deleteAudited(
  tx: Database,
  [table, id]: [PgTable, AnyPgColumn],
  entityType: string,
  rows: { id: number }[],
) {
  if (!rows.length) return 0;
  await tx.delete(table).where(
    inArray(
      id,
      rows.map((r) => r.id),
    ),
  );
  for (const row of rows)
    await recordAudit(tx, { actor: seedActor, action: "delete", entityType, entityId: row.id, before: row });
  return rows.length;
}

/**
 * Removes every example record and what hangs on it (a visit's delegation, itinerary and
 * follow-ups; a commitment's evidence and assessments), and unhooks records staff made from them:
 * an activity under the example plan loses that agreement, a made-up person leaves the lists they
 * were put on. Returns how many records went.
 */
async function deleteExamples(tx: Database) {
  let removed = await deleteAudited(
    tx,
    [t.followUps, t.followUps.id],
    "follow_up",
    await tx.select().from(t.followUps).where(eq(t.followUps.example, true)),
  );
  const activities = await tx
    .select({ id: t.activities.id, version: t.activities.version })
    .from(t.activities)
    .where(eq(t.activities.example, true));
  for (const a of activities) if (await deleteActivity(tx, seedActor, a)) removed++;

  const plans = await tx.select().from(t.agreements).where(eq(t.agreements.example, true));
  const planIds = plans.map((p) => p.id);
  if (planIds.length) {
    const theirs = await tx
      .select({ id: t.activities.id, agreementId: t.activities.agreementId })
      .from(t.activities)
      .where(inArray(t.activities.agreementId, planIds));
    if (theirs.length) {
      await tx
        .update(t.activities)
        .set({ agreementId: null })
        .where(
          inArray(
            t.activities.id,
            theirs.map((a) => a.id),
          ),
        );
      for (const a of theirs)
        await recordAudit(tx, {
          actor: seedActor,
          action: "update",
          entityType: "activity",
          entityId: a.id,
          before: { agreementId: a.agreementId },
          after: { agreementId: null },
        });
    }
    await tx.update(t.agreements).set({ parentId: null }).where(inArray(t.agreements.parentId, planIds));
  }
  const commitments = await tx
    .select()
    .from(t.commitments)
    .where(planIds.length ? inArray(t.commitments.agreementId, planIds) : eq(t.commitments.example, true));
  const strayCommitments = planIds.length
    ? await tx
        .select()
        .from(t.commitments)
        .where(and(eq(t.commitments.example, true), notInArray(t.commitments.agreementId, planIds)))
    : [];
  removed += await deleteAudited(tx, [t.commitments, t.commitments.id], "commitment", [
    ...commitments,
    ...strayCommitments,
  ]);
  removed += await deleteAudited(tx, [t.agreements, t.agreements.id], "agreement", plans);

  const people = await tx.select().from(t.people).where(eq(t.people.example, true));
  const personIds = people.map((p) => p.id);
  if (personIds.length) {
    await tx.delete(t.activityParticipants).where(inArray(t.activityParticipants.personId, personIds));
    await tx.delete(t.visitMembers).where(inArray(t.visitMembers.personId, personIds));
    await tx.delete(t.commitmentFocalPoints).where(inArray(t.commitmentFocalPoints.personId, personIds));
    await tx.delete(t.agreementSignatories).where(inArray(t.agreementSignatories.personId, personIds));
  }
  removed += await deleteAudited(tx, [t.people, t.people.id], "person", people);
  return removed;
}

/** `db:seed -- --remove-examples`: every example record goes, in one transaction; the demo will not bring them back. */
export async function removeExamples(db: Database) {
  return db.transaction(async (tx) => {
    const before = await anchor(tx, true);
    const removed = await deleteExamples(tx);
    if (before !== null) await setAnchor(tx, before, null);
    return removed;
  });
}

/**
 * The scenario dated from `today`: written afresh the first time (0 when there is no partnership to
 * hang it on); after that, the examples there are moved in place by the days since they were dated
 * (examples-shift.server.ts), so what staff changed in them, and the ones they removed, stay so.
 */
async function redate(tx: Database, today: string, before: string | null) {
  if (before !== null) {
    const moved = await shiftExamples(tx, daysBetween(before, today));
    await setAnchor(tx, before, today);
    return { moved, created: 0 };
  }
  const context = await exampleContext(tx, today);
  if (!context) return { moved: 0, created: 0 };
  const created = await writeExamples(tx, exampleScenario(today), context);
  await setAnchor(tx, before, today);
  return { moved: 0, created };
}

const stale = (dated: string, today: string) => Math.abs(daysBetween(dated, today)) > examplesStaleDays;

/** The seed with `--demo`: the examples, written if absent, re-dated if old; inside the seed's transaction. */
export async function seedExamples(tx: Database, today: string) {
  const dated = await anchor(tx, true);
  if (dated !== null && !stale(dated, today)) return { moved: 0, created: 0 };
  return redate(tx, today, dated);
}

/**
 * At the demo's start (and daily while it runs): examples older than a few days are dated afresh
 * from `today`, in one transaction. Examples someone removed stay removed.
 */
export async function refreshExamples(db: Database, today = utcToday()) {
  return db.transaction(async (tx) => {
    const dated = await anchor(tx, true);
    if (dated === null || !stale(dated, today)) return null;
    return redate(tx, today, dated);
  });
}

/** How often a running demo checks its examples' age. */
const refreshEveryMs = 6 * 60 * 60 * 1000;

/**
 * The embedded demo's start: re-dates old examples now, and checks again every few hours while
 * it runs, so the dashboard never drifts into an empty month. A failure is logged, not fatal.
 */
export async function keepExamplesCurrent(db: Database) {
  const refresh = async () => {
    try {
      const done = await refreshExamples(db);
      if (done) logger.info(done, "Re-dated the demo's example scenario from today");
    } catch (error) {
      logger.error({ err: errorSummary(error) }, "could not re-date the demo's example scenario");
    }
  };
  await refresh();
  setInterval(() => void refresh(), refreshEveryMs).unref();
}
