import { and, asc, count, eq, inArray, isNull, like, max, or, sql } from "drizzle-orm";
import { z } from "zod";
import {
  activities,
  activityCommitments,
  agreements,
  auditLog,
  commitmentConfirmations,
  commitmentEvidence,
  commitmentFocalPoints,
  commitmentMilestones,
  commitments,
  commitmentStatuses,
  countries,
  organizations,
  partnershipCountries,
  people,
  users,
  type Commitment,
  type CommitmentStatus,
  type LocalizedText,
} from "../../db/schema";
import type { Database } from "../db.server";
import { blankAsMissing } from "../lib/forms";
import { recordAudit, type Actor } from "./audit.server";
import { citationsFor } from "./source.server";
import { ConflictError } from "./user.server";

/** A write that breaks a rule of agreements or commitments: the field it concerns and an i18n key. */
export class RuleError extends Error {
  constructor(
    public field: string,
    public key: string,
    public values?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** Today's calendar date (YYYY-MM-DD) in a time zone: what "overdue" and "in force" are judged by. */
export function calendarToday(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Open work past its due date; complete and withdrawn commitments are never overdue. */
export function isOverdue(c: { dueOn: string | null; status: CommitmentStatus }, today: string) {
  return !!c.dueOn && c.dueOn < today && c.status !== "complete" && c.status !== "withdrawn";
}

export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || "item";
}

/** `base`, or `base-2`, `base-3`…: the first slug no record of the kind has taken. */
export async function freeSlug(tx: Database, kind: "agreement" | "commitment", base: string) {
  const column = kind === "agreement" ? agreements.slug : commitments.slug;
  const table = kind === "agreement" ? agreements : commitments;
  const rows = await tx
    .select({ slug: column })
    .from(table)
    .where(or(eq(column, base), like(column, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

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

function actorId(actor: Actor) {
  return "userId" in actor ? actor.userId : null;
}

/**
 * What a conflicting edit needs to show: the record as it was at the version the editor started
 * from (the audit log keeps every state a versioned change left behind), and who changed it since.
 */
export async function changesSince(db: Database, entityType: string, entityId: number, version: number) {
  const rows = await db
    .select({ before: auditLog.before, at: auditLog.at, by: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, entityType),
        eq(auditLog.entityId, String(entityId)),
        sql`(${auditLog.before}->>'version')::int >= ${version}`,
      ),
    )
    .orderBy(asc(auditLog.id));
  const first = rows[0]?.before as { version?: number } | undefined;
  return {
    base: first?.version === version ? (first as Record<string, unknown>) : null,
    changes: rows.map((r) => ({ by: r.by, at: r.at })),
  };
}

type FieldValues = Record<string, string | string[] | undefined>;

function comparable(value: string | string[] | undefined) {
  if (Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify((value ?? "").trim());
}

/**
 * The conflict view's data: the saved values, and which fields someone else changed since the
 * editor's version (from the audit log), or, where that history is missing, which differ from
 * what the editor typed.
 */
export async function describeConflict(
  db: Database,
  input: {
    entityType: string;
    entityId: number;
    version: number;
    current: Record<string, string | string[]>;
    yours: FieldValues;
    fields: string[];
    toValues: (row: never) => Record<string, string | string[]>;
  },
) {
  const { base, changes } = await changesSince(db, input.entityType, input.entityId, input.version);
  const from: FieldValues = base ? input.toValues(base as never) : input.yours;
  return {
    changed: input.fields.filter((f) => comparable(from[f]) !== comparable(input.current[f])),
    current: input.current,
    changes: changes.map((c) => ({ by: c.by, at: c.at.toISOString() })),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ConfirmationView {
  countryCode: string;
  confirmedAt: Date;
  confirmedBy: { id: number; name: string } | null;
}

/** Whether every side of the partnership has confirmed a complete commitment. */
export function isFullyConfirmed(status: CommitmentStatus, sides: { code: string }[], confirmations: { countryCode: string }[]) {
  if (status !== "complete" || !sides.length) return false;
  const confirmed = new Set(confirmations.map((c) => c.countryCode));
  return sides.every((s) => confirmed.has(s.code));
}

/**
 * What the agreement page shows of each commitment besides its own row, for a whole set of
 * commitments at once: five queries, whatever the number of commitments.
 */
export async function commitmentSummaries(db: Database, ids: number[]) {
  const focal = new Map<number, Record<string, { personId: number; name: string }>>();
  const milestones = new Map<number, { done: number; total: number }>();
  const evidence = new Map<number, number>();
  const confirmations = new Map<number, ConfirmationView[]>();
  const served = new Map<number, { id: number; title: LocalizedText; startsAt: Date; allDay: boolean }[]>();
  if (!ids.length) return { focal, milestones, evidence, confirmations, served };
  const [focalRows, milestoneRows, evidenceRows, confirmationRows, activityRows] = await Promise.all([
    db
      .select({
        commitmentId: commitmentFocalPoints.commitmentId,
        countryCode: commitmentFocalPoints.countryCode,
        personId: people.id,
        name: people.name,
      })
      .from(commitmentFocalPoints)
      .innerJoin(people, eq(people.id, commitmentFocalPoints.personId))
      .where(inArray(commitmentFocalPoints.commitmentId, ids)),
    db
      .select({
        commitmentId: commitmentMilestones.commitmentId,
        total: count(),
        done: count(commitmentMilestones.completedOn),
      })
      .from(commitmentMilestones)
      .where(inArray(commitmentMilestones.commitmentId, ids))
      .groupBy(commitmentMilestones.commitmentId),
    db
      .select({ commitmentId: commitmentEvidence.commitmentId, n: count() })
      .from(commitmentEvidence)
      .where(inArray(commitmentEvidence.commitmentId, ids))
      .groupBy(commitmentEvidence.commitmentId),
    confirmationsFor(db, ids),
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
      .where(inArray(activityCommitments.commitmentId, ids))
      .orderBy(asc(activities.startsAt), asc(activities.id)),
  ]);
  for (const r of focalRows) {
    const sides = focal.get(r.commitmentId) ?? {};
    sides[r.countryCode] = { personId: r.personId, name: r.name };
    focal.set(r.commitmentId, sides);
  }
  for (const r of milestoneRows) milestones.set(r.commitmentId, { done: Number(r.done), total: Number(r.total) });
  for (const r of evidenceRows) evidence.set(r.commitmentId, Number(r.n));
  for (const [id, list] of confirmationRows) confirmations.set(id, list);
  for (const { commitmentId, ...a } of activityRows) {
    const list = served.get(commitmentId) ?? [];
    list.push(a);
    served.set(commitmentId, list);
  }
  return { focal, milestones, evidence, confirmations, served };
}

async function confirmationsFor(db: Database, ids: number[]) {
  const rows = await db
    .select({
      commitmentId: commitmentConfirmations.commitmentId,
      countryCode: commitmentConfirmations.countryCode,
      confirmedAt: commitmentConfirmations.confirmedAt,
      userId: users.id,
      userName: users.name,
    })
    .from(commitmentConfirmations)
    .leftJoin(users, eq(users.id, commitmentConfirmations.confirmedBy))
    .where(inArray(commitmentConfirmations.commitmentId, ids))
    .orderBy(asc(commitmentConfirmations.confirmedAt));
  const byCommitment = new Map<number, ConfirmationView[]>();
  for (const r of rows) {
    const list = byCommitment.get(r.commitmentId) ?? [];
    list.push({
      countryCode: r.countryCode,
      confirmedAt: r.confirmedAt,
      confirmedBy: r.userId ? { id: r.userId, name: r.userName! } : null,
    });
    byCommitment.set(r.commitmentId, list);
  }
  return byCommitment;
}

/** One commitment in full: its agreement, the sides, focal points, milestones, evidence, confirmations. */
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
  const [sides, focalRows, milestones, evidence, confirmations, served, cited] = await Promise.all([
    sidesOf(db, [row.agreement.partnershipId]),
    db
      .select({ countryCode: commitmentFocalPoints.countryCode, personId: people.id, name: people.name, title: people.title })
      .from(commitmentFocalPoints)
      .innerJoin(people, eq(people.id, commitmentFocalPoints.personId))
      .where(eq(commitmentFocalPoints.commitmentId, id)),
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
    db
      .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt, allDay: activities.allDay })
      .from(activityCommitments)
      .innerJoin(activities, eq(activities.id, activityCommitments.activityId))
      .where(eq(activityCommitments.commitmentId, id))
      .orderBy(asc(activities.startsAt), asc(activities.id)),
    citationsFor(db, "commitment", [id]),
  ]);
  const confirmed = confirmations.get(id) ?? [];
  return {
    ...row.commitment,
    agreement: row.agreement,
    responsible: row.responsible?.id ? row.responsible : null,
    sides: sides.map(({ code, name }) => ({ code, name })),
    focalPoints: Object.fromEntries(focalRows.map(({ countryCode, ...p }) => [countryCode, p])) as Record<
      string,
      { personId: number; name: string; title: LocalizedText | null }
    >,
    milestones,
    evidence,
    confirmations: confirmed,
    fullyConfirmed: isFullyConfirmed(row.commitment.status, sides, confirmed),
    activities: served,
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

export function organizationOptions(db: Database) {
  return db
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
    .from(organizations)
    .orderBy(asc(organizations.id));
}

// ---------------------------------------------------------------------------------------------
// Forms

const idField = z.coerce.number().int().positive();
const optionalId = z.preprocess(blankAsMissing, idField.optional());
const optionalDate = z.preprocess(blankAsMissing, z.iso.date().optional());
const requiredText = (min: number, maxLength: number) =>
  z.preprocess(blankAsMissing, z.string().trim().min(min).max(maxLength));
const optionalText = (maxLength: number) => z.preprocess(blankAsMissing, z.string().trim().max(maxLength).optional());

export function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

const commitmentFields = {
  textEn: requiredText(3, 2000),
  textId: optionalText(2000),
  area: requiredText(2, 80),
  responsibleOrganizationId: optionalId,
  dueOn: optionalDate,
  status: z.enum(commitmentStatuses),
};

export const newCommitmentForm = z.object(commitmentFields);
export const editCommitmentForm = z.object({ ...commitmentFields, version: idField });

export const statusForm = z.object({
  intent: z.literal("status"),
  version: idField,
  status: z.enum(commitmentStatuses),
});

export const evidenceForm = z
  .object({
    intent: z.literal("evidence"),
    url: z.preprocess(
      blankAsMissing,
      z.string().trim().max(2000).refine(isHttpUrl, "commitments.evidenceUrlScheme").optional(),
    ),
    note: optionalText(2000),
  })
  .refine((v) => v.url || v.note, { message: "commitments.evidenceEmpty", path: ["url"] });

export const milestoneForm = z.object({
  intent: z.literal("milestone"),
  titleEn: requiredText(3, 300),
  titleId: optionalText(300),
  dueOn: optionalDate,
});

export const milestoneDoneForm = z.object({
  intent: z.literal("milestone-done"),
  milestoneId: idField,
});

export const focalPointForm = z.object({
  intent: z.literal("focal-point"),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  personId: optionalId,
});

export const confirmForm = z.object({
  intent: z.literal("confirm"),
  version: idField,
  countryCode: z.string().regex(/^[A-Z]{2}$/),
});

export const withdrawConfirmationForm = z.object({
  intent: z.literal("withdraw-confirmation"),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
});

export interface CommitmentInput {
  text: LocalizedText;
  area: string;
  responsibleOrganizationId: number | null;
  dueOn: string | null;
  status: CommitmentStatus;
}

export function commitmentInput(v: z.output<typeof newCommitmentForm>): CommitmentInput {
  return {
    text: v.textId ? { en: v.textEn, id: v.textId } : { en: v.textEn },
    area: v.area,
    responsibleOrganizationId: v.responsibleOrganizationId ?? null,
    dueOn: v.dueOn ?? null,
    status: v.status,
  };
}

/** A commitment as its form shows it: what the edit page starts from and a conflict compares with. */
export function commitmentFormValues(c: Commitment): Record<string, string> {
  return {
    textEn: c.text.en,
    textId: c.text.id ?? "",
    area: c.area,
    responsibleOrganizationId: c.responsibleOrganizationId ? String(c.responsibleOrganizationId) : "",
    dueOn: c.dueOn ?? "",
    status: c.status,
    version: String(c.version),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing: each change is one transaction with its audit row.

async function lockCommitment(tx: Database, id: number) {
  const [row] = await tx.select().from(commitments).where(eq(commitments.id, id)).for("update");
  return row ?? null;
}

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
  const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("responsibleOrganizationId", "validation.invalidChoice");
}

export async function createCommitment(db: Database, actor: Actor, agreementId: number, input: CommitmentInput) {
  return db.transaction(async (tx) => {
    const [agreement] = await tx
      .select({ id: agreements.id, slug: agreements.slug })
      .from(agreements)
      .where(eq(agreements.id, agreementId));
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

export async function updateCommitment(
  db: Database,
  actor: Actor,
  change: CommitmentInput & { id: number; version: number },
) {
  return db.transaction(async (tx) => {
    const before = await lockCommitment(tx, change.id);
    if (!before) return null;
    if (before.version !== change.version) throw new ConflictError(before);
    if (change.status !== before.status) await checkStatus(tx, before.id, change.status);
    await checkOrganization(tx, change.responsibleOrganizationId);
    const withdrawn = await withdrawIfReopened(tx, before, change.status);
    const [after] = await tx
      .update(commitments)
      .set({
        text: change.text,
        area: change.area,
        responsibleOrganizationId: change.responsibleOrganizationId,
        dueOn: change.dueOn,
        status: change.status,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(commitments.id, change.id), eq(commitments.version, change.version)))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "commitment",
      entityId: change.id,
      before,
      after: withdrawn.length ? { ...after, withdrawnConfirmations: withdrawn } : after,
    });
    return after!;
  });
}

export async function setCommitmentStatus(
  db: Database,
  actor: Actor,
  change: { id: number; version: number; status: CommitmentStatus },
) {
  return db.transaction(async (tx) => {
    const before = await lockCommitment(tx, change.id);
    if (!before) return null;
    if (before.version !== change.version) throw new ConflictError(before);
    if (before.status === change.status) return before;
    await checkStatus(tx, before.id, change.status);
    const withdrawn = await withdrawIfReopened(tx, before, change.status);
    const [after] = await tx
      .update(commitments)
      .set({ status: change.status, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(commitments.id, change.id), eq(commitments.version, change.version)))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "update_status",
      entityType: "commitment",
      entityId: change.id,
      before,
      after: withdrawn.length ? { ...after, withdrawnConfirmations: withdrawn } : after,
    });
    return after!;
  });
}

export async function addEvidence(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; url?: string | null; note?: string | null },
) {
  const url = input.url?.trim() || null;
  const note = input.note?.trim() || null;
  if (!url && !note) throw new RuleError("url", "commitments.evidenceEmpty");
  if (url && !isHttpUrl(url)) throw new RuleError("url", "commitments.evidenceUrlScheme");
  return db.transaction(async (tx) => {
    // Taken with the commitment's lock, so a concurrent status change sees this evidence or none of it.
    if (!(await lockCommitment(tx, input.commitmentId))) return null;
    const [row] = await tx
      .insert(commitmentEvidence)
      .values({ commitmentId: input.commitmentId, url, note, addedBy: actorId(actor) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "add_evidence",
      entityType: "commitment",
      entityId: input.commitmentId,
      after: row,
    });
    return row!;
  });
}

export async function addMilestone(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; title: LocalizedText; dueOn: string | null },
) {
  return db.transaction(async (tx) => {
    if (!(await lockCommitment(tx, input.commitmentId))) return null;
    const [last] = await tx
      .select({ position: max(commitmentMilestones.position) })
      .from(commitmentMilestones)
      .where(eq(commitmentMilestones.commitmentId, input.commitmentId));
    const [row] = await tx
      .insert(commitmentMilestones)
      .values({ ...input, position: (last?.position ?? -1) + 1 })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "add_milestone",
      entityType: "commitment",
      entityId: input.commitmentId,
      after: row,
    });
    return row!;
  });
}

/** Marks a milestone done on `completedOn`; a milestone already done keeps its first date. */
export async function completeMilestone(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; milestoneId: number; completedOn: string },
) {
  return db.transaction(async (tx) => {
    const where = and(
      eq(commitmentMilestones.id, input.milestoneId),
      eq(commitmentMilestones.commitmentId, input.commitmentId),
    );
    const [before] = await tx.select().from(commitmentMilestones).where(where).for("update");
    if (!before) return null;
    if (before.completedOn) return before;
    const [after] = await tx
      .update(commitmentMilestones)
      .set({ completedOn: input.completedOn })
      .where(and(where, isNull(commitmentMilestones.completedOn)))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "complete_milestone",
      entityType: "commitment",
      entityId: input.commitmentId,
      before,
      after,
    });
    return after!;
  });
}

