// Saving a visit's delegation whole: one transaction, version-checked on the visit's
// delegation_version, with one audit row (and one per person added from the form).
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { organizations, people, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { FormErrors } from "../lib/forms";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError, RecordError } from "./errors.server";
import { createPerson } from "./people-writes.server";
import { delegationState, memberStates, type MemberInput, type MemberState } from "./visit-members.server";

/**
 * The rules across rows: a person listed once, one head a side, no departure before the arrival.
 * Messages go beside the row that breaks them (the later of two).
 */
function checkRows(members: MemberInput[]): FormErrors {
  const errors: FormErrors = {};
  const seen = new Set<number>();
  const heads = new Set<string>();
  for (const m of members) {
    if ("id" in m.person) {
      if (seen.has(m.person.id)) errors[`personId[${m.row}]`] = { key: "delegation.listedTwice" };
      seen.add(m.person.id);
    }
    if (m.role === "head") {
      if (heads.has(m.side)) errors[`role[${m.row}]`] = { key: "delegation.oneHead" };
      heads.add(m.side);
    }
    if (m.arrivalAt && m.departureAt && m.departureAt < m.arrivalAt) {
      errors[`departureAt[${m.row}]`] = { key: "delegation.departsBeforeArrival" };
    }
  }
  return errors;
}

/** Every person and organisation the rows name must exist. */
async function checkReferences(tx: Database, members: MemberInput[]): Promise<FormErrors> {
  const personIds = members.flatMap((m) => ("id" in m.person ? [m.person.id] : []));
  const orgIds = members.flatMap((m) =>
    "name" in m.person && m.person.organizationId ? [m.person.organizationId] : [],
  );
  const [foundPeople, foundOrgs] = await Promise.all([
    personIds.length
      ? tx
          .select({ id: people.id })
          .from(people)
          .where(inArray(people.id, [...new Set(personIds)]))
      : [],
    orgIds.length
      ? tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(inArray(organizations.id, [...new Set(orgIds)]))
      : [],
  ]);
  const knownPeople = new Set(foundPeople.map((p) => p.id));
  const knownOrgs = new Set(foundOrgs.map((o) => o.id));
  const errors: FormErrors = {};
  for (const m of members) {
    if ("id" in m.person && !knownPeople.has(m.person.id)) {
      errors[`personId[${m.row}]`] = { key: "delegation.unknownPerson" };
    }
    if ("name" in m.person && m.person.organizationId && !knownOrgs.has(m.person.organizationId)) {
      errors[`newOrganizationId[${m.row}]`] = { key: "delegation.unknownOrganization" };
    }
  }
  return errors;
}

/**
 * A member as the audit log keeps them: their needs are personal (health, faith) and read by the
 * visit's editors only, so the log, which outlives the visit, keeps only which of them were given.
 */
function audited({ interpretationNeeds, dietaryNeeds, accessNeeds, ...member }: MemberState) {
  return {
    ...member,
    needsGiven: { interpretation: !!interpretationNeeds, dietary: !!dietaryNeeds, access: !!accessNeeds },
  };
}

/** A person known by name (and organisation) only, as the people model creates one. */
const namedPerson = (person: { name: string; organizationId: number | null }) => ({
  ...person,
  email: null,
  phone: null,
  languages: [],
  userId: null,
  positions: [],
});

/**
 * Replaces the delegation of visit `visitId` with `members` (in their order) if nobody saved it
 * since `version`: otherwise ConflictError with the delegation saved now, and nothing changes.
 * People named by a new name are created first, in the same transaction. A member kept keeps their
 * row (and so their place in the itinerary); one left out is removed. Null when the visit is gone.
 */
export async function saveDelegation(
  db: Database,
  actor: Actor,
  visitId: number,
  version: number,
  members: MemberInput[],
) {
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .select({ version: visits.delegationVersion })
      .from(visits)
      .where(eq(visits.activityId, visitId))
      .for("update");
    if (!visit) return null;
    if (visit.version !== version) throw new ConflictError(await delegationState(tx, visitId));
    const errors = { ...(await checkReferences(tx, members)), ...checkRows(members) };
    if (Object.keys(errors).length) throw new RecordError(errors);

    const before = await memberStates(tx, visitId);
    const rows = [];
    for (const [position, m] of members.entries()) {
      const { row: _row, person, ...fields } = m;
      const personId = "id" in person ? person.id : (await createPerson(tx, actor, namedPerson(person))).id;
      rows.push({ ...fields, visitId, personId, position });
    }
    const kept = rows.map((r) => r.personId);
    await tx
      .delete(visitMembers)
      .where(and(eq(visitMembers.visitId, visitId), kept.length ? notInArray(visitMembers.personId, kept) : undefined));
    if (rows.length) {
      const excluded = (column: string) => sql.raw(`excluded.${column}`);
      await tx
        .insert(visitMembers)
        .values(rows)
        .onConflictDoUpdate({
          target: [visitMembers.visitId, visitMembers.personId],
          set: Object.fromEntries(
            [
              ["side", "side"],
              ["role", "role"],
              ["position", "position"],
              ["arrivalMode", "arrival_mode"],
              ["arrivalRef", "arrival_ref"],
              ["arrivalAt", "arrival_at"],
              ["departureMode", "departure_mode"],
              ["departureRef", "departure_ref"],
              ["departureAt", "departure_at"],
              ["hotel", "hotel"],
              ["interpretationNeeds", "interpretation_needs"],
              ["dietaryNeeds", "dietary_needs"],
              ["accessNeeds", "access_needs"],
            ].map(([key, column]) => [key, excluded(column!)]),
          ),
        });
    }
    const next = visit.version + 1;
    await tx.update(visits).set({ delegationVersion: next }).where(eq(visits.activityId, visitId));
    const after = await memberStates(tx, visitId);
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "visit_delegation",
      entityId: visitId,
      before: { version: visit.version, members: before.map(audited) },
      after: { version: next, members: after.map(audited) },
    });
    return { visitId, version: next, members: after };
  });
}
