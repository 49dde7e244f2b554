// How far an agreement's commitments have come: counts by status, progress, overdue and confirmed.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { agreements, commitmentConfirmations, commitments, partnershipCountries } from "../../db/schema";
import { commitmentStatuses, type CommitmentStatus } from "../lib/enums";
import type { Database } from "../../db/client";
import { overdueWhere } from "./commitment-overdue.server";
import { preparedOnce } from "./prepared.server";

export type StatusCounts = Partial<Record<CommitmentStatus, number>>;

/** Commitment counts by status for each agreement, in one grouped query. */
export async function commitmentCountsByAgreement(db: Database, agreementIds?: number[]) {
  const rows = await db
    .select({ agreementId: commitments.agreementId, status: commitments.status, n: count() })
    .from(commitments)
    .where(agreementIds ? inArray(commitments.agreementId, agreementIds) : undefined)
    .groupBy(commitments.agreementId, commitments.status);
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
 * and confirmed by every side of the partnership: one grouped pass over all of them (on an
 * agreement of 5,000 commitments each pass is most of what its page costs the database).
 */
export async function agreementTally(db: Database, agreementId: number, today: string) {
  const rows = await preparedOnce(db, "agreement_tally", () => tallyQuery(db)).execute({ agreementId, today });
  const counts: StatusCounts = {};
  for (const r of rows) counts[r.status] = Number(r.n);
  return {
    counts,
    overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
    fullyConfirmed: Number(rows[0]?.fullyConfirmed ?? 0),
  };
}

function tallyQuery(db: Database) {
  // The partnership is the agreement's, so the tally needs nothing read before it.
  const partnershipId = sql`(select ${agreements.partnershipId} from ${agreements} where ${agreements.id} = ${sql.placeholder("agreementId")})`;
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${partnershipId})`;
  // Counted from the confirmations, which are few, rather than by a look-up per complete
  // commitment: on an agreement of 5,000 commitments that was a thousand subqueries a page view.
  const confirmedCommitments = db
    .select({ id: commitmentConfirmations.commitmentId })
    .from(commitmentConfirmations)
    .innerJoin(commitments, eq(commitments.id, commitmentConfirmations.commitmentId))
    .innerJoin(
      partnershipCountries,
      and(
        eq(partnershipCountries.countryCode, commitmentConfirmations.countryCode),
        eq(partnershipCountries.partnershipId, partnershipId),
      ),
    )
    .where(and(eq(commitments.agreementId, sql.placeholder("agreementId")), eq(commitments.status, "complete")))
    .groupBy(commitmentConfirmations.commitmentId)
    .having(sql`count(distinct ${commitmentConfirmations.countryCode}) = ${sideCount}`);
  const fullyConfirmed = sql<number>`(select count(*) from (${confirmedCommitments}) as confirmed)`;
  return db
    .select({
      status: commitments.status,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${overdueWhere(sql.placeholder("today"))})`,
      fullyConfirmed,
    })
    .from(commitments)
    .where(eq(commitments.agreementId, sql.placeholder("agreementId")))
    .groupBy(commitments.status)
    .prepare("agreement_tally");
}
