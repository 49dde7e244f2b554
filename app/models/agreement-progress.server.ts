// How far an agreement's commitments have come: counts by status, progress, overdue and confirmed.
import { inArray, sql, type SQLWrapper } from "drizzle-orm";
import { commitmentMonthTallies, commitments, partnershipCountries } from "../../db/schema";
import { commitmentStatuses, type CommitmentStatus } from "../lib/enums";
import type { Database } from "../../db/client";
import { overdueWhere } from "./commitment-overdue.server";

export type StatusCounts = Partial<Record<CommitmentStatus, number>>;

/** Commitment counts by status for each agreement, from their tallies in one grouped query. */
export async function commitmentCountsByAgreement(db: Database, agreementIds?: number[]) {
  const rows = await db
    .select({
      agreementId: commitmentMonthTallies.agreementId,
      status: commitmentMonthTallies.status,
      n: sql<string>`sum(${commitmentMonthTallies.n})`,
    })
    .from(commitmentMonthTallies)
    .where(agreementIds ? inArray(commitmentMonthTallies.agreementId, agreementIds) : undefined)
    .groupBy(commitmentMonthTallies.agreementId, commitmentMonthTallies.status);
  const counts = new Map<number, StatusCounts>();
  for (const r of rows) {
    const c = counts.get(r.agreementId) ?? {};
    c[r.status] = Number(r.n);
    counts.set(r.agreementId, c);
  }
  return counts;
}

export interface Progress {
  total: number;
  /** Commitments still expected: all but the withdrawn ones. */
  active: number;
  complete: number;
  percent: number;
}

/** "n of m complete": withdrawn commitments no longer count towards m. */
export function progressOf(counts: StatusCounts): Progress {
  const total = commitmentStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const active = total - (counts.withdrawn ?? 0);
  const complete = counts.complete ?? 0;
  return { total, active, complete, percent: active ? Math.round((complete * 100) / active) : 0 };
}

/**
 * An agreement's commitments counted by status, how many are overdue, and how many are complete
 * and confirmed by every side of the partnership, as columns of a query that has the agreement at
 * hand (the agreement page's head query). All three add up the agreement's month tallies (a row per
 * status, due month and confirming sides); only the overdue work due earlier in the viewer's own
 * month, which a month's row cannot tell from the rest, is counted from the commitments.
 */
export function tallyColumns(at: { agreementId: SQLWrapper; partnershipId: SQLWrapper; today: SQLWrapper }) {
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${at.partnershipId})`;
  const tally = commitmentMonthTallies;
  const month = sql`date_trunc('month', ${at.today}::timestamp)::date`;
  return {
    statusCounts: sql<{ counts: Record<string, number> | null; overdue: number | null; confirmed: number | null }>`(
      select json_build_object('counts', json_object_agg(by_status.status, by_status.n),
        'overdue', sum(by_status.overdue), 'confirmed', sum(by_status.confirmed))
      from (select ${tally.status} as status, sum(${tally.n}) as n,
          coalesce(sum(${tally.n}) filter (where ${overdueWhere(month, { dueOn: tally.dueMonth, status: tally.status })}), 0) as overdue,
          coalesce(sum(${tally.n}) filter (where ${tally.status} = 'complete'
            and ${tally.confirmedSides} >= ${sideCount} and ${sideCount} > 0), 0) as confirmed
        from ${tally} where ${tally.agreementId} = ${at.agreementId}
        group by ${tally.status}) as by_status)`,
    overdueThisMonth: sql<number>`(select count(*) from ${commitments}
      where ${commitments.agreementId} = ${at.agreementId} and ${commitments.dueOn} >= ${month}
        and ${overdueWhere(at.today)})`,
  };
}

/** The tally as the page uses it, from the columns `tallyColumns` added. */
export function readTally(row: {
  statusCounts: { counts: Record<string, number> | null; overdue: number | null; confirmed: number | null };
  overdueThisMonth: number;
}) {
  const counts: StatusCounts = {};
  for (const [status, n] of Object.entries(row.statusCounts.counts ?? {}))
    counts[status as CommitmentStatus] = Number(n);
  return {
    counts,
    overdue: Number(row.statusCounts.overdue ?? 0) + Number(row.overdueThisMonth),
    fullyConfirmed: Number(row.statusCounts.confirmed ?? 0),
  };
}
