// Who is due a follow-up reminder now: each open follow-up's owner, a few days before it is due
// and once it is overdue, judged by the owner's own calendar date. One query for every owner.
import { and, eq, gte, isNull, lte } from "drizzle-orm";
import { activities, followUps, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { localized } from "../lib/localized";
import { calendarToday } from "../lib/zoned-time";
import { daysBetween } from "../models/dashboard-clock.server";
import type { Candidate } from "./notice-candidates.server";
import { recipientColumns } from "./notice-targets.server";
import { followUpReminderMail } from "./templates/follow-up-reminder";

const dayMs = 86_400_000;
/** How many days ahead the owner is reminded ("a few days before due"). */
export const followUpLeadDays = 3;
/** How long after its due date an overdue reminder is still sent: a scheduler away catches up within it. */
const overdueCatchUpDays = 7;

/**
 * Reminders due at `now`: "due" while the due date is 0 to 3 days away on the owner's calendar,
 * "overdue" in the first week after it passed (not for every old follow-up on the day this
 * starts). Only open follow-ups, owners enabled and with follow-up reminders on.
 */
export async function dueFollowUpReminders(db: Database, now: Date) {
  // A day of margin either side: the owners' dates differ from UTC's by at most one.
  const earliest = new Date(now.getTime() - (overdueCatchUpDays + 1) * dayMs).toISOString().slice(0, 10);
  const latest = new Date(now.getTime() + (followUpLeadDays + 1) * dayMs).toISOString().slice(0, 10);
  const rows = await db
    .select({
      ...recipientColumns,
      followUpId: followUps.id,
      title: followUps.title,
      dueOn: followUps.dueOn,
      visitId: followUps.visitId,
      visitTitle: activities.title,
    })
    .from(followUps)
    .innerJoin(users, and(eq(users.id, followUps.ownerId), isNull(users.disabledAt), eq(users.remindFollowUps, true)))
    .innerJoin(activities, eq(activities.id, followUps.visitId))
    .where(and(eq(followUps.status, "open"), gte(followUps.dueOn, earliest), lte(followUps.dueOn, latest)));
  const reminders: ((typeof rows)[number] & { kind: "due" | "overdue" })[] = [];
  for (const r of rows) {
    const days = daysBetween(calendarToday(r.timeZone, now), r.dueOn);
    if (days >= 0 && days <= followUpLeadDays) reminders.push({ ...r, kind: "due" });
    else if (days < 0 && days >= -overdueCatchUpDays) reminders.push({ ...r, kind: "overdue" });
  }
  return reminders;
}

/** The reminders due at `now` as the scheduler queues them: keyed per follow-up, owner and due date. */
export async function followUpCandidates(db: Database, now: Date): Promise<Candidate[]> {
  const reminders = await dueFollowUpReminders(db, now);
  return reminders.map((r) => ({
    // Owner and due date are in the key: a new owner or a new date is reminded again.
    dedupeKey: `${r.kind === "due" ? `follow-up-due:${followUpLeadDays}d` : "follow-up-overdue"}:${r.followUpId}:${r.userId}:${r.dueOn}`,
    kind: "follow_up_due",
    notice: "followups",
    to: r,
    make: async (f) =>
      followUpReminderMail(
        f,
        {
          title: localized(r.title, f.lang),
          visit: localized(r.visitTitle, f.lang),
          dueOn: r.dueOn,
          url: `${f.origin}/visits/${r.visitId}/follow-ups#follow-up-${r.followUpId}`,
        },
        r.kind,
      ),
  }));
}
