// Reading a visit's members for its pages, its editor and its briefing.
import { asc, eq, sql } from "drizzle-orm";
import { activities, organizations, people, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { DelegationRole, TravelMode, VisitSide } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { utcToZoned } from "../lib/zoned-time";
import { organizationOptions, personOptions } from "./organization.server";
import { positionsOn } from "./person-positions.server";

/** How a member comes or goes. */
export interface MemberTravel {
  mode: TravelMode | null;
  /** Flight or train number, or how else. */
  ref: string | null;
  at: Date | null;
}

/** A member's personal needs: for the visit's editors and the member's own briefing only. */
export interface MemberNeeds {
  interpretation: string | null;
  dietary: string | null;
  access: string | null;
}

export interface DelegationMember {
  id: number;
  personId: number;
  name: string;
  side: VisitSide;
  role: DelegationRole;
  /** Their title and organisation on the visit's date (their position then, else the person's own). */
  title: LocalizedText | null;
  organizationId: number | null;
  organizationName: LocalizedText | null;
  arrival: MemberTravel;
  departure: MemberTravel;
  hotel: string | null;
  /** Null unless asked for with `withNeeds`. */
  needs: MemberNeeds | null;
}

/** The day a visit's titles are read on: its first day, in the place's time zone. */
export function visitDay(visit: { startsAt: Date; allDay: boolean; timeZone: string }) {
  return visit.allDay ? visit.startsAt.toISOString().slice(0, 10) : utcToZoned(visit.startsAt, visit.timeZone).date;
}

/**
 * The members of a visit: the heads first, then in the editor's order, each with their name and
 * their organisation and title on the visit's date, travel and hotel. Dietary, access and
 * interpretation needs come only `withNeeds`: ask for them only for the visit's editors (or the
 * member's own briefing). Two queries, whatever the number of members.
 */
export async function membersOf(
  db: Database,
  visitId: number,
  { withNeeds }: { withNeeds: boolean },
): Promise<DelegationMember[]> {
  const rows = await db
    .select({
      id: visitMembers.id,
      personId: visitMembers.personId,
      name: people.name,
      side: visitMembers.side,
      role: visitMembers.role,
      personOrganizationId: people.organizationId,
      personOrganizationName: organizations.name,
      arrivalMode: visitMembers.arrivalMode,
      arrivalRef: visitMembers.arrivalRef,
      arrivalAt: visitMembers.arrivalAt,
      departureMode: visitMembers.departureMode,
      departureRef: visitMembers.departureRef,
      departureAt: visitMembers.departureAt,
      hotel: visitMembers.hotel,
      // Not even read unless asked for.
      interpretation: withNeeds ? visitMembers.interpretationNeeds : sql<null>`null`,
      dietary: withNeeds ? visitMembers.dietaryNeeds : sql<null>`null`,
      access: withNeeds ? visitMembers.accessNeeds : sql<null>`null`,
      startsAt: activities.startsAt,
      allDay: activities.allDay,
      timeZone: visits.timeZone,
    })
    .from(visitMembers)
    .innerJoin(visits, eq(visits.activityId, visitMembers.visitId))
    .innerJoin(activities, eq(activities.id, visitMembers.visitId))
    .innerJoin(people, eq(people.id, visitMembers.personId))
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(visitMembers.visitId, visitId))
    .orderBy(sql`(${visitMembers.role} = 'head') desc`, asc(visitMembers.position), asc(visitMembers.id));
  if (!rows.length) return [];
  const held = await positionsOn(
    db,
    rows.map((r) => r.personId),
    visitDay(rows[0]!),
  );
  return rows.map((r) => {
    const position = held.get(r.personId);
    // A position that names no organisation leaves the person's own.
    const fromPosition = position?.organizationId != null;
    return {
      id: r.id,
      personId: r.personId,
      name: r.name,
      side: r.side,
      role: r.role,
      // A title is a position's: without one held on the visit's date, none is shown.
      title: position?.title ?? null,
      organizationId: fromPosition ? position.organizationId : r.personOrganizationId,
      organizationName: fromPosition ? position.organizationName : r.personOrganizationName,
      arrival: { mode: r.arrivalMode, ref: r.arrivalRef, at: r.arrivalAt },
      departure: { mode: r.departureMode, ref: r.departureRef, at: r.departureAt },
      hotel: r.hotel,
      needs: withNeeds ? { interpretation: r.interpretation, dietary: r.dietary, access: r.access } : null,
    };
  });
}

/** What the delegation form offers: the people to choose, the organisations a new person may join. */
export async function delegationFormOptions(db: Database) {
  const [peopleList, organizationList] = await Promise.all([personOptions(db), organizationOptions(db)]);
  return { people: peopleList, organizations: organizationList };
}

export type DelegationFormOptions = Awaited<ReturnType<typeof delegationFormOptions>>;

/** The visit as the delegation's page heads it: title, place's zone, first day; null if no visit. */
export async function delegationHead(db: Database, visitId: number) {
  const [row] = await db
    .select({
      title: activities.title,
      startsAt: activities.startsAt,
      allDay: activities.allDay,
      timeZone: visits.timeZone,
      version: visits.delegationVersion,
    })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .where(eq(visits.activityId, visitId));
  return row ?? null;
}
