// What a visit's calendar files are made of: the itinerary (all of it, or one member's items) and
// the itinerary's version, which every event carries as its SEQUENCE.
import { and, eq } from "drizzle-orm";
import { activities, people, visitMembers, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import { itemsOf } from "./briefing.server";
import { briefingItems } from "./briefing-program.server";

/**
 * The visit's items, or those of delegation member `memberId` (with the member's name), and the
 * itinerary's version. Null when there is no such visit or no such member of its delegation.
 */
export async function visitCalendar(db: Database, visitId: number, memberId: number | null) {
  const [visit] = await db
    .select({ id: activities.id, title: activities.title, itineraryVersion: visits.itineraryVersion })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .where(eq(visits.activityId, visitId));
  if (!visit) return null;
  let member: { id: number; name: string } | null = null;
  if (memberId != null) {
    const [row] = await db
      .select({ id: visitMembers.id, name: people.name })
      .from(visitMembers)
      .innerJoin(people, eq(people.id, visitMembers.personId))
      .where(
        and(eq(visitMembers.id, memberId), eq(visitMembers.visitId, visitId), eq(visitMembers.side, "delegation")),
      );
    if (!row) return null;
    member = row;
  }
  const items = await briefingItems(db, visitId);
  return { visit, member, items: member ? itemsOf(items, member.id) : items };
}
