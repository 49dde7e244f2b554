// Writes the example scenario through the models the app's forms use (docs/decisions/0011), each
// record marked `example`, as the seed: the same checks, versions and audit rows as a form save.
import type { Database } from "../../db/client";
import type { ActivityInput } from "../models/activity.server";
import { createActivity } from "../models/activity-writes.server";
import { createAgreement } from "../models/agreement-writes.server";
import { addEvidence } from "../models/commitment-evidence.server";
import { assessCommitment } from "../models/commitment-assessments.server";
import { createCommitment } from "../models/commitment-writes.server";
import { createFollowUp } from "../models/follow-up-writes.server";
import { saveItinerary } from "../models/itinerary-writes.server";
import { createPerson } from "../models/people-writes.server";
import { attachVisit } from "../models/visit-attach.server";
import { saveDelegation } from "../models/visit-members-writes.server";
import type { MemberInput } from "../models/visit-members.server";
import { zonedToUtc } from "../lib/zoned-time";
import type { ExampleContext } from "./examples-context.server";
import { addDays } from "../lib/calendar-days";
import { exampleSlugPrefix, type ExampleScenario } from "./examples-scenario";
import { seedActor } from "./seed-run.server";

const example = (key: string) => ({ slug: `${exampleSlugPrefix}${key}`, example: true });

/** An all-day span: midnight UTC of its first day to the last second of its last (as the seed stores dates). */
function allDay(startsOn: string, days: number) {
  return {
    startsAt: new Date(`${startsOn}T00:00:00Z`),
    endsAt: new Date(`${addDays(startsOn, days - 1)}T23:59:59Z`),
    allDay: true,
  };
}

const noLinks: Pick<ActivityInput, "outputs" | "lessons" | "organizerIds" | "participantIds"> = {
  outputs: null,
  lessons: null,
  organizerIds: [],
  participantIds: [],
};

/** Writes `scenario` in `tx`; returns how many records it created. */
export async function writeExamples(tx: Database, scenario: ExampleScenario, context: ExampleContext) {
  let created = 0;
  const plan = await createAgreement(
    tx,
    seedActor,
    {
      partnershipId: context.partnershipId,
      kind: "action_plan",
      title: scenario.plan.title,
      summary: scenario.plan.summary,
      signedOn: scenario.plan.signedOn,
      signedCity: null,
      inForceFrom: scenario.plan.inForceFrom,
      inForceUntil: scenario.plan.inForceUntil,
      status: "in_force",
      parentId: context.parentId,
      signatoryIds: [],
    },
    example("action-plan"),
  );
  created++;

  const commitmentIds = new Map<string, number>();
  for (const c of scenario.commitments) {
    const row = await createCommitment(
      tx,
      seedActor,
      plan.id,
      {
        text: c.text,
        area: c.area,
        responsibleOrganizationId: context.sides.home.organizerId,
        dueOn: c.dueOn,
      },
      example(`commitment-${c.key}`),
    );
    if (!row) throw new Error("The example plan vanished while its commitments were written.");
    commitmentIds.set(c.key, row.id);
    if (c.assessment) {
      // "Complete" needs evidence on the commitment before the rating.
      await addEvidence(tx, seedActor, { commitmentId: row.id, note: c.assessment.evidence.en });
      await assessCommitment(tx, seedActor, row.id, row.version, {
        status: c.status,
        assessedOn: c.assessment.assessedOn,
        evidence: c.assessment.evidence,
        assessor: null,
        example: true,
      });
    }
    created++;
  }
  const ids = (keys: string[]) => keys.map((k) => commitmentIds.get(k)!).sort((a, b) => a - b);
  const organizers = (...sides: ("home" | "partner")[]) =>
    sides.flatMap((s) => (context.sides[s].organizerId ? [context.sides[s].organizerId] : []));

  for (const a of scenario.activities) {
    const input: ActivityInput = {
      ...noLinks,
      title: a.title,
      type: a.type,
      status: a.status,
      mode: a.mode,
      ...allDay(a.startsOn, a.days),
      city: null,
      countryCode: context.sides[a.country].country,
      agreementId: a.inPlan ? plan.id : context.parentId,
      description: a.description,
      commitmentIds: a.inPlan ? ids(a.commitments) : [],
      organizerIds: organizers("home", "partner"),
    };
    await createActivity(tx, seedActor, input, example(a.key));
    created++;
  }

  const people = new Map<string, number>();
  for (const p of scenario.people) {
    const person = await createPerson(
      tx,
      seedActor,
      {
        name: p.name,
        organizationId: null,
        email: null,
        phone: null,
        languages: [],
        userId: null,
        positions: [{ title: p.position, organizationId: null, startsOn: scenario.plan.inForceFrom, endsOn: null }],
      },
      example(`person-${p.key}`),
    );
    people.set(p.key, person.id);
    created++;
  }

  created += await writeVisit(tx, scenario, context, { planId: plan.id, commitmentIds: ids, people });
  return created;
}