/** The countries of the partnership a commitment's agreement belongs to. */
async function sidesOfCommitment(tx: Database, commitment: Commitment) {
  const [agreement] = await tx
    .select({ partnershipId: agreements.partnershipId })
    .from(agreements)
    .where(eq(agreements.id, commitment.agreementId));
  return sidesOf(tx, [agreement!.partnershipId]);
}

async function checkSide(tx: Database, commitment: Commitment, countryCode: string) {
  const sides = await sidesOfCommitment(tx, commitment);
  if (!sides.some((s) => s.code === countryCode)) throw new RuleError("countryCode", "commitments.notASide");
  return sides;
}

/** Names (or, with `personId` null, removes) one side's focal point for a commitment. */
export async function setFocalPoint(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; countryCode: string; personId: number | null },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockCommitment(tx, input.commitmentId);
    if (!commitment) return null;
    await checkSide(tx, commitment, input.countryCode);
    if (input.personId) {
      const [person] = await tx
        .select({ countryCode: organizations.countryCode })
        .from(people)
        .leftJoin(organizations, eq(organizations.id, people.organizationId))
        .where(eq(people.id, input.personId));
      if (!person) throw new RuleError("personId", "validation.invalidChoice");
      if (person.countryCode !== input.countryCode) throw new RuleError("personId", "commitments.focalPointWrongSide");
    }
    const key = and(
      eq(commitmentFocalPoints.commitmentId, input.commitmentId),
      eq(commitmentFocalPoints.countryCode, input.countryCode),
    );
    const [before] = await tx.select().from(commitmentFocalPoints).where(key);
    if ((before?.personId ?? null) === input.personId) return before ?? null;
    let after: typeof before | null = null;
    if (input.personId) {
      [after] = await tx
        .insert(commitmentFocalPoints)
        .values({ commitmentId: input.commitmentId, countryCode: input.countryCode, personId: input.personId })
        .onConflictDoUpdate({
          target: [commitmentFocalPoints.commitmentId, commitmentFocalPoints.countryCode],
          set: { personId: input.personId },
        })
        .returning();
    } else {
      await tx.delete(commitmentFocalPoints).where(key);
    }
    await recordAudit(tx, {
      actor,
      action: "set_focal_point",
      entityType: "commitment",
      entityId: input.commitmentId,
      before: before ?? null,
      after,
    });
    return after;
  });
}

