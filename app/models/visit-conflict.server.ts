// What a conflicting visit save needs to name the fields someone else changed: the visit as it was
// at the editor's versions. A visit is audited as two records (the activity and the visit's own
// fields, each with its version), so the state is put together from both histories.
import type { Database } from "../../db/client";
import { renderRichText } from "../lexical/render.server";
import type { AuditedActivity } from "./activity-writes.server";
import type { RichText } from "./activity.server";
import { changesSince } from "./conflict.server";
import type { VisitFields, visitAuditView } from "./visit.server";
import type { VisitSnapshot } from "./visit-writes.server";

type AuditedVisit = ReturnType<typeof visitAuditView>;

async function richOf(json: unknown): Promise<RichText | null> {
  return json == null ? null : renderRichText(json);
}

/**
 * The state one record had at `version`: from the audit log where someone saved it since, else
 * the current one (nobody did); null where the history is missing, so no field is named.
 */
async function stateAt<T>(db: Database, entityType: string, id: number, version: number, current: T) {
  const { base, changes } = await changesSince(db, entityType, id, version);
  if (!changes.length) return { state: current, audited: false };
  return base ? { state: base, audited: true } : null;
}

/**
 * The activity part and the visit part of the form as the editor loaded them (visitFormValues
 * makes the form's values of them), or null where either history is missing.
 */
export async function visitAtVersions(
  db: Database,
  id: number,
  versions: { version: number; activityVersion: number },
  saved: VisitSnapshot,
): Promise<{ activity: VisitSnapshot["activity"]; visit: VisitFields } | null> {
  const [activity, visit] = await Promise.all([
    stateAt(db, "activity", id, versions.activityVersion, saved.activity),
    stateAt(db, "visit", id, versions.version, saved.visit),
  ]);
  if (!activity || !visit) return null;
  const a = activity.audited ? (activity.state as unknown as AuditedActivity) : null;
  const v = visit.audited ? (visit.state as unknown as AuditedVisit) : null;
  return {
    activity: a
      ? {
          ...saved.activity,
          title: a.title,
          startsAt: new Date(a.startsAt),
          endsAt: new Date(a.endsAt),
          countryCode: a.countryCode,
          agreementId: a.agreementId,
          commitmentIds: a.commitmentIds,
        }
      : saved.activity,
    visit: v
      ? {
          direction: v.direction,
          hostOrganizationId: v.hostOrganizationId,
          cities: v.cities,
          timeZone: v.timeZone,
          objectives: v.objectives,
          stage: v.stage,
          talkingPoints: await richOf(v.talkingPointsJson),
          background: await richOf(v.backgroundJson),
        }
      : saved.visit,
  };
}
