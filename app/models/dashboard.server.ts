import type { Database } from "../../db/client";
import { activitiesPerQuarter, upcomingActivities } from "./dashboard-activities.server";
import {
  commitmentsByAgreement,
  dormantAgreements,
  expiringAgreements,
  overdueCommitments,
} from "./dashboard-agreements.server";
import { expiringDays } from "../lib/agreement-status";
import { addDays, dashboardClock } from "./dashboard-clock.server";
import { planProgress } from "./dashboard-plans.server";
import { followUpSummary } from "./dashboard-follow-ups.server";
import { upcomingVisits } from "./dashboard-visits.server";

// The dashboard's sections live by job: the plans' progress, the agreement lists, the activity
// lists and chart, and the calendar arithmetic they share.
export { activitiesPerQuarter } from "./dashboard-activities.server";
export { overdueCommitments } from "./dashboard-agreements.server";
export { addMonths, dashboardClock, quarterStart } from "./dashboard-clock.server";
export type { PlanProgress } from "./dashboard-plans.server";

/** Everything the staff dashboard shows, in parallel queries that each aggregate in SQL. */
export async function getDashboard(db: Database, now: Date = new Date(), timeZone = "UTC") {
  const clock = dashboardClock(now, timeZone);
  const [plans, agreementCommitments, upcoming, overdue, expiring, dormant, quarters, visits, followUps] =
    await Promise.all([
      planProgress(db, clock),
      commitmentsByAgreement(db, clock),
      upcomingActivities(db, clock),
      overdueCommitments(db, clock),
      expiringAgreements(db, clock),
      dormantAgreements(db, clock),
      activitiesPerQuarter(db, clock),
      upcomingVisits(db, clock),
      followUpSummary(db, clock),
    ]);
  return {
    today: clock.today,
    plans,
    agreements: agreementCommitments,
    upcoming,
    overdue,
    expiring,
    expiringUntil: addDays(clock.today, expiringDays),
    dormant,
    quarters,
    visits,
    followUps,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
