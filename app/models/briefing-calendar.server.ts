// What a visit's calendar files are made of: the itinerary (all of it, or one member's items) and
// the itinerary's version, which every event carries as its SEQUENCE.
import { and, eq } from "drizzle-orm";
import { activities, people, visitMembers } from "../../db/schema";
import type { Database } from "../../db/client";
import { itemsOf } from "./briefing.server";
import { itineraryOf } from "./itinerary-queries.server";

/**
 * The visit's items, or those of delegation member `memberId` (with the member's name), and the
 * itinerary's version. Null when there is no such visit or no such member of its delegation.
 */
export async function visitCalendar(db: Database, visitId: number, memberId: number | null) {
  const [itinerary, [visit], [member]] = await Promise.all([
    itineraryOf(db, visitId),
    db.select({ id: activities.id, title: activities.title }).from(activities).where(eq(activities.id, visitId)),
    memberId == null
      ? [null]
      : db
          .select({ id: visitMembers.id, name: people.name })
          .from(visitMembers)
          .innerJoin(people, eq(people.id, visitMembers.personId))
          .where(
            and(eq(visitMembers.id, memberId), eq(visitMembers.visitId, visitId), eq(visitMembers.side, "delegation")),
          ),
  ]);
  if (!itinerary || !visit || member === undefined) return null;
  return {
    visit: { ...visit, itineraryVersion: itinerary.version },
    member,
    items: member ? itemsOf(itinerary.items, member.id) : itinerary.items,
  };
}
