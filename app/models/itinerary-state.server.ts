// A visit's itinerary as the audit log keeps it and a stale save reports it: every item with its
// members and cases, instants as ISO 8601 strings.
import { asc, eq } from "drizzle-orm";
import { itineraryItemCases, itineraryItemMembers, itineraryItems } from "../../db/schema";
import type { Database } from "../../db/client";

/** The itinerary at `version`, in three queries, items by start. */
export async function itineraryState(db: Database, visitId: number, version: number) {
  const [items, members, linked] = await Promise.all([
    db
      .select()
      .from(itineraryItems)
      .where(eq(itineraryItems.visitId, visitId))
      .orderBy(asc(itineraryItems.startsAt), asc(itineraryItems.id)),
    db
      .select({ itemId: itineraryItemMembers.itemId, id: itineraryItemMembers.memberId })
      .from(itineraryItemMembers)
      .innerJoin(itineraryItems, eq(itineraryItems.id, itineraryItemMembers.itemId))
      .where(eq(itineraryItems.visitId, visitId))
      .orderBy(asc(itineraryItemMembers.memberId)),
    db
      .select({ itemId: itineraryItemCases.itemId, id: itineraryItemCases.caseId })
      .from(itineraryItemCases)
      .innerJoin(itineraryItems, eq(itineraryItems.id, itineraryItemCases.itemId))
      .where(eq(itineraryItems.visitId, visitId))
      .orderBy(asc(itineraryItemCases.caseId)),
  ]);
  const of = (rows: { itemId: number; id: number }[], itemId: number) =>
    rows.filter((r) => r.itemId === itemId).map((r) => r.id);
  return {
    version,
    items: items.map((item) => ({
      id: item.id,
      startsAt: item.startsAt.toISOString(),
      endsAt: item.endsAt.toISOString(),
      timeZone: item.timeZone,
      title: item.title,
      agenda: item.agenda,
      placeName: item.placeName,
      address: item.address,
      hostOrganizationId: item.hostOrganizationId,
      transport: item.transport,
      allMembers: item.allMembers,
      memberIds: of(members, item.id),
      caseIds: of(linked, item.id),
    })),
  };
}

export type ItineraryState = Awaited<ReturnType<typeof itineraryState>>;
export type ItineraryStateItem = ItineraryState["items"][number];
