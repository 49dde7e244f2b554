// Reading a visit's itinerary: for its page, the visit page and the briefing (itineraryOf), and
// for its editor (itineraryForEdit, itineraryFormOptions).
import { asc, eq, inArray, sql } from "drizzle-orm";
import {
  activities,
  agreements,
  casePublications,
  cases,
  countries,
  itineraryItemCases,
  itineraryItems,
  organizations,
  partnershipCountries,
  partnerships,
  people,
  visitMembers,
  visits,
} from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";
import { utcToZoned } from "../lib/zoned-time";
import { attachmentsForItems } from "./attachments.server";
import { caseChoices } from "./case-activities.server";
import { itineraryState, type ItineraryStateItem } from "./itinerary-state.server";
import { findOverlaps } from "./itinerary-overlaps.server";
import { organizationOptions } from "./organization.server";

/** The visit's members by name, the delegation first, in the editor's order. */
function memberNames(db: Database, visitId: number) {
  return db
    .select({ id: visitMembers.id, name: people.name, side: visitMembers.side })
    .from(visitMembers)
    .innerJoin(people, eq(people.id, visitMembers.personId))
    .where(eq(visitMembers.visitId, visitId))
    .orderBy(asc(visitMembers.side), asc(visitMembers.position), asc(visitMembers.id));
}

/**
 * The countries of the visit's partnership (its agreement's, else the first partnership) with
 * their zones: an item's other side is the one that is not the place's.
 */
function partnerCountries(db: Database, visitId: number) {
  const partnership = sql`coalesce(
    (select ${agreements.partnershipId} from ${activities} join ${agreements} on ${agreements.id} = ${activities.agreementId} where ${activities.id} = ${visitId}),
    (select min(${partnerships.id}) from ${partnerships}))`;
  return db
    .select({ code: countries.code, name: countries.name, timeZone: countries.timeZone })
    .from(partnershipCountries)
    .innerJoin(countries, eq(countries.code, partnershipCountries.countryCode))
    .where(eq(partnershipCountries.partnershipId, partnership))
    .orderBy(asc(partnershipCountries.position));
}

/** A clock reading in a zone: the day, the start and end times (HH:MM). */
export interface ZonedSpan {
  timeZone: string;
  day: string;
  start: string;
  end: string;
  /** The end's day where it is a later one. */
  endDay: string | null;
}

const span = (startsAt: Date, endsAt: Date, timeZone: string): ZonedSpan => {
  const start = utcToZoned(startsAt, timeZone);
  const end = utcToZoned(endsAt, timeZone);
  return {
    timeZone,
    day: start.date,
    start: start.time,
    end: end.time,
    endDay: end.date === start.date ? null : end.date,
  };
};

/**
 * A visit's itinerary as its pages show it: items in time order, each at its place's clock with
 * the other side's beside it, who attends, the host, linked cases (with their public address when
 * published), its documents (staff-only) and the items it overlaps for the same members. Null when the visit does not exist.
 * A fixed number of queries, whatever the number of items.
 */
