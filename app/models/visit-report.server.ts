// A visit's report: its outcomes (the visit's), its lessons learned (the activity's), and the mark
// that it is written, which lets the visit be done.
import type { Database } from "../../db/client";
import type { Actor } from "./audit.server";
import type { RichText } from "./activity.server";
import { changeActivity, lockVisit, saveVisitVersion } from "./visit-writes.server";

export interface VisitReportInput {
  outcomes: RichText | null;
  lessons: RichText | null;
}

/**
 * Saves the report's outcomes on the visit and its lessons on the activity, each version-checked
 * (a stale one → ConflictError, nothing saved). Null when the visit does not exist.
 */
export async function saveVisitReport(
  db: Database,
  actor: Actor,
  id: number,
  versions: { version: number; activityVersion: number },
  input: VisitReportInput,
) {
  return db.transaction(async (tx) => {
    const before = await lockVisit(tx, id, versions.version, versions.activityVersion);
    if (!before) return null;
    await changeActivity(tx, actor, id, { version: versions.activityVersion, lessons: input.lessons });
    return saveVisitVersion(tx, actor, before, {
      outcomesJson: input.outcomes?.json ?? null,
      outcomesHtml: input.outcomes?.html ?? null,
      outcomesText: input.outcomes?.text ?? null,
    });
  });
}

/** Marks the report written (now), so the visit may be done; version-checked. Null if absent. */
export async function markReportWritten(db: Database, actor: Actor, id: number, version: number, at = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockVisit(tx, id, version);
    if (!before) return null;
    return saveVisitVersion(tx, actor, before, { reportWrittenAt: at }, "report_written");
  });
}
