// A visit's briefing pack as one document: what the page, the PDF and the mail are made from.
// Who reads decides what it holds: the per-member version keeps only that member's items and
// logistics, and dietary, access and interpretation needs reach only the visit's editors and the
// member themself in their own version (decision 20).
import { eq } from "drizzle-orm";
import { activities, organizations, people, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { briefingCommitments, earlierVisits, openFollowUps, visitCases } from "./briefing-history.server";
import { itineraryOf, type Itinerary } from "./itinerary-queries.server";
import { membersOf, type DelegationMember } from "./visit-members-queries.server";

/**
 * Who reads the briefing: their account, and whether they edit the visit; or, with no account, the
 * delegation member whose personal link it is (decision 21).
 */
export interface BriefingReader {
  userId: number | null;
  canEdit: boolean;
  /** The member reading their own version by their personal link. */
  linkMemberId?: number;
}

/** The briefing's visit: the activity's fields and the visit's own, with the host's name. */
async function briefingVisit(db: Database, visitId: number) {
  const [row] = await db
    .select({
      id: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      allDay: activities.allDay,
      city: activities.city,
      agreementId: activities.agreementId,
      direction: visits.direction,
      stage: visits.stage,
      cities: visits.cities,
      timeZone: visits.timeZone,
      objectives: visits.objectives,
      hostName: organizations.name,
      talkingPointsHtml: visits.talkingPointsHtml,
      talkingPointsText: visits.talkingPointsText,
      backgroundHtml: visits.backgroundHtml,
      backgroundText: visits.backgroundText,
      briefingIssuedAt: visits.briefingIssuedAt,
      version: visits.version,
      itineraryVersion: visits.itineraryVersion,
      delegationVersion: visits.delegationVersion,
    })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .leftJoin(organizations, eq(organizations.id, visits.hostOrganizationId))
    .where(eq(visits.activityId, visitId));
  return row ?? null;
}

/** The visit's rich texts as stored (Lexical states), for the PDF, which draws them itself. */
export async function briefingRichText(db: Database, visitId: number) {
  const [row] = await db
    .select({ talkingPoints: visits.talkingPointsJson, background: visits.backgroundJson })
    .from(visits)
    .where(eq(visits.activityId, visitId));
  return row ?? null;
}

export type BriefingVisit = NonNullable<Awaited<ReturnType<typeof briefingVisit>>>;

/** The items a member attends: those for everyone and those that name them. */
export function itemsOf<T extends { allMembers: boolean; attendees: { id: number }[] }>(
  items: T[],
  memberId: number,
): T[] {
  return items.filter((item) => item.allMembers || item.attendees.some((a) => a.id === memberId));
}

/**
 * Whether `reader` may read a member's needs in this version of the briefing: the visit's editors
 * always; anyone else only their own, in their own version (`forMemberId`).
 */
export function needsVisible(
  reader: BriefingReader,
  member: { id: number; personId: number },
  forMemberId: number | null,
  readerPersonId: number | null,
): boolean {
  if (reader.canEdit) return true;
  if (reader.linkMemberId != null) return forMemberId === member.id && member.id === reader.linkMemberId;
  return forMemberId === member.id && member.personId === readerPersonId;
}

/** The person whose account is the reader's (people.user_id), if any. */
async function readerPerson(db: Database, userId: number | null): Promise<number | null> {
  if (userId == null) return null;
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
  return row?.id ?? null;
}

function shownMember(
  member: DelegationMember,
  options: { logistics: boolean; needs: boolean; readerPersonId: number | null },
) {
  return {
    id: member.id,
    name: member.name,
    side: member.side,
    role: member.role,
    title: member.title,
    organizationName: member.organizationName,
    isReader: member.personId === options.readerPersonId,
    logistics: options.logistics ? { arrival: member.arrival, departure: member.departure, hotel: member.hotel } : null,
    needs: options.needs ? member.needs : null,
  };
}

export type BriefingMember = ReturnType<typeof shownMember>;

/**
 * The briefing of visit `visitId` as `reader` may read it; with `memberId`, that delegation
 * member's own version. Null when there is no such visit, or no such member of its delegation.
 */
export async function loadBriefing(db: Database, visitId: number, reader: BriefingReader, memberId: number | null) {
  const visit = await briefingVisit(db, visitId);
  if (!visit) return null;
  // Needs are read at all only where someone may see them: for the editors, or a member's own version.
  const [rows, itinerary, commitments, ownCases, earlier, readerPersonId] = await Promise.all([
    membersOf(db, visitId, { withNeeds: reader.canEdit || memberId != null }),
    itineraryOf(db, visitId),
    briefingCommitments(db, visitId),
    visitCases(db, visitId),
    earlierVisits(db, visit),
    readerPerson(db, reader.userId),
  ]);
  const forRow = memberId == null ? null : rows.find((r) => r.id === memberId && r.side === "delegation");
  if (memberId != null && !forRow) return null;
  const followUps = await openFollowUps(db, [visitId, ...earlier.map((e) => e.id)]);
  const allItems = itinerary?.items ?? [];
  const items = forRow ? itemsOf(allItems, forRow.id) : allItems;
  const own = (row: DelegationMember) => row.side === "delegation" && (!forRow || row.id === forRow.id);
  const show = (row: DelegationMember) =>
    shownMember(row, {
      logistics: own(row),
      needs: own(row) && needsVisible(reader, row, memberId, readerPersonId),
      readerPersonId,
    });
  // Cases named by the items shown, then the visit's own, each once.
  const cases = new Map<number, Itinerary["items"][number]["cases"][number]>();
  for (const c of [...items.flatMap((item) => item.cases), ...ownCases]) cases.set(c.id, c);
  return {
    visit,
    member: forRow ? show(forRow) : null,
    delegation: rows.filter((r) => r.side === "delegation").map(show),
    counterparts: rows.filter((r) => r.side === "host").map(show),
    /** The itinerary as its own pages show it, holding only the items of this version. */
    itinerary: itinerary ? { ...itinerary, items } : null,
    items,
    commitments,
    cases: [...cases.values()],
    earlierVisits: earlier,
    followUps,
  };
}

export type Briefing = NonNullable<Awaited<ReturnType<typeof loadBriefing>>>;
