import { and, asc, count, eq, inArray, lt, lte, max, notInArray, sql } from "drizzle-orm";
import {
  activities,
  activityCommitments,
  agreements,
  commitmentConfirmations,
  commitmentEvidence,
  commitmentFocalPoints,
  commitmentMilestones,
  commitments,
  countries,
  organizations,
  partnershipCountries,
  people,
  users,
  type Commitment,
} from "../../db/schema";
import { type CommitmentStatus } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { citationsFor } from "./source.server";
import { lockRow, saveVersion } from "./versioned.server";

/** Commitments whose work is over: never overdue. */
const settledStatuses: CommitmentStatus[] = ["complete", "withdrawn"];

/** Open work past its due date; complete and withdrawn commitments are never overdue. */
export function isOverdue(c: { dueOn: string | null; status: CommitmentStatus }, today: string) {
  return !!c.dueOn && c.dueOn < today && !settledStatuses.includes(c.status);
}

/** `isOverdue` as a condition in SQL. */
export const overdueWhere = (today: string) =>
  and(lt(commitments.dueOn, today), notInArray(commitments.status, settledStatuses))!;

export interface Side {
  partnershipId: number;
  code: string;
  name: LocalizedText;
}

/** The countries of partnerships, in their stated order: the "sides" that name focal points and confirm. */
export function sidesOf(db: Database, partnershipIds: number[]): Promise<Side[]> {
  if (!partnershipIds.length) return Promise.resolve([]);
  return db
    .select({ partnershipId: partnershipCountries.partnershipId, code: countries.code, name: countries.name })
    .from(partnershipCountries)
    .innerJoin(countries, eq(countries.code, partnershipCountries.countryCode))
    .where(inArray(partnershipCountries.partnershipId, partnershipIds))
    .orderBy(asc(partnershipCountries.partnershipId), asc(partnershipCountries.position));
}

// ---------------------------------------------------------------------------------------------
// Reading

interface ConfirmationView {
  countryCode: string;
  confirmedAt: Date;
  confirmedBy: { id: number; name: string } | null;
  /** Recorded by an administrator on the side's behalf, not by one of its own. */
  onBehalf: boolean;
}

/** Whether every side of the partnership has confirmed a complete commitment. */
export function isFullyConfirmed(
  status: CommitmentStatus,
  sides: { code: string }[],
  confirmations: { countryCode: string }[],
) {
  if (status !== "complete" || !sides.length) return false;
  const confirmed = new Set(confirmations.map((c) => c.countryCode));
  return sides.every((s) => confirmed.has(s.code));
}

/** Rows grouped by the commitment they belong to, in their order. */
function byCommitment<R extends { commitmentId: number }, V>(rows: R[], value: (row: R) => V) {
  const groups = new Map<number, V[]>();
  for (const r of rows) {
    const list = groups.get(r.commitmentId) ?? [];
    list.push(value(r));
    groups.set(r.commitmentId, list);
  }
  return groups;
}

interface ServingActivity {
  id: number;
  title: LocalizedText;
  startsAt: Date;
  allDay: boolean;
}

// Each of these answers for a whole set of commitments in one query, and asks nothing for none.

interface FocalPoint {
  personId: number;
  name: string;
  title: LocalizedText | null;
}

/** Each commitment's focal points by side. */
async function focalPointsFor(db: Database, ids: number[]): Promise<Map<number, Record<string, FocalPoint>>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      commitmentId: commitmentFocalPoints.commitmentId,
      countryCode: commitmentFocalPoints.countryCode,
      personId: people.id,
      name: people.name,
      title: people.title,
    })
    .from(commitmentFocalPoints)
    .innerJoin(people, eq(people.id, commitmentFocalPoints.personId))
    .where(inArray(commitmentFocalPoints.commitmentId, ids));
  const grouped = byCommitment(rows, ({ countryCode, commitmentId: _, ...person }) => [countryCode, person] as const);
  return new Map([...grouped].map(([id, sides]) => [id, Object.fromEntries(sides)]));
}