export async function itineraryOf(db: Database, visitId: number) {
  const [[visit], members, partners, hosts, caseRows] = await Promise.all([
    db
      .select({ timeZone: visits.timeZone, version: visits.itineraryVersion, countryCode: activities.countryCode })
      .from(visits)
      .innerJoin(activities, eq(activities.id, visits.activityId))
      .where(eq(visits.activityId, visitId)),
    memberNames(db, visitId),
    partnerCountries(db, visitId),
    db
      .selectDistinct({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
      .from(itineraryItems)
      .innerJoin(organizations, eq(organizations.id, itineraryItems.hostOrganizationId))
      .where(eq(itineraryItems.visitId, visitId)),
    db
      .select({ id: cases.id, title: cases.title, slug: casePublications.slug })
      .from(cases)
      .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
      .where(
        inArray(
          cases.id,
          db
            .select({ id: itineraryItemCases.caseId })
            .from(itineraryItemCases)
            .innerJoin(itineraryItems, eq(itineraryItems.id, itineraryItemCases.itemId))
            .where(eq(itineraryItems.visitId, visitId)),
        ),
      ),
  ]);
  if (!visit) return null;
  const state = await itineraryState(db, visitId, visit.version);
  const documentsOf = await attachmentsForItems(
    db,
    state.items.map((item) => item.id),
  );
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const delegation = members.filter((m) => m.side === "delegation").map((m) => m.id);
  const hostOf = new Map(hosts.map((h) => [h.id, h]));
  const caseOf = new Map(caseRows.map((c) => [c.id, c]));
  const items = state.items.map((item) => ({
    ...item,
    startsAt: new Date(item.startsAt),
    endsAt: new Date(item.endsAt),
  }));
  const overlaps = findOverlaps(items, delegation);
  const titleOf = new Map(items.map((item) => [item.id, item.title]));

  // The place's country: the partner whose zone it is, else the visit's country.
  const otherSide = (timeZone: string) => {
    const here = partners.find((p) => p.timeZone === timeZone)?.code ?? visit.countryCode;
    const other = partners.find((p) => p.code !== here && p.timeZone !== timeZone);
    return other ?? null;
  };

  return {
    visitId,
    version: visit.version,
    timeZone: visit.timeZone,
    members: members.map((m) => ({ id: m.id, name: m.name, side: m.side })),
    items: items.map((item) => {
      const other = otherSide(item.timeZone);
      const clashes = overlaps
        .filter((o) => o.itemId === item.id || o.otherId === item.id)
        .map((o) => {
          const otherId = o.itemId === item.id ? o.otherId : o.itemId;
          return {
            itemId: otherId,
            title: titleOf.get(otherId)!,
            everyone: o.everyone,
            members: o.memberIds.map((id) => memberName.get(id) ?? ""),
          };
        });
      return {
        id: item.id,
        startsAt: item.startsAt.toISOString(),
        endsAt: item.endsAt.toISOString(),
        place: span(item.startsAt, item.endsAt, item.timeZone),
        other: other
          ? { ...span(item.startsAt, item.endsAt, other.timeZone), countryName: other.name as LocalizedText }
          : null,
        title: item.title,
        agenda: item.agenda,
        placeName: item.placeName,
        address: item.address,
        host: item.hostOrganizationId ? (hostOf.get(item.hostOrganizationId) ?? null) : null,
        transport: item.transport,
        allMembers: item.allMembers,
        attendees: item.memberIds.map((id) => ({ id, name: memberName.get(id) ?? "" })),
        cases: item.caseIds.flatMap((id) => {
          const found = caseOf.get(id);
          return found ? [{ id, title: found.title, slug: found.slug }] : [];
        }),
        overlaps: clashes,
        documents: documentsOf.get(item.id) ?? [],
      };
    }),
  };
}

export type Itinerary = NonNullable<Awaited<ReturnType<typeof itineraryOf>>>;
export type ItineraryEntry = Itinerary["items"][number];

/** The stored itinerary and the visit's own zone, for the editor; null when it is no visit. */
export async function itineraryForEdit(db: Database, visitId: number) {
  const [visit] = await db
    .select({ timeZone: visits.timeZone, version: visits.itineraryVersion })
    .from(visits)
    .where(eq(visits.activityId, visitId));
  if (!visit) return null;
  return { timeZone: visit.timeZone, state: await itineraryState(db, visitId, visit.version) };
}

/** What the editor offers to choose from: the visit's members, host organisations, library cases. */
export async function itineraryFormOptions(db: Database, visitId: number) {
  const [members, hostList, caseList] = await Promise.all([
    memberNames(db, visitId),
    organizationOptions(db),
    caseChoices(db),
  ]);
  return { members, organizations: hostList, cases: caseList };
}

export type ItineraryFormOptions = Awaited<ReturnType<typeof itineraryFormOptions>>;
export type { ItineraryStateItem };