/**
 * One side confirms that a complete commitment is met. The version the editor saw must still be
 * current, so nobody confirms a status or text that has changed in the meantime.
 */
export async function confirmCompletion(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; version: number; countryCode: string },
) {
  return db.transaction(async (tx) => {
    const commitment = await lockCommitment(tx, input.commitmentId);
    if (!commitment) return null;
    if (commitment.version !== input.version) throw new ConflictError(commitment);
    if (commitment.status !== "complete") throw new RuleError("form", "commitments.confirmNeedsComplete");
    const sides = await checkSide(tx, commitment, input.countryCode);
    const [row] = await tx
      .insert(commitmentConfirmations)
      .values({ commitmentId: input.commitmentId, countryCode: input.countryCode, confirmedBy: actorId(actor) })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(tx, {
        actor,
        action: "confirm",
        entityType: "commitment",
        entityId: input.commitmentId,
        after: row,
      });
    }
    const all = await tx
      .select({ countryCode: commitmentConfirmations.countryCode })
      .from(commitmentConfirmations)
      .where(eq(commitmentConfirmations.commitmentId, input.commitmentId));
    return { confirmation: row ?? null, fullyConfirmed: isFullyConfirmed(commitment.status, sides, all) };
  });
}

export async function withdrawConfirmation(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; countryCode: string },
) {
  return db.transaction(async (tx) => {
    if (!(await lockCommitment(tx, input.commitmentId))) return null;
    const [before] = await tx
      .delete(commitmentConfirmations)
      .where(
        and(
          eq(commitmentConfirmations.commitmentId, input.commitmentId),
          eq(commitmentConfirmations.countryCode, input.countryCode),
        ),
      )
      .returning();
    if (before) {
      await recordAudit(tx, {
        actor,
        action: "withdraw_confirmation",
        entityType: "commitment",
        entityId: input.commitmentId,
        before,
      });
    }
    return before ?? null;
  });
}
