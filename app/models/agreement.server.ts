import { asc, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  agreementSignatories,
  agreements,
  commitmentConfirmations,
  commitments,
  organizations,
  partnershipCountries,
  partnerships,
  people,
  type Agreement,
} from "../../db/schema";
import { commitmentStatuses, type AgreementKind, type CommitmentStatus } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { calendarToday } from "../lib/zoned-time";
import { personOptions } from "./organization.server";
import { recordAudit, type Actor } from "./audit.server";
import { commitmentSummaries, isFullyConfirmed, isOverdue, overdueWhere, sidesOf } from "./commitment.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { citationsFor } from "./source.server";
import { lockRow, saveVersion } from "./versioned.server";

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
function progressOf(counts: StatusCounts): Progress {
  const total = commitmentStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const active = total - (counts.withdrawn ?? 0);
  const complete = counts.complete ?? 0;
  return { total, active, complete, percent: active ? Math.round((complete * 100) / active) : 0 };
}

/** The state people see: derived from the dates and later agreements, not only the recorded status. */
type Lifecycle = "draft" | "signed" | "in_force" | "expired" | "renewed" | "terminated";

interface Dated {
  status: Agreement["status"];
  inForceFrom: string | null;
  inForceUntil: string | null;
}

/**
 * Draft and terminated are what the record says. Otherwise a renewal that has taken effect makes
 * the agreement "renewed"; else the in-force period decides; with no dates, the recorded status.
 */
