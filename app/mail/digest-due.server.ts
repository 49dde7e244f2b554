// Who is due a weekly digest now: Monday 08:00 or later on their own clock, and the week it covers.
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { follows, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import { recipientColumns } from "./notice-targets.server";

const dayMs = 86_400_000;
const digestTime = "08:00";

/** The ISO week (2026-W48) of a calendar date. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const minusDays = (day: string, days: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() - days * dayMs).toISOString().slice(0, 10);

/**
 * Users whose digest is due at `now`: it is Monday, 08:00 or later, on their own clock. The week it
 * covers runs from the Monday before, 08:00, to this one, on that clock, so every pass of that
 * Monday computes the same digest. Only enabled users with the preference on who follow something.
 */
export async function dueDigests(db: Database, now: Date) {
  const rows = await db
    .select(recipientColumns)
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        eq(users.weeklyDigest, true),
        exists(
          db
            .select({ one: sql`1` })
            .from(follows)
            .where(eq(follows.userId, users.id)),
        ),
      ),
    );
  return rows.flatMap((user) => {
    const local = utcToZoned(now, user.timeZone);
    const monday = new Date(`${local.date}T00:00:00Z`).getUTCDay() === 1;
    if (!monday || local.time < digestTime) return [];
    return [
      {
        ...user,
        week: isoWeek(local.date),
        from: zonedToUtc(minusDays(local.date, 7), digestTime, user.timeZone),
        to: zonedToUtc(local.date, digestTime, user.timeZone),
      },
    ];
  });
}

export type DueDigest = Awaited<ReturnType<typeof dueDigests>>[number];
