// Saving a visit's itinerary: every item at once, in one transaction with one audit row, checked
// against the itinerary's own version (visits.itinerary_version), so two editors of the same
// itinerary conflict and an editor of another part of the visit does not.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  activities,
  attachments,
  cases,
  itineraryItemCases,
  itineraryItemMembers,
  itineraryItems,
  organizations,
  visitMembers,
  visits,
} from "../../db/schema";
import type { Database } from "../../db/client";
import { canonicalTimeZone } from "../lib/format";
import type { FormErrors } from "../lib/forms";
import type { LocalizedText } from "../lib/localized";
import { utcToZoned } from "../lib/zoned-time";
import { documentStoreFor } from "../storage/document-store";
import { detachDocument } from "./attachments.server";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError, RecordError } from "./errors.server";
import { itineraryState, type ItineraryState } from "./itinerary-state.server";

/** One item as the model writes it; `id` keeps a stored item (so calendars keep its UID). */
export interface ItineraryItemInput {
  id: number | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  title: LocalizedText;
  agenda: LocalizedText | null;
  placeName: string | null;
  address: string | null;
  hostOrganizationId: number | null;
  transport: string | null;
  /** True: the whole delegation attends; false: the members in `memberIds`. */
  allMembers: boolean;
  memberIds: number[];
  caseIds: number[];
}

export interface ItineraryChange {
  visitId: number;
  /** The itinerary version the editor started from. */
  version: number;
  items: ItineraryItemInput[];
}

/** The visit's days on the place's calendar: an all-day visit's dates as they are, else in `timeZone`. */
function visitDays(activity: { startsAt: Date; endsAt: Date; allDay: boolean }, timeZone: string) {
  if (activity.allDay)
    return { from: activity.startsAt.toISOString().slice(0, 10), to: activity.endsAt.toISOString().slice(0, 10) };
  return { from: utcToZoned(activity.startsAt, timeZone).date, to: utcToZoned(activity.endsAt, timeZone).date };
}

/** The rules of each item, as messages by field and row ("itemEnd[2]"); the row is the item's index. */
async function check(
  tx: Database,
  visitId: number,
  activity: Parameters<typeof visitDays>[0],
  items: ItineraryItemInput[],
) {
  const errors: FormErrors = {};
  const ids = (pick: (item: ItineraryItemInput) => number[]) => [...new Set(items.flatMap(pick))];
  const hostIds = ids((item) => (item.hostOrganizationId ? [item.hostOrganizationId] : []));
  const caseIds = ids((item) => item.caseIds);
  const [members, hosts, caseRows] = await Promise.all([
    tx.select({ id: visitMembers.id }).from(visitMembers).where(eq(visitMembers.visitId, visitId)),
    hostIds.length
      ? tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, hostIds))
      : [],
    caseIds.length ? tx.select({ id: cases.id }).from(cases).where(inArray(cases.id, caseIds)) : [],
  ]);
  const onVisit = new Set(members.map((m) => m.id));
  const hostKnown = new Set(hosts.map((h) => h.id));
  const caseKnown = new Set(caseRows.map((c) => c.id));
  items.forEach((item, i) => {
    const zone = canonicalTimeZone(item.timeZone);
    if (!zone) errors[`itemZone[${i}]`] = { key: "itinerary.unknownTimeZone" };
    if (item.endsAt.getTime() <= item.startsAt.getTime()) errors[`itemEnd[${i}]`] = { key: "itinerary.endBeforeStart" };
    if (zone) {
      const days = visitDays(activity, zone);
      const first = utcToZoned(item.startsAt, zone).date;
      const last = utcToZoned(item.endsAt, zone).date;
      if (first < days.from || last > days.to)
        errors[`itemDay[${i}]`] = { key: "itinerary.outsideVisit", values: days };
    }
    if (!item.allMembers && !item.memberIds.length) errors[`itemAttendance[${i}]`] = { key: "itinerary.chooseMembers" };
    if (item.memberIds.some((id) => !onVisit.has(id)))
      errors[`itemAttendance[${i}]`] = { key: "itinerary.memberNotOnVisit" };
    if (item.hostOrganizationId && !hostKnown.has(item.hostOrganizationId))
      errors[`itemHost[${i}]`] = { key: "itinerary.unknownHost" };
    if (item.caseIds.some((id) => !caseKnown.has(id))) errors[`itemCases[${i}]`] = { key: "itinerary.unknownCase" };
  });
  if (Object.keys(errors).length) throw new RecordError(errors);
}

