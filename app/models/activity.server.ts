import { asc, count, desc, gte, lt, sql } from "drizzle-orm";
import { activities, countries } from "../../db/schema";
import { eq } from "drizzle-orm";
import type { Database } from "../db.server";

const listFields = {
  id: activities.id,
  title: activities.title,
  type: activities.type,
  status: activities.status,
  startsAt: activities.startsAt,
  allDay: activities.allDay,
  city: activities.city,
  countryName: countries.name,
};

export async function listActivities(db: Database, page: number, pageSize = 25) {
  const [rows, [total]] = await Promise.all([
    db
      .select(listFields)
      .from(activities)
      .leftJoin(countries, eq(countries.code, activities.countryCode))
      .orderBy(desc(activities.startsAt), desc(activities.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(activities),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize };
}

export function upcomingActivities(db: Database, now: Date, limit = 5) {
  return db
    .select(listFields)
    .from(activities)
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .where(gte(activities.endsAt, now))
    .orderBy(asc(activities.startsAt))
    .limit(limit);
}

export function recentActivities(db: Database, now: Date, limit = 5) {
  return db
    .select(listFields)
    .from(activities)
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .where(lt(activities.startsAt, now))
    .orderBy(desc(activities.startsAt))
    .limit(limit);
}

export async function countActivities(db: Database) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activities);
  return row?.n ?? 0;
}
