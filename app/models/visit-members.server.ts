// A visit's members as the model writes them and as the audit log and the conflict view keep them.
import { asc, eq } from "drizzle-orm";
import { people, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { DelegationRole, TravelMode, VisitSide } from "../lib/enums";

/** Who a row names: a person already known, or a new one to be created with the save. */
export type MemberPerson = { id: number } | { name: string; organizationId: number | null };

/** One member as the delegation form saves it; `row` is the form's row, for messages beside it. */
export interface MemberInput {
  row: number;
  person: MemberPerson;
  side: VisitSide;
  role: DelegationRole;
  arrivalMode: TravelMode | null;
  arrivalRef: string | null;
  arrivalAt: Date | null;
  departureMode: TravelMode | null;
  departureRef: string | null;
  departureAt: Date | null;
  hotel: string | null;
  interpretationNeeds: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
}

/** A member of row `row` with nothing but who, which side and which part: no travel, no needs. */
export function bareMember(
  row: number,
  person: MemberPerson,
  rest: Partial<Omit<MemberInput, "row" | "person">> = {},
): MemberInput {
  return {
    row,
    person,
    side: "delegation",
    role: "member",
    arrivalMode: null,
    arrivalRef: null,
    arrivalAt: null,
    departureMode: null,
    departureRef: null,
    departureAt: null,
    hotel: null,
    interpretationNeeds: null,
    dietaryNeeds: null,
    accessNeeds: null,
    ...rest,
  };
}

/** A member as saved, with the person's name: what the audit log and the conflict view show. */
export interface MemberState {
  personId: number;
  name: string;
  side: VisitSide;
  role: DelegationRole;
  arrivalMode: TravelMode | null;
  arrivalRef: string | null;
  arrivalAt: string | null;
  departureMode: TravelMode | null;
  departureRef: string | null;
  departureAt: string | null;
  hotel: string | null;
  interpretationNeeds: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
}

/** The whole delegation at one version, in the editor's order. */
export interface DelegationState {
  version: number;
  members: MemberState[];
}

/** The members of a visit in the editor's order (by position), needs included: for editors only. */
export async function memberStates(db: Database, visitId: number): Promise<MemberState[]> {
  const rows = await db
    .select({
      personId: visitMembers.personId,
      name: people.name,
      side: visitMembers.side,
      role: visitMembers.role,
      arrivalMode: visitMembers.arrivalMode,
      arrivalRef: visitMembers.arrivalRef,
      arrivalAt: visitMembers.arrivalAt,
      departureMode: visitMembers.departureMode,
      departureRef: visitMembers.departureRef,
      departureAt: visitMembers.departureAt,
      hotel: visitMembers.hotel,
      interpretationNeeds: visitMembers.interpretationNeeds,
      dietaryNeeds: visitMembers.dietaryNeeds,
      accessNeeds: visitMembers.accessNeeds,
    })
    .from(visitMembers)
    .innerJoin(people, eq(people.id, visitMembers.personId))
    .where(eq(visitMembers.visitId, visitId))
    .orderBy(asc(visitMembers.position), asc(visitMembers.id));
  return rows.map((r) => ({
    ...r,
    arrivalAt: r.arrivalAt?.toISOString() ?? null,
    departureAt: r.departureAt?.toISOString() ?? null,
  }));
}

/** The delegation's version and members now: what a stale save is shown beside. Null if no visit. */
export async function delegationState(db: Database, visitId: number): Promise<DelegationState | null> {
  const [visit] = await db
    .select({ version: visits.delegationVersion })
    .from(visits)
    .where(eq(visits.activityId, visitId));
  if (!visit) return null;
  return { version: visit.version, members: await memberStates(db, visitId) };
}
