import { asc, desc, eq, gte, lt } from "drizzle-orm";
import { activities, countries } from "../../db/schema";
import type { Database } from "../db.server";
import { listAgreements } from "./agreement.server";

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

export async function getDashboard(db: Database, now = new Date()) {
  const [agreements, upcoming, recent] = await Promise.all([
    listAgreements(db),
    upcomingActivities(db, now),
    recentActivities(db, now),
  ]);
  return { agreements, upcoming, recent };
}