/** Who confirmed each commitment for which side, earliest first. */
async function confirmationsFor(db: Database, ids: number[]): Promise<Map<number, ConfirmationView[]>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      commitmentId: commitmentConfirmations.commitmentId,
      countryCode: commitmentConfirmations.countryCode,
      confirmedAt: commitmentConfirmations.confirmedAt,
      onBehalf: commitmentConfirmations.onBehalf,
      userId: users.id,
      userName: users.name,
    })
    .from(commitmentConfirmations)
    .leftJoin(users, eq(users.id, commitmentConfirmations.confirmedBy))
    .where(inArray(commitmentConfirmations.commitmentId, ids))
    .orderBy(asc(commitmentConfirmations.confirmedAt));
  return byCommitment(rows, (r): ConfirmationView => ({
    countryCode: r.countryCode,
    confirmedAt: r.confirmedAt,
    confirmedBy: r.userId ? { id: r.userId, name: r.userName! } : null,
    onBehalf: r.onBehalf,
  }));
}

/**
 * The activities that serve each commitment, newest first: the latest `limit` of them and how
 * many there are in all (a commitment of a busy plan is served by hundreds).
 */
async function activitiesFor(
  db: Database,
  ids: number[],
  limit: number,
): Promise<Map<number, { latest: ServingActivity[]; total: number }>> {
  if (!ids.length) return new Map();
  const ranked = db
    .select({
      commitmentId: activityCommitments.commitmentId,
      id: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      allDay: activities.allDay,
      rank: sql<number>`row_number() over (partition by ${activityCommitments.commitmentId} order by ${activities.startsAt} desc, ${activities.id} desc)`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${activityCommitments.commitmentId})`.as("total"),
    })
    .from(activityCommitments)
    .innerJoin(activities, eq(activities.id, activityCommitments.activityId))
    .where(inArray(activityCommitments.commitmentId, ids))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.commitmentId), asc(ranked.rank));
  const served = new Map<number, { latest: ServingActivity[]; total: number }>();
  for (const { commitmentId, rank: _, total, ...activity } of rows) {
    const entry = served.get(commitmentId) ?? { latest: [], total: Number(total) };
    entry.latest.push(activity);
    served.set(commitmentId, entry);
  }
  return served;
}

/** How many of each commitment's milestones are done. */
async function milestoneCountsFor(db: Database, ids: number[]): Promise<Map<number, { done: number; total: number }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      commitmentId: commitmentMilestones.commitmentId,
      total: count(),
      done: count(commitmentMilestones.completedOn),
    })
    .from(commitmentMilestones)
    .where(inArray(commitmentMilestones.commitmentId, ids))
    .groupBy(commitmentMilestones.commitmentId);
  return new Map(rows.map((r) => [r.commitmentId, { done: Number(r.done), total: Number(r.total) }]));
}

/** How many pieces of evidence each commitment has. */
async function evidenceCountsFor(db: Database, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ commitmentId: commitmentEvidence.commitmentId, n: count() })
    .from(commitmentEvidence)
    .where(inArray(commitmentEvidence.commitmentId, ids))
    .groupBy(commitmentEvidence.commitmentId);
  return new Map(rows.map((r) => [r.commitmentId, Number(r.n)]));
}

/** How many of the activities serving a commitment its card, and its own page, list. */
const activitiesPerCard = 5;
const activitiesPerPage = 50;

/**
 * What the agreement page shows of each commitment besides its own row, for a whole set of
 * commitments at once: five queries, whatever the number of commitments.
 */
export async function commitmentSummaries(db: Database, ids: number[]) {
  const [focal, milestones, evidence, confirmations, served] = await Promise.all([
    focalPointsFor(db, ids),
    milestoneCountsFor(db, ids),
    evidenceCountsFor(db, ids),
    confirmationsFor(db, ids),
    activitiesFor(db, ids, activitiesPerCard),
  ]);
  return { focal, milestones, evidence, confirmations, served };
}

/** One commitment in full: its agreement, the sides, focal points, milestones, evidence, confirmations. */
/** A commitment as its edit form starts from it, with the agreement it belongs to: one query. */
export async function getCommitmentForEdit(db: Database, id: number) {
  const [row] = await db
    .select({ commitment: commitments, agreement: { id: agreements.id, title: agreements.title } })
    .from(commitments)
    .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
    .where(eq(commitments.id, id));
  return row ?? null;
}

export async function getCommitment(db: Database, id: number) {
  const [row] = await db
    .select({
      commitment: commitments,
      agreement: {
        id: agreements.id,
        slug: agreements.slug,
        title: agreements.title,
        kind: agreements.kind,
        partnershipId: agreements.partnershipId,
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
    focalPointsFor(db, [id]),
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

/** People who may be a side's focal point: those working for an organization of that country. */
export async function focalPointCandidates(db: Database, countryCodes: string[]) {
  if (!countryCodes.length) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      countryCode: organizations.countryCode,
      organization: organizations.name,
      acronym: organizations.acronym,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(inArray(organizations.countryCode, countryCodes))
    .orderBy(asc(people.name), asc(people.id));
}

// ---------------------------------------------------------------------------------------------
// What a save takes

export interface CommitmentInput {
  text: LocalizedText;
  area: string;
  responsibleOrganizationId: number | null;
  dueOn: string | null;
  status: CommitmentStatus;
}

// ---------------------------------------------------------------------------------------------
// Writing: each change is one transaction with its audit row.

/** "Complete" needs at least one piece of evidence. */
async function checkStatus(tx: Database, commitmentId: number | null, status: CommitmentStatus) {
  if (status !== "complete") return;
  const [row] = commitmentId
    ? await tx.select({ n: count() }).from(commitmentEvidence).where(eq(commitmentEvidence.commitmentId, commitmentId))
    : [{ n: 0 }];
  if (!Number(row?.n)) throw new RuleError("status", "commitments.completeNeedsEvidence");
}

/** Confirmations vouch for a completed commitment; reopening it withdraws them. */
async function withdrawIfReopened(tx: Database, before: Commitment, status: CommitmentStatus) {
  if (before.status !== "complete" || status === "complete") return [];
  return tx.delete(commitmentConfirmations).where(eq(commitmentConfirmations.commitmentId, before.id)).returning();
}

async function checkOrganization(tx: Database, organizationId: number | null) {
  if (!organizationId) return;
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("responsibleOrganizationId", "validation.invalidChoice");
}

export async function createCommitment(db: Database, actor: Actor, agreementId: number, input: CommitmentInput) {
  return db.transaction(async (tx) => {
    // Locked: two commitments added at once must not take the same position or slug.
    const [agreement] = await tx
      .select({ id: agreements.id, slug: agreements.slug })
      .from(agreements)
      .where(eq(agreements.id, agreementId))
      .for("update");
    if (!agreement) return null;
    await checkStatus(tx, null, input.status);
    await checkOrganization(tx, input.responsibleOrganizationId);
    const [last] = await tx
      .select({ position: max(commitments.position) })
      .from(commitments)
      .where(eq(commitments.agreementId, agreementId));
    const slug = await freeSlug(tx, "commitment", `${agreement.slug}-${slugify(input.text.en, 40)}`);
    const [row] = await tx
      .insert(commitments)
      .values({ ...input, slug, agreementId, position: (last?.position ?? -1) + 1 })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "commitment", entityId: row!.id, after: row });
    return row!;
  });
}

/** Saves `values` over the locked commitment `before`, with the checks and consequences of its status. */
async function saveChange(
  tx: Database,
  actor: Actor,
  action: string,
  before: Commitment,
  values: CommitmentInput | { status: CommitmentStatus },
) {
  if (values.status !== before.status) await checkStatus(tx, before.id, values.status);
  if ("responsibleOrganizationId" in values) await checkOrganization(tx, values.responsibleOrganizationId);
  const withdrawn = await withdrawIfReopened(tx, before, values.status);
  const after = await saveVersion(tx, commitments, before, values);
  await recordAudit(tx, {
    actor,
    action,
    entityType: "commitment",
    entityId: before.id,
    before,
    after: withdrawn.length ? { ...after, withdrawnConfirmations: withdrawn } : after,
  });
  return after;
}

export async function updateCommitment(
  db: Database,
  actor: Actor,
  change: CommitmentInput & { id: number; version: number },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, commitments, change.id, change.version);
    if (!before) return null;
    const { text, area, responsibleOrganizationId, dueOn, status } = change;
    return saveChange(tx, actor, "update", before, { text, area, responsibleOrganizationId, dueOn, status });
  });
}

export async function setCommitmentStatus(
  db: Database,
  actor: Actor,
  change: { id: number; version: number; status: CommitmentStatus },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, commitments, change.id, change.version);
    if (!before) return null;
    if (before.status === change.status) return before;
    return saveChange(tx, actor, "update_status", before, { status: change.status });
  });
}
