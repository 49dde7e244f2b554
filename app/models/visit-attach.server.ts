// Giving an activity of type visit that has no `visits` row one: the seeded visits (created as
// activities before visits had rows of their own) and any visit recorded as a plain activity.
import { eq } from "drizzle-orm";
import { activities, organizations, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { canonicalTimeZone } from "../lib/format";
import { recordAudit, type Actor } from "./audit.server";
import { RecordError, RuleError } from "./errors.server";
import { checkStage } from "./visit-writes.server";
import { visitAuditView, visitValues, type VisitFields } from "./visit.server";

/**
 * Writes the visit row of activity `activityId` with its audit row, in one transaction, under the
 * rules createVisit keeps (a real zone, a host that exists, no `done` without a report). Null when
 * the activity does not exist, is not of type visit, or has its visit row already.
 */
export async function attachVisit(db: Database, actor: Actor, activityId: number, fields: VisitFields) {
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .select({ type: activities.type, visit: visits.activityId })
      .from(activities)
      .leftJoin(visits, eq(visits.activityId, activities.id))
      .where(eq(activities.id, activityId))
      .for("update", { of: activities });
    if (!activity || activity.type !== "visit" || activity.visit !== null) return null;
    const timeZone = canonicalTimeZone(fields.timeZone);
    if (!timeZone) throw new RuleError("timeZone", "visits.unknownTimeZone");
    if (fields.hostOrganizationId != null) {
      const [host] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, fields.hostOrganizationId));
      if (!host) throw new RecordError({ hostOrganizationId: { key: "validation.unknownChoice" } });
    }
    checkStage(fields.stage, null);
    const [row] = await tx
      .insert(visits)
      .values({ activityId, ...visitValues({ ...fields, timeZone }) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: "visit",
      entityId: activityId,
      after: visitAuditView(row!),
    });
    return row!;
  });
}
