// What a briefing shows of a visit's programme: the itinerary's items with who attends and the
// cases they concern. Three batched queries, never one per item.
import { asc, eq, inArray } from "drizzle-orm";
import {
  casePublications,
  cases,
  itineraryItemCases,
  itineraryItemMembers,
  itineraryItems,
  organizations,
} from "../../db/schema";
import type { Database } from "../../db/client";
import type { LocalizedText } from "../lib/localized";

export interface BriefingItem {
  id: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: LocalizedText;
  agenda: LocalizedText | null;
  placeName: string | null;
  address: string | null;
  hostName: LocalizedText | null;
  transport: string | null;
  allMembers: boolean;
  /** The members named on the item (when not everyone attends). */
  memberIds: number[];
  cases: { id: number; title: LocalizedText; publicSlug: string | null }[];
}

/** The itinerary in time order, each item with who attends and the library cases it concerns. */
export async function briefingItems(db: Database, visitId: number): Promise<BriefingItem[]> {
  const rows = await db
    .select({
      id: itineraryItems.id,
      startsAt: itineraryItems.startsAt,
      endsAt: itineraryItems.endsAt,
      timeZone: itineraryItems.timeZone,
      title: itineraryItems.title,
      agenda: itineraryItems.agenda,
      placeName: itineraryItems.placeName,
      address: itineraryItems.address,
      hostName: organizations.name,
      transport: itineraryItems.transport,
      allMembers: itineraryItems.allMembers,
    })
    .from(itineraryItems)
    .leftJoin(organizations, eq(organizations.id, itineraryItems.hostOrganizationId))
    .where(eq(itineraryItems.visitId, visitId))
    .orderBy(asc(itineraryItems.startsAt), asc(itineraryItems.id));
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [attending, concerning] = await Promise.all([
    db.select().from(itineraryItemMembers).where(inArray(itineraryItemMembers.itemId, ids)),
    db
      .select({
        itemId: itineraryItemCases.itemId,
        id: cases.id,
        title: cases.title,
        publicSlug: casePublications.slug,
      })
      .from(itineraryItemCases)
      .innerJoin(cases, eq(cases.id, itineraryItemCases.caseId))
      .leftJoin(casePublications, eq(casePublications.caseId, cases.id))
      .where(inArray(itineraryItemCases.itemId, ids))
      .orderBy(asc(cases.id)),
  ]);
  return rows.map((r) => ({
    ...r,
    memberIds: attending.filter((a) => a.itemId === r.id).map((a) => a.memberId),
    cases: concerning.filter((c) => c.itemId === r.id).map(({ itemId: _item, ...c }) => c),
  }));
}
