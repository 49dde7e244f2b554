// Reading a visit's follow-ups: the list (two queries whatever its length), one for editing, and
// what the follow-ups page offers to choose from.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { activities, commitments, followUpCommitments, followUps, users, visits } from "../../db/schema";
import type { Database } from "../../db/client";
import type { FollowUpStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { followUpSnapshot } from "./follow-up.server";

/** A follow-up as lists show it. */
export interface FollowUpItem {
  id: number;
  visitId: number;
  title: LocalizedText;
  ownerId: number;
  ownerName: string;
  dueOn: string;
  status: FollowUpStatus;
  /** Open and due before the viewer's today. */
  overdue: boolean;
  version: number;
  commitments: { id: number; text: LocalizedText }[];
  /** Part of the demo's example scenario. */
  example: boolean;
}

/** An open follow-up due before `today` (the viewer's calendar date) is overdue. */
export const isOverdue = (f: { status: FollowUpStatus; dueOn: string }, today: string) =>
  f.status === "open" && f.dueOn < today;

/** The commitments each follow-up serves, by follow-up id, in one query. */
export async function commitmentsByFollowUp(db: Database, ids: number[]) {
  const byFollowUp = new Map<number, { id: number; text: LocalizedText }[]>();
  if (!ids.length) return byFollowUp;
  const rows = await db
    .select({ followUpId: followUpCommitments.followUpId, id: commitments.id, text: commitments.text })
    .from(followUpCommitments)
    .innerJoin(commitments, eq(commitments.id, followUpCommitments.commitmentId))
    .where(inArray(followUpCommitments.followUpId, ids))
    .orderBy(asc(commitments.position), asc(commitments.id));
  for (const { followUpId, ...c } of rows) {
    const list = byFollowUp.get(followUpId) ?? [];
    list.push(c);
    byFollowUp.set(followUpId, list);
  }
  return byFollowUp;
}

/** A visit's follow-ups by due date, each with its owner and commitments; `today` judges "overdue". */
export async function visitFollowUps(db: Database, visitId: number, today: string): Promise<FollowUpItem[]> {
  const rows = await db
    .select({
      id: followUps.id,
      visitId: followUps.visitId,
      title: followUps.title,
      ownerId: followUps.ownerId,
      ownerName: users.name,
      dueOn: followUps.dueOn,
      status: followUps.status,
      version: followUps.version,
      example: followUps.example,
    })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.ownerId))
    .where(eq(followUps.visitId, visitId))
    .orderBy(asc(followUps.dueOn), asc(followUps.id));
  const linked = await commitmentsByFollowUp(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today), commitments: linked.get(r.id) ?? [] }));
}

/** One follow-up of a visit as its edit form starts from it; null when there is none. */
export async function getFollowUpForEdit(db: Database, visitId: number, id: number) {
  const [row] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.id, id), eq(followUps.visitId, visitId)));
  if (!row) return null;
  const linked = await db
    .select({ id: followUpCommitments.commitmentId })
    .from(followUpCommitments)
    .where(eq(followUpCommitments.followUpId, id));
  return followUpSnapshot(
    row,
    linked.map((c) => c.id),
  );
}

/**
 * The visit the follow-ups page is about (its title) and the choices its form offers: enabled
 * users as owners, and the commitments of the visit's agreement. Null when there is no such visit.
 */
export async function followUpPageData(db: Database, visitId: number) {
  const [visit] = await db
    .select({ id: activities.id, title: activities.title, agreementId: activities.agreementId })
    .from(visits)
    .innerJoin(activities, eq(activities.id, visits.activityId))
    .where(eq(visits.activityId, visitId));
  if (!visit) return null;
  const [owners, agreementCommitments] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(isNull(users.disabledAt))
      .orderBy(asc(users.name), asc(users.id)),
    visit.agreementId
      ? db
          .select({ id: commitments.id, text: commitments.text })
          .from(commitments)
          .where(eq(commitments.agreementId, visit.agreementId))
          .orderBy(asc(commitments.position), asc(commitments.id))
      : Promise.resolve([]),
  ]);
  return { visit: { id: visit.id, title: visit.title }, owners, commitments: agreementCommitments };
}

export type FollowUpOptions = Omit<NonNullable<Awaited<ReturnType<typeof followUpPageData>>>, "visit">;
