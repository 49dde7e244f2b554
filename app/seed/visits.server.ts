import { eq, inArray } from "drizzle-orm";
import * as t from "../../db/schema";
import type { Content } from "./content.server";
import { attachVisit } from "../models/visit-attach.server";
import { saveDelegation } from "../models/visit-members-writes.server";
import { bareMember, memberStates, type MemberInput } from "../models/visit-members.server";
import { updateVisit } from "../models/visit-writes.server";
import { visitAsFields, type VisitFields } from "../models/visit.server";
import { putThroughModel } from "./model-records.server";
import { same } from "./same-values";
import { seedActor, type SeedRun } from "./seed-run.server";
import { changedByOthers, storedRecords } from "./their-changes.server";

type ActivityContent = Content["activities"][number];
type VisitContent = NonNullable<ActivityContent["visit"]>;

/** The visit's own fields as the model writes them; content/ has no talking points or background. */
function visitFields(run: SeedRun, a: ActivityContent, v: VisitContent): VisitFields {
  return {
    direction: v.direction,
    hostOrganizationId: run.optionalId("organization", v.host),
    cities: v.cities,
    timeZone: v.time_zone,
    objectives: v.objectives ?? null,
    // A visit that took place waits for its report; content/ holds none, so none is written.
    stage: a.status === "completed" ? "report_due" : "planning",
    talkingPoints: null,
    background: null,
  };
}

/** The delegation as its form saves it: only who, which side and which part; no travel or needs. */
function members(run: SeedRun, v: VisitContent): MemberInput[] {
  return v.delegation.map((m, row) =>
    bareMember(row, { id: run.id("person", m.person) }, { side: m.side, role: m.role }),
  );
}

/** The members as memberStates reads them back (names aside), to compare with what is stored. */
function asStates(list: MemberInput[]) {
  return list.map(({ row: _row, person, arrivalAt, departureAt, ...rest }) => ({
    personId: "id" in person ? person.id : null,
    ...rest,
    arrivalAt: arrivalAt?.toISOString() ?? null,
    departureAt: departureAt?.toISOString() ?? null,
  }));
}

/**
 * The visit rows and delegations of content/'s visits, through the visit models (attachVisit,
 * updateVisit, saveDelegation), after the activities: each is the seed's until someone changes it
 * in the app, as for activities (docs/decisions/0011). A visit whose activity someone deleted is
 * skipped (the activities' run reports it); one whose activity someone made another type is left.
 */
export async function seedVisits(run: SeedRun, activities: Content["activities"]) {
  const wanted = activities.filter((a) => a.visit);
  if (!wanted.length) return;
  const found = await run.tx
    .select({ id: t.activities.id, slug: t.activities.slug, type: t.activities.type, visit: t.visits })
    .from(t.activities)
    .leftJoin(t.visits, eq(t.visits.activityId, t.activities.id))
    .where(
      inArray(
        t.activities.slug,
        wanted.map((a) => a.slug),
      ),
    );
  const bySlug = new Map(found.map((r) => [r.slug, r]));
  const rows = found.flatMap((r) => (r.visit ? [{ ...r.visit, id: r.id, slug: r.slug }] : []));
  const stored = await storedRecords(run.tx, "visit", [], rows);
  const delegationsTheirs = await changedByOthers(
    run.tx,
    "visit_delegation",
    rows.map((r) => r.id),
  );

  for (const a of wanted) {
    const activity = bySlug.get(a.slug);
    if (!activity) continue;
    if (activity.type !== "visit") {
      run.leave("visit", a.slug, a.title.en, "changed");
      continue;
    }
    const fields = visitFields(run, a, a.visit!);
    await putThroughModel(run, stored, {
      kind: "visit",
      slug: a.slug,
      title: a.title.en,
      wanted: fields,
      current: (row) => ({ version: row.version, values: visitAsFields(row) }),
      create: async () => {
        const made = await attachVisit(run.tx, seedActor, activity.id, fields);
        return made && { id: made.activityId };
      },
      update: (id, version) => updateVisit(run.tx, seedActor, id, version, fields),
    });

    const want = members(run, a.visit!);
    const now = await memberStates(run.tx, activity.id);
    const storedMembers = now.map(({ name: _name, ...m }) => m);
    if (same(storedMembers, asStates(want))) run.count("unchanged");
    else if (delegationsTheirs.has(String(activity.id))) run.leave("delegation", a.slug, a.title.en, "changed");
    else {
      const version = activity.visit?.delegationVersion ?? 1;
      await run.write("delegation", a.slug, () => saveDelegation(run.tx, seedActor, activity.id, version, want));
      run.count(now.length ? "updated" : "created");
    }
  }
}
