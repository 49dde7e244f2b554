import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { periodSpan } from "../lib/sourced-date";
import { type ActivityInput } from "../models/activity.server";
import { getActivityForEdit } from "../models/activity-queries.server";
import { createActivity, updateActivity } from "../models/activity-writes.server";
import { loadStored, putCitations } from "./content-records.server";
import { putThroughModel } from "./model-records.server";
import { seedActor, type SeedRun } from "./seed-run.server";

type ActivityContent = Content["activities"][number];

const day = 86_400_000;

/** A content date or instant; a bare date is midnight UTC of that day (an all-day event). */
function instant(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** The activity as the model (and so the app's form) writes it. */
function activityInput(run: SeedRun, a: ActivityContent): ActivityInput {
  const allDay = a.starts.length === 10;
  const startsAt = instant(a.starts);
  // An all-day event ends at the end of its last day.
  const endsAt = a.ends
    ? new Date(instant(a.ends).getTime() + (a.ends.length === 10 ? day - 1000 : 0))
    : allDay
      ? new Date(startsAt.getTime() + day - 1000)
      : startsAt;
  // As the model stores it, so that a seed run again finds nothing changed.
  const span = periodSpan(a.date_precision, startsAt, endsAt);
  const ids = (kind: "organization" | "person" | "commitment", slugs: string[]) =>
    slugs.map((s) => run.id(kind, s)).sort((x, y) => x - y);
  return {
    title: a.title,
    type: a.type,
    status: a.status,
    mode: a.mode,
    allDay,
    ...span,
    datePrecision: a.date_precision,
    dateApproximate: a.date_approximate,
    city: a.city ?? null,
    countryCode: a.country ?? null,
    agreementId: run.optionalId("agreement", a.agreement),
    description: a.description ?? null,
    // Written in the app only: content/ has none, and a change there makes the record staff's.
    outputs: null,
    lessons: null,
    commitmentIds: ids("commitment", a.commitments),
    organizerIds: ids("organization", a.organizers),
    participantIds: ids("person", a.participants),
  };
}

/** Activities go through the model the app's form uses: its reference checks, version and audit row. */
export async function seedActivities(run: SeedRun, activities: Content["activities"]) {
  const stored = await loadStored(
    run,
    t.activities,
    "activity",
    activities.map((a) => a.slug),
  );
  for (const a of activities) {
    const input = activityInput(run, a);
    const put = await putThroughModel(run, stored, {
      kind: "activity",
      slug: a.slug,
      title: a.title.en,
      wanted: input,
      current: async (row) => {
        const form = (await getActivityForEdit(run.tx, row.id))!;
        // content/ says nothing of library cases: the links staff make are no difference to it.
        const { caseIds: _cases, ...values } = form.input;
        return { version: form.version, values };
      },
      create: () => createActivity(run.tx, seedActor, input, { slug: a.slug }),
      update: (id, version) => updateActivity(run.tx, seedActor, { ...input, id, version }),
    });
    if (put?.ours) await putCitations(run, "activity", put.id, a.sources);
  }
}