export function lifecycleOf(a: Dated, renewals: Dated[], today: string): Lifecycle {
  if (a.status === "terminated") return "terminated";
  if (a.status === "draft") return "draft";
  if (renewals.some((r) => r.status !== "draft" && (!r.inForceFrom || r.inForceFrom <= today))) return "renewed";
  if (a.inForceUntil && a.inForceUntil < today) return "expired";
  if (a.inForceFrom) return a.inForceFrom <= today ? "in_force" : "signed";
  return a.status;
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
 * the database, and one page of the commitments in full. About a dozen queries, however many
 * commitments it has.
 */
export async function getAgreement(
  db: Database,
  id: number,
  today = calendarToday("UTC"),
  { page = 1, pageSize = commitmentPageSize }: { page?: number; pageSize?: number } = {},
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
  const [items, counts, tally, signatories, children, cited, sides] = await Promise.all([
    db
      .select({
        id: commitments.id,
        slug: commitments.slug,
        text: commitments.text,
        area: commitments.area,
        status: commitments.status,
        dueOn: commitments.dueOn,
        version: commitments.version,
        responsible: organizations.name,
        responsibleAcronym: organizations.acronym,
      })
      .from(commitments)
      .leftJoin(organizations, eq(organizations.id, commitments.responsibleOrganizationId))
      .where(eq(commitments.agreementId, id))
      .orderBy(asc(commitments.position), asc(commitments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    commitmentCountsByAgreement(db, [id]),
    overdueAndConfirmed(db, id, row.agreement.partnershipId, today),
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
  const details = await commitmentSummaries(
    db,
    items.map((c) => c.id),
  );
  const sideList = sides.map(({ code, name }) => ({ code, name }));
  const list = items.map((c) => {
    const confirmations = details.confirmations.get(c.id) ?? [];
    const served = details.served.get(c.id);
    return {
      ...c,
      overdue: isOverdue(c, today),
      focalPoints: details.focal.get(c.id) ?? {},
      milestones: details.milestones.get(c.id) ?? { done: 0, total: 0 },
      evidenceCount: details.evidence.get(c.id) ?? 0,
      confirmations,
      fullyConfirmed: isFullyConfirmed(c.status, sideList, confirmations),
      activities: served?.latest ?? [],
      activityCount: served?.total ?? 0,
    };
  });
  const statusCounts = counts.get(id) ?? {};
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
    progress: { ...progress, ...tally },
    commitments: list,
    commitmentPage: { page, pageSize, total: progress.total },
  };
}

/**
 * Of an agreement's commitments, how many are overdue and how many are complete and confirmed by
 * every side of the partnership: one aggregate over all of them.
 */
async function overdueAndConfirmed(db: Database, agreementId: number, partnershipId: number, today: string) {
  const sideCount = sql`(select count(*) from ${partnershipCountries} where ${partnershipCountries.partnershipId} = ${partnershipId})`;
  const confirmedSides = sql`(
    select count(distinct ${commitmentConfirmations.countryCode}) from ${commitmentConfirmations}
    join ${partnershipCountries} on ${partnershipCountries.countryCode} = ${commitmentConfirmations.countryCode}
      and ${partnershipCountries.partnershipId} = ${partnershipId}
    where ${commitmentConfirmations.commitmentId} = ${commitments.id})`;
  const [row] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${overdueWhere(today)})`,
      fullyConfirmed: sql<number>`count(*) filter (where ${commitments.status} = 'complete' and ${sideCount} > 0 and ${confirmedSides} = ${sideCount})`,
    })
    .from(commitments)
    .where(eq(commitments.agreementId, agreementId));
  return { overdue: Number(row?.overdue ?? 0), fullyConfirmed: Number(row?.fullyConfirmed ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Editing

export interface AgreementInput {
  kind: AgreementKind;
  title: LocalizedText;
  summary: LocalizedText;
  signedOn: string | null;
  signedCity: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  status: Agreement["status"];
  parentId: number | null;
  signatoryIds: number[];
}

/** The choices the agreement form offers: partnerships, possible parents and people who may sign. */
export async function agreementFormOptions(db: Database) {
  const [partnershipList, agreementList, peopleList] = await Promise.all([
    db.select({ id: partnerships.id, name: partnerships.name }).from(partnerships).orderBy(asc(partnerships.id)),
    db
      .select({ id: agreements.id, title: agreements.title, partnershipId: agreements.partnershipId })
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.id)),
    personOptions(db),
  ]);
  return { partnerships: partnershipList, agreements: agreementList, people: peopleList };
}

/** The agreement row and its signatories: what the edit form starts from and a conflict shows. */
async function withSignatories(db: Database, agreement: Agreement) {
  const signed = await db
    .select({ personId: agreementSignatories.personId })
    .from(agreementSignatories)
    .where(eq(agreementSignatories.agreementId, agreement.id));
  return { ...agreement, signatoryIds: signed.map((s) => s.personId).sort((a, b) => a - b) };
}

export async function getAgreementForEdit(db: Database, id: number) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, id));
  return agreement ? withSignatories(db, agreement) : null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A parent must be another agreement of the same partnership, and following parents upwards
 * must never come back to this agreement. The partnership's agreements are locked while
 * checking, so two edits cannot each close half of a cycle.
 */
async function checkParent(
  tx: Database,
  selfId: number | null,
  partnershipId: number,
  input: Pick<AgreementInput, "kind" | "parentId">,
) {
  if (!input.parentId) {
    if (input.kind === "renewal") throw new RuleError("parentId", "agreements.renewalNeedsParent");
    return;
  }
  if (input.parentId === selfId) throw new RuleError("parentId", "agreements.parentCycle");
  const [parent] = await tx
    .select({ partnershipId: agreements.partnershipId })
    .from(agreements)
    .where(eq(agreements.id, input.parentId));
  if (!parent) throw new RuleError("parentId", "validation.invalidChoice");
  if (parent.partnershipId !== partnershipId) throw new RuleError("parentId", "agreements.parentOtherPartnership");
  if (selfId === null) return;
  const family = await tx
    .select({ id: agreements.id, parentId: agreements.parentId })
    .from(agreements)
    .where(eq(agreements.partnershipId, partnershipId))
    .for("update");
  const parentOf = new Map(family.map((a) => [a.id, a.parentId]));
  const seen = new Set<number>();
  for (let at: number | null | undefined = input.parentId; at; at = parentOf.get(at)) {
    if (at === selfId) throw new RuleError("parentId", "agreements.parentCycle");
    if (seen.has(at)) break;
    seen.add(at);
  }
}

async function checkSignatories(tx: Database, ids: number[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  if (found.length !== ids.length) throw new RuleError("signatoryIds", "validation.invalidChoice");
}

export async function createAgreement(db: Database, actor: Actor, input: AgreementInput & { partnershipId: number }) {
  return db.transaction(async (tx) => {
    const [partnership] = await tx
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.id, input.partnershipId));
    if (!partnership) throw new RuleError("partnershipId", "validation.invalidChoice");
    await checkParent(tx, null, input.partnershipId, input);
    await checkSignatories(tx, input.signatoryIds);
    const { signatoryIds, ...values } = input;
    const slug = await freeSlug(tx, "agreement", slugify(input.title.en));
    const [row] = await tx
      .insert(agreements)
      .values({ ...values, slug })
      .returning();
    if (signatoryIds.length) {
      await tx
        .insert(agreementSignatories)
        .values(signatoryIds.map((personId) => ({ agreementId: row!.id, personId })));
    }
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: "agreement",
      entityId: row!.id,
      after: { ...row, signatoryIds },
    });
    return row!;
  });
}

/** Saves an edit made from `version`; the partnership an agreement belongs to does not change. */
export async function updateAgreement(
  db: Database,
  actor: Actor,
  change: AgreementInput & { id: number; version: number },
) {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, agreements, change.id, change.version, (r) => withSignatories(tx, r));
    if (!row) return null;
    const before = await withSignatories(tx, row);
    await checkParent(tx, change.id, row.partnershipId, change);
    await checkSignatories(tx, change.signatoryIds);
    const { id, version: _version, signatoryIds, ...values } = change;
    const updated = await saveVersion(tx, agreements, row, values);
    const wanted = [...signatoryIds].sort((a, b) => a - b);
    if (wanted.join() !== before.signatoryIds.join()) {
      await tx.delete(agreementSignatories).where(eq(agreementSignatories.agreementId, id));
      if (wanted.length) {
        await tx.insert(agreementSignatories).values(wanted.map((personId) => ({ agreementId: id, personId })));
      }
    }
    const after = { ...updated, signatoryIds: wanted };
    await recordAudit(tx, { actor, action: "update", entityType: "agreement", entityId: id, before, after });
    return after;
  });
}