const itemValues = (visitId: number, item: ItineraryItemInput) => ({
  visitId,
  startsAt: item.startsAt,
  endsAt: item.endsAt,
  timeZone: canonicalTimeZone(item.timeZone)!,
  title: item.title,
  agenda: item.agenda,
  placeName: item.placeName,
  address: item.address,
  hostOrganizationId: item.hostOrganizationId,
  transport: item.transport,
  allMembers: item.allMembers,
});

/**
 * Items left out of a save take their documents with them: attachments name their record by kind
 * and id, with no foreign key, so they would otherwise stay behind, and a document no record
 * carries any more is deleted with its bytes (detachDocument), each with its audit row.
 */
async function detachFromRemoved(tx: Database, actor: Actor, itemIds: number[]) {
  if (!itemIds.length) return;
  const attached = await tx
    .select({ documentId: attachments.documentId, itemId: attachments.subjectId })
    .from(attachments)
    .where(and(eq(attachments.subjectKind, "itinerary_item"), inArray(attachments.subjectId, itemIds)));
  const store = documentStoreFor(tx);
  for (const { documentId, itemId } of attached)
    await detachDocument(tx, store, actor, { documentId, subject: { kind: "itinerary_item", id: itemId } });
}

/**
 * Replaces the visit's itinerary with `change.items` if nobody saved it since `change.version`;
 * otherwise ConflictError (carrying the itinerary saved now) and nothing changes. Stored items keep
 * their ids; the others are added, and items left out are deleted. A broken rule is a RecordError
 * naming the item's field and index. Null when the visit does not exist.
 */
export async function saveItinerary(db: Database, actor: Actor, change: ItineraryChange) {
  const { visitId, items } = change;
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .select({
        version: visits.itineraryVersion,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        allDay: activities.allDay,
      })
      .from(visits)
      .innerJoin(activities, eq(activities.id, visits.activityId))
      .where(eq(visits.activityId, visitId))
      .for("update", { of: visits });
    if (!visit) return null;
    const before = await itineraryState(tx, visitId, visit.version);
    if (visit.version !== change.version) throw new ConflictError(before);
    await check(tx, visitId, visit, items);

    // Stored items keep their ids; new ones take theirs from the sequence first, so the whole
    // itinerary goes back in one statement with its members and cases in one each.
    const stored = new Set(before.items.map((item) => item.id));
    const isKept = (item: ItineraryItemInput) => item.id !== null && stored.has(item.id);
    const fresh = items.filter((item) => !isKept(item)).length;
    const newIds = fresh
      ? (
          await tx
            .select({ id: sql<number>`nextval(pg_get_serial_sequence('itinerary_items', 'id'))::int` })
            .from(sql`generate_series(1, ${fresh})`)
        ).map((r) => Number(r.id))
      : [];
    const ids = items.map((item) => (isKept(item) ? item.id! : newIds.shift()!));
    await detachFromRemoved(
      tx,
      actor,
      before.items.map((item) => item.id).filter((id) => !ids.includes(id)),
    );
    await tx.delete(itineraryItems).where(eq(itineraryItems.visitId, visitId));
    if (items.length)
      await tx.insert(itineraryItems).values(items.map((item, i) => ({ id: ids[i]!, ...itemValues(visitId, item) })));
    const memberRows = items.flatMap((item, i) =>
      item.allMembers ? [] : [...new Set(item.memberIds)].map((memberId) => ({ itemId: ids[i]!, memberId })),
    );
    const caseRows = items.flatMap((item, i) =>
      [...new Set(item.caseIds)].map((caseId) => ({ itemId: ids[i]!, caseId })),
    );
    if (memberRows.length) await tx.insert(itineraryItemMembers).values(memberRows);
    if (caseRows.length) await tx.insert(itineraryItemCases).values(caseRows);

    const version = visit.version + 1;
    await tx.update(visits).set({ itineraryVersion: version }).where(eq(visits.activityId, visitId));
    const after = await itineraryState(tx, visitId, version);
    await recordAudit(tx, { actor, action: "update", entityType: "itinerary", entityId: visitId, before, after });
    return after;
  });
}

export type { ItineraryState };
