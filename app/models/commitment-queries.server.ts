// Reading one commitment: for its page and for its edit form.
import { asc, eq } from "drizzle-orm";
import {
  agreements,
  commitmentEvidence,
  commitmentMilestones,
  commitments,
  organizations,
  users,
} from "../../db/schema";
import type { Database } from "../../db/client";
import { isFullyConfirmed } from "./commitment-confirmations.server";
import { sidesOf } from "./commitment-sides.server";
import { activitiesFor, activitiesPerPage, confirmationsFor, focalPointsFor } from "./commitment-summaries.server";
import { calendarToday } from "../lib/zoned-time";
import { agreementStateSql } from "./agreement-status.server";
import { citationsFor } from "./source.server";

/** A commitment as its edit form starts from it, with the agreement it belongs to: one query. */
export async function getCommitmentForEdit(db: Database, id: number) {
  const [row] = await db
    .select({ commitment: commitments, agreement: { id: agreements.id, title: agreements.title } })
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .where(eq(commitments.id, id));
  return row ?? null;
}

/**
 * One commitment in full: its agreement, the sides, focal points (titled as on `today`, the
 * viewer's day), milestones, evidence, confirmations.
 */
export async function getCommitment(db: Database, id: number, today = calendarToday("UTC")) {
  const [row] = await db
    .select({
      commitment: commitments,
      agreement: {
        id: agreements.id,
        slug: agreements.slug,
        title: agreements.title,
        kind: agreements.kind,
        partnershipId: agreements.partnershipId,
        /** As /agreements shows it on the viewer's day. */
        state: agreementStateSql(today),
      },
      responsible: { id: organizations.id, name: organizations.name, acronym: organizations.acronym },
    })
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .leftJoin(organizations, eq(organizations.id, commitments.responsibleOrganizationId))
    .where(eq(commitments.id, id));
  if (!row) return null;
  const [sides, focal, milestones, evidence, confirmations, served, cited] = await Promise.all([
    sidesOf(db, [row.agreement.partnershipId]),
    focalPointsFor(db, [id], today),
    db
      .select()
      .from(commitmentMilestones)
      .where(eq(commitmentMilestones.commitmentId, id))
      .orderBy(asc(commitmentMilestones.position), asc(commitmentMilestones.id)),
    db
      .select({
        id: commitmentEvidence.id,
        url: commitmentEvidence.url,
        note: commitmentEvidence.note,
        addedAt: commitmentEvidence.addedAt,
        addedBy: users.name,
      })
      .from(commitmentEvidence)
      .leftJoin(users, eq(users.id, commitmentEvidence.addedBy))
      .where(eq(commitmentEvidence.commitmentId, id))
      .orderBy(asc(commitmentEvidence.addedAt), asc(commitmentEvidence.id)),
    confirmationsFor(db, [id]),
    activitiesFor(db, [id], activitiesPerPage),
    citationsFor(db, "commitment", [id]),
  ]);
  const confirmed = confirmations.get(id) ?? [];
  return {
    ...row.commitment,
    agreement: row.agreement,
    responsible: row.responsible?.id ? row.responsible : null,
    sides: sides.map(({ code, name }) => ({ code, name })),
    focalPoints: focal.get(id) ?? {},
    milestones,
    evidence,
    confirmations: confirmed,
    fullyConfirmed: isFullyConfirmed(row.commitment.status, sides, confirmed),
    activities: served.get(id)?.latest ?? [],
    activityCount: served.get(id)?.total ?? 0,
    sources: cited.get(id) ?? [],
  };
}
