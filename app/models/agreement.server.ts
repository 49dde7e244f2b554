import { asc, count, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  activities,
  activityCommitments,
  agreementSignatories,
  agreements,
  commitments,
  organizations,
  people,
  type CommitmentStatus,
} from "../../db/schema";
import type { Database } from "../db.server";
import { citationsFor } from "./source.server";

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

export async function listAgreements(db: Database) {
  const parent = alias(agreements, "parent");
  const rows = await db
    .select({
      id: agreements.id,
      slug: agreements.slug,
      kind: agreements.kind,
      title: agreements.title,
      status: agreements.status,
      signedOn: agreements.signedOn,
      inForceFrom: agreements.inForceFrom,
      inForceUntil: agreements.inForceUntil,
      parentTitle: parent.title,
    })
    .from(agreements)
    .leftJoin(parent, eq(parent.id, agreements.parentId))
    .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id));
  const counts = await commitmentCountsByAgreement(db);
  return rows.map((r) => ({ ...r, commitments: counts.get(r.id) ?? {} }));
}

export async function getAgreement(db: Database, id: number) {
  const parent = alias(agreements, "parent");
  const [agreement] = await db
    .select({ agreement: agreements, parent: { id: parent.id, title: parent.title } })
    .from(agreements)
    .leftJoin(parent, eq(parent.id, agreements.parentId))
    .where(eq(agreements.id, id));
  if (!agreement) return null;
  const [items, signatories, continuedBy, cited, served] = await Promise.all([
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        area: commitments.area,
        status: commitments.status,
        dueOn: commitments.dueOn,
        responsible: organizations.name,
      })
      .from(commitments)
      .leftJoin(organizations, eq(organizations.id, commitments.responsibleOrganizationId))
      .where(eq(commitments.agreementId, id))
      .orderBy(asc(commitments.position), asc(commitments.id)),
    db
      .select({ name: people.name, title: people.title })
      .from(agreementSignatories)
      .innerJoin(people, eq(people.id, agreementSignatories.personId))
      .where(eq(agreementSignatories.agreementId, id)),
    db.select({ id: agreements.id, title: agreements.title }).from(agreements).where(eq(agreements.parentId, id)),
    citationsFor(db, "agreement", [id]),
    db
      .select({
        commitmentId: activityCommitments.commitmentId,
        id: activities.id,
        title: activities.title,
        startsAt: activities.startsAt,
        allDay: activities.allDay,
      })
      .from(activityCommitments)
      .innerJoin(activities, eq(activities.id, activityCommitments.activityId))
      .innerJoin(commitments, eq(commitments.id, activityCommitments.commitmentId))
      .where(eq(commitments.agreementId, id))
      .orderBy(asc(activities.startsAt)),
  ]);
  return {
    ...agreement.agreement,
    parent: agreement.parent,
    continuedBy,
    signatories,
    sources: cited.get(id) ?? [],
    commitments: items.map((c) => ({ ...c, activities: served.filter((a) => a.commitmentId === c.id) })),
  };
}
