// Reading agreements: the list and one agreement's page.
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agreements } from "../../db/schema";
import type { Database } from "../../db/client";
import { calendarToday } from "../lib/zoned-time";
import { agreementStateOf, renewalInEffect } from "../lib/agreement-status";
import { commitmentCountsByAgreement, progressOf } from "./agreement-progress.server";
import { isFullyConfirmed } from "./commitment-confirmations.server";
import { isOverdue } from "./commitment-overdue.server";
import { commitmentCards } from "./agreement-commitment-cards.server";
import { agreementHead } from "./agreement-head.server";

/** The renewals in effect that make an agreement renewed, to name and link beside its status. */
function renewedByOf<R extends Parameters<typeof renewalInEffect>[0]>(
  state: string,
  renewals: R[],
  today: string,
): R[] {
  return state === "renewed" ? renewals.filter((r) => renewalInEffect(r, today)) : [];
}

export async function listAgreements(db: Database, today = calendarToday("UTC")) {
  const parent = alias(agreements, "parent");
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: agreements.id,
        slug: agreements.slug,
        partnershipId: agreements.partnershipId,
        kind: agreements.kind,
        title: agreements.title,
        status: agreements.status,
        signedOn: agreements.signedOn,
        inForceFrom: agreements.inForceFrom,
        inForceUntil: agreements.inForceUntil,
        inForceUntilInferred: agreements.inForceUntilInferred,
        parentId: agreements.parentId,
        parentTitle: parent.title,
        example: agreements.example,
      })
      .from(agreements)
      .leftJoin(parent, eq(parent.id, agreements.parentId))
      .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id)),
    commitmentCountsByAgreement(db),
  ]);
  const renewalsOf = new Map<number, typeof rows>();
  for (const r of rows) {
    if (r.kind !== "renewal" || !r.parentId) continue;
    renewalsOf.set(r.parentId, [...(renewalsOf.get(r.parentId) ?? []), r]);
  }
  return rows.map((r) => {
    const renewals = renewalsOf.get(r.id) ?? [];
    const state = agreementStateOf(r, renewals, today);
    const c = counts.get(r.id) ?? {};
    return {
      ...r,
      commitments: c,
      progress: progressOf(c),
      state,
      renewedBy: renewedByOf(state, renewals, today).map((x) => ({ id: x.id, title: x.title })),
    };
  });
}

/** How many commitments the agreement page lists at a time. */
export const commitmentPageSize = 20;

/**
 * An agreement with everything its page shows: its progress over all its commitments, counted in
 * the database, and one page of the commitments in full. Two prepared queries, run together,
 * however many commitments it has.
 */
export async function getAgreement(
  db: Database,
  id: number,
  today = calendarToday("UTC"),
  {
    page = 1,
    pageSize = commitmentPageSize,
    viewerId = null,
  }: { page?: number; pageSize?: number; viewerId?: number | null } = {},
) {
  const [head, items] = await Promise.all([
    agreementHead(db, id, today, viewerId),
    commitmentCards(db, id, { page, pageSize }),
  ]);
  if (!head) return null;
  const { agreement, parent, partnership, signatories, children, sides, tally, following } = head;
  const list = items.map((c) => ({
    ...c,
    overdue: isOverdue(c, today),
    fullyConfirmed: isFullyConfirmed(c.status, sides, c.confirmations),
  }));
  const { counts: statusCounts, overdue, fullyConfirmed } = tally;
  const progress = progressOf(statusCounts);
  const renewals = children.filter((c) => c.kind === "renewal");
  const state = agreementStateOf(agreement, renewals, today);
  return {
    ...agreement,
    state,
    partnership,
    parent,
    /** Every later agreement that continues or implements this one. */
    continuedBy: children,
    renewedBy: renewedByOf(state, renewals, today),
    signatories,
    sides,
    /** Whether the viewer (`viewerId`) follows it. */
    following,
    counts: statusCounts,
    progress: { ...progress, overdue, fullyConfirmed },
    commitments: list,
    commitmentPage: { page, pageSize, total: progress.total },
  };
}
