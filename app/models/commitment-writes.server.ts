// Creating and changing commitments: each change is one transaction with its audit row.
import { count, eq, max } from "drizzle-orm";
import {
  agreements,
  commitmentConfirmations,
  commitmentEvidence,
  commitments,
  organizations,
  type Commitment,
} from "../../db/schema";
import { type CommitmentStatus } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface CommitmentInput {
  text: LocalizedText;
  area: string;
  responsibleOrganizationId: number | null;
  dueOn: string | null;
  status: CommitmentStatus;
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
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("responsibleOrganizationId", "validation.invalidChoice");
}

/** `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the text. */
export async function createCommitment(
  db: Database,
  actor: Actor,
  agreementId: number,
  input: CommitmentInput,
  options: { slug?: string } = {},
) {
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
    const slug = options.slug ?? (await freeSlug(tx, "commitment", `${agreement.slug}-${slugify(input.text.en, 40)}`));
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
