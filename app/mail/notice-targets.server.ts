// Who is due which reminder now: activity reminders and commitment notices, each one query for
// every recipient at once.
//
// Who "takes part" (the rule the issue leaves open). People (organizers' staff, participants,
// focal points) are records without accounts, and nothing links a person to a user; a user is
// linked to an organization. So a user takes part in an activity when their organization organizes
// it or employs one of its participants, and a commitment's focal points "with an account" are the
// users of the organizations its focal points work for. Only enabled users with the preference on.
import { and, eq, exists, gt, gte, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import {
  activities,
  activityOrganizers,
  activityParticipants,
  commitmentFocalPoints,
  commitments,
  countries,
  people,
  users,
} from "../../db/schema";
import type { Database } from "../../db/client";
import type { CommitmentStatus } from "../lib/enums";
import { calendarToday } from "../lib/zoned-time";
import { daysBetween } from "../models/dashboard-clock.server";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** What every notice needs of its recipient. */
export const recipientColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  timeZone: users.timeZone,
};

/** Activities that may still change their plans; cancelled, postponed or completed ones get no reminder. */
const remindedStatuses = ["planned", "confirmed"] as const;

/**
 * Reminders due at `now`: the week's one while the activity is 1 to 7 days away, the last one
 * within its final day. A scheduler that was away catches up on the one whose window it is in,
 * never on one whose window has passed.
 */
export async function dueActivityReminders(db: Database, now: Date) {
  const sameOrganization = eq(people.organizationId, users.organizationId);
  const rows = await db
    .selectDistinct({
      ...recipientColumns,
      activityId: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      allDay: activities.allDay,
      city: activities.city,
      country: countries.name,
      mode: activities.mode,
    })
    .from(activities)
    .innerJoin(
      users,
      and(
        isNull(users.disabledAt),
        eq(users.remindActivities, true),
        or(
          exists(
            db
              .select({ one: sql`1` })
              .from(activityOrganizers)
              .where(
                and(
                  eq(activityOrganizers.activityId, activities.id),
                  eq(activityOrganizers.organizationId, users.organizationId),
                ),
              ),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(activityParticipants)
              .innerJoin(people, eq(people.id, activityParticipants.personId))
              .where(and(eq(activityParticipants.activityId, activities.id), sameOrganization)),
          ),
        ),
      ),
    )
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .where(
      and(
        gt(activities.startsAt, now),
        lte(activities.startsAt, new Date(now.getTime() + 7 * dayMs)),
        inArray(activities.status, [...remindedStatuses]),
        // A reminder counts days to a start; an activity known only by its month or year has none.
        eq(activities.datePrecision, "day"),
      ),
    );
  return rows.map((r) => ({
    ...r,
    lead: r.startsAt.getTime() - now.getTime() <= dayMs ? ("1d" as const) : ("7d" as const),
  }));
}

/** Commitments whose work is over get no notices. */
const settled: CommitmentStatus[] = ["complete", "withdrawn"];

/** How long after its due date a commitment "becomes overdue": a scheduler away catches up within it. */
const overdueCatchUpDays = 7;

/**
 * Commitment notices due at `now`, judged by each recipient's own calendar date: "due" while the
 * due date is 0 to 14 days away, "overdue" in the first week after it passed (not for every old
 * overdue commitment on the day this starts).
 */
export async function dueCommitmentNotices(db: Database, now: Date) {
  // A day of margin either side: the recipients' dates differ from UTC's by at most one.
  const earliest = new Date(now.getTime() - (overdueCatchUpDays + 1) * dayMs).toISOString().slice(0, 10);
  const latest = new Date(now.getTime() + 15 * dayMs).toISOString().slice(0, 10);
  const rows = await db
    .selectDistinct({
      ...recipientColumns,
      commitmentId: commitments.id,
      text: commitments.text,
      dueOn: commitments.dueOn,
      status: commitments.status,
    })
    .from(commitments)
    .innerJoin(
      users,
      and(
        isNull(users.disabledAt),
        eq(users.remindCommitments, true),
        exists(
          db
            .select({ one: sql`1` })
            .from(commitmentFocalPoints)
            .innerJoin(people, eq(people.id, commitmentFocalPoints.personId))
            .where(
              and(
                eq(commitmentFocalPoints.commitmentId, commitments.id),
                eq(people.organizationId, users.organizationId),
              ),
            ),
        ),
      ),
    )
    .where(
      and(gte(commitments.dueOn, earliest), lte(commitments.dueOn, latest), notInArray(commitments.status, settled)),
    );
  const notices: ((typeof rows)[number] & { dueOn: string; kind: "due" | "overdue" })[] = [];
  for (const r of rows) {
    const dueOn = r.dueOn!;
    const days = daysBetween(calendarToday(r.timeZone, now), dueOn);
    if (days >= 0 && days <= 14) notices.push({ ...r, dueOn, kind: "due" });
    else if (days < 0 && days >= -overdueCatchUpDays) notices.push({ ...r, dueOn, kind: "overdue" });
  }
  return notices;
}