async function writeVisit(
  tx: Database,
  scenario: ExampleScenario,
  context: ExampleContext,
  refs: { planId: number; commitmentIds: (keys: string[]) => number[]; people: Map<string, number> },
) {
  const v = scenario.visit;
  const home = context.sides.home;
  const span = allDay(v.startsOn, v.days);
  const visit = await createActivity(
    tx,
    seedActor,
    {
      ...noLinks,
      title: v.title,
      type: "visit",
      status: "confirmed",
      mode: "in_person",
      ...span,
      city: null,
      countryCode: home.country,
      agreementId: refs.planId,
      description: v.objectives,
      commitmentIds: refs.commitmentIds(v.commitments),
      organizerIds: home.organizerId ? [home.organizerId] : [],
      participantIds: [...refs.people.values()].sort((a, b) => a - b),
    },
    example("study-visit"),
  );
  await attachVisit(tx, seedActor, visit.id, {
    direction: "incoming",
    hostOrganizationId: home.organizerId,
    cities: [],
    timeZone: home.timeZone,
    objectives: v.objectives,
    stage: "planning",
    talkingPoints: null,
    background: null,
  });
  const lastDay = addDays(v.startsOn, v.days - 1);
  const members: MemberInput[] = scenario.people.map((p, row) => ({
    row,
    person: { id: refs.people.get(p.key)! },
    side: "delegation",
    role: p.role,
    arrivalMode: "flight",
    arrivalRef: null,
    arrivalAt: zonedToUtc(addDays(v.startsOn, -1), "18:00", home.timeZone),
    departureMode: "flight",
    departureRef: null,
    departureAt: zonedToUtc(lastDay, "18:00", home.timeZone),
    hotel: null,
    interpretationNeeds: null,
    dietaryNeeds: null,
    accessNeeds: null,
  }));
  await saveDelegation(tx, seedActor, visit.id, 1, members);
  await saveItinerary(tx, seedActor, {
    visitId: visit.id,
    version: 1,
    items: v.itinerary.map((item) => {
      const day = addDays(v.startsOn, item.day);
      return {
        id: null,
        startsAt: zonedToUtc(day, item.from, home.timeZone),
        endsAt: zonedToUtc(day, item.to, home.timeZone),
        timeZone: home.timeZone,
        title: item.title,
        agenda: null,
        placeName: null,
        address: null,
        hostOrganizationId: home.organizerId,
        transport: null,
        allMembers: true,
        memberIds: [],
        caseIds: [],
      };
    }),
  });
  let created = 1;
  // Follow-ups are a person's to do: without an editor to own them there are none.
  if (context.ownerId === null) return created;
  for (const f of v.followUps) {
    await createFollowUp(
      tx,
      seedActor,
      {
        visitId: visit.id,
        title: f.title,
        ownerId: context.ownerId,
        dueOn: f.dueOn,
        status: f.status,
        commitmentIds: refs.commitmentIds(f.commitments),
      },
      { example: true },
    );
    created++;
  }
  return created;
}
