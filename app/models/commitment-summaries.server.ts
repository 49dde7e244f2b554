// What a commitment's page shows besides its own row: its focal points, confirmations and activities.
import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import {
  activities,
  activityCommitments,
  commitmentConfirmations,
  commitmentFocalPoints,
  people,
  users,
} from "../../db/schema";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { titleOnSql } from "./person-positions.server";
import { datedActivityFields } from "./activity.server";

interface ConfirmationView {
  countryCode: string;
  confirmedAt: Date;
  confirmedBy: { id: number; name: string } | null;
  /** Recorded by an administrator on the side's behalf, not by one of its own. */
  onBehalf: boolean;
}

/** Rows grouped by the commitment they belong to, in their order. */
function byCommitment<R extends { commitmentId: number }, V>(rows: R[], value: (row: R) => V) {
  const groups = new Map<number, V[]>();
  for (const r of rows) {
    const list = groups.get(r.commitmentId) ?? [];
    list.push(value(r));
    groups.set(r.commitmentId, list);
  }
  return groups;
}

interface ServingActivity {
  id: number;
  title: LocalizedText;
  startsAt: Date;
  allDay: boolean;
}

// Each of these answers for a whole set of commitments in one query, and asks nothing for none.

interface FocalPoint {
  personId: number;
  name: string;
  title: LocalizedText | null;
}

/** Each commitment's focal points by side, each with the title held on `day` (the viewer's today). */
export async function focalPointsFor(
  db: Database,
  ids: number[],
  day: string,
): Promise<Map<number, Record<string, FocalPoint>>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      commitmentId: commitmentFocalPoints.commitmentId,
      countryCode: commitmentFocalPoints.countryCode,
      personId: people.id,
      name: people.name,
      title: titleOnSql(people.id, sql`${day}::date`),
    })
    .from(commitmentFocalPoints)
    .innerJoin(people, eq(people.id, commitmentFocalPoints.personId))
    .where(inArray(commitmentFocalPoints.commitmentId, ids));
  const grouped = byCommitment(rows, ({ countryCode, commitmentId: _, ...person }) => [countryCode, person] as const);
  return new Map([...grouped].map(([id, sides]) => [id, Object.fromEntries(sides)]));
}

/** Who confirmed each commitment for which side, earliest first. */
export async function confirmationsFor(db: Database, ids: number[]): Promise<Map<number, ConfirmationView[]>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      commitmentId: commitmentConfirmations.commitmentId,
      countryCode: commitmentConfirmations.countryCode,
      confirmedAt: commitmentConfirmations.confirmedAt,
      onBehalf: commitmentConfirmations.onBehalf,
      userId: users.id,
      userName: users.name,
    })
    .from(commitmentConfirmations)
    .leftJoin(users, eq(users.id, commitmentConfirmations.confirmedBy))
    .where(inArray(commitmentConfirmations.commitmentId, ids))
    .orderBy(asc(commitmentConfirmations.confirmedAt));
  return byCommitment(rows, (r): ConfirmationView => ({
    countryCode: r.countryCode,
    confirmedAt: r.confirmedAt,
    confirmedBy: r.userId ? { id: r.userId, name: r.userName! } : null,
    onBehalf: r.onBehalf,
  }));
}

/**
 * The activities that serve each commitment, newest first: the latest `limit` of them and how
 * many there are in all (a commitment of a busy plan is served by hundreds).
 */
export async function activitiesFor(
  db: Database,
  ids: number[],
  limit: number,
): Promise<Map<number, { latest: ServingActivity[]; total: number }>> {
  if (!ids.length) return new Map();
  const ranked = db
    .select({
      commitmentId: activityCommitments.commitmentId,
      ...datedActivityFields,
      rank: sql<number>`row_number() over (partition by ${activityCommitments.commitmentId} order by ${activities.startsAt} desc, ${activities.id} desc)`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${activityCommitments.commitmentId})`.as("total"),
    })
    .from(activityCommitments)
    .innerJoin(activities, eq(activities.id, activityCommitments.activityId))
    .where(inArray(activityCommitments.commitmentId, ids))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.commitmentId), asc(ranked.rank));
  const served = new Map<number, { latest: ServingActivity[]; total: number }>();
  for (const { commitmentId, rank: _, total, ...activity } of rows) {
    const entry = served.get(commitmentId) ?? { latest: [], total: Number(total) };
    entry.latest.push(activity);
    served.set(commitmentId, entry);
  }
  return served;
}

/** How many of the activities serving a commitment its own page lists. */
export const activitiesPerPage = 50;
