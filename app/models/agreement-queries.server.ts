// Reading agreements: the list and one agreement's page.
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agreementSignatories, agreements, partnerships, people } from "../../db/schema";
import type { Database } from "../../db/client";
import { calendarToday } from "../lib/zoned-time";
import { lifecycleOf } from "./agreement-lifecycle.server";
import { agreementTally, commitmentCountsByAgreement, progressOf } from "./agreement-progress.server";
import { isFullyConfirmed } from "./commitment-confirmations.server";
import { isOverdue } from "./commitment-overdue.server";
import { sidesOf } from "./commitment-sides.server";
import { commitmentCards } from "./agreement-commitment-cards.server";
import { citationsFor } from "./source.server";

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
        parentId: agreements.parentId,
        parentTitle: parent.title,
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
    const lifecycle = lifecycleOf(r, renewals, today);
    const c = counts.get(r.id) ?? {};
    return {
      ...r,
      commitments: c,
      progress: progressOf(c),
      lifecycle,
      renewedBy: lifecycle === "renewed" ? renewals.map((x) => ({ id: x.id, title: x.title })) : [],
    };
  });
}

/** How many commitments the agreement page lists at a time. */
export const commitmentPageSize = 20;

/**
 * An agreement with everything its page shows: its progress over all its commitments, counted in
 * the database, and one page of the commitments in full. Eight queries, however many commitments
 * it has.
 */
export async function getAgreement(
  db: Database,
  id: number,
  today = calendarToday("UTC"),
  {
    page = 1,
    pageSize = commitmentPageSize,
    latestActivities = 5,
  }: { page?: number; pageSize?: number; latestActivities?: number } = {},
) {
  const parent = alias(agreements, "parent");
  const [row] = await db
    .select({
      agreement: agreements,
      parent: { id: parent.id, title: parent.title, kind: parent.kind },
      partnership: { id: partnerships.id, name: partnerships.name },
    })
    .from(agreements)
    .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
    .leftJoin(parent, eq(parent.id, agreements.parentId))
    .where(eq(agreements.id, id));
  if (!row) return null;
  const [items, tally, signatories, children, cited, sides] = await Promise.all([
    commitmentCards(db, id, { page, pageSize, latestActivities }),
    agreementTally(db, id, row.agreement.partnershipId, today),
    db
      .select({ id: people.id, name: people.name, title: people.title })
      .from(agreementSignatories)
      .innerJoin(people, eq(people.id, agreementSignatories.personId))
      .where(eq(agreementSignatories.agreementId, id))
      .orderBy(asc(people.name)),
    db
      .select({
        id: agreements.id,
        title: agreements.title,
        kind: agreements.kind,
        status: agreements.status,
        inForceFrom: agreements.inForceFrom,
        inForceUntil: agreements.inForceUntil,
      })
      .from(agreements)
      .where(eq(agreements.parentId, id))
      .orderBy(asc(agreements.inForceFrom), asc(agreements.id)),
    citationsFor(db, "agreement", [id]),
    sidesOf(db, [row.agreement.partnershipId]),
  ]);
  const sideList = sides.map(({ code, name }) => ({ code, name }));
  const list = items.map((c) => ({
    ...c,
    overdue: isOverdue(c, today),
    fullyConfirmed: isFullyConfirmed(c.status, sideList, c.confirmations),
  }));
  const { counts: statusCounts, overdue, fullyConfirmed } = tally;
  const progress = progressOf(statusCounts);
  const renewals = children.filter((c) => c.kind === "renewal");
  const lifecycle = lifecycleOf(row.agreement, renewals, today);
  return {
    ...row.agreement,
    lifecycle,
    partnership: row.partnership,
    parent: row.parent?.id ? row.parent : null,
    /** Every later agreement that continues or implements this one. */
    continuedBy: children,
    renewedBy: lifecycle === "renewed" ? renewals : [],
    signatories,
    sides: sideList,
    sources: cited.get(id) ?? [],
    counts: statusCounts,
    progress: { ...progress, overdue, fullyConfirmed },
    commitments: list,
    commitmentPage: { page, pageSize, total: progress.total },
  };
}
