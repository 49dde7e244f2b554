// Creating and changing commitments: each change is one transaction with its audit row. The status
// is not among a commitment's own fields: it changes only by assessment (commitment-assessments).
import { eq, max } from "drizzle-orm";
import { agreements, commitments, organizations } from "../../db/schema";
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
}

async function checkOrganization(tx: Database, organizationId: number | null) {
  if (!organizationId) return;
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new RuleError("responsibleOrganizationId", "validation.invalidChoice");
}

/**
 * A new commitment is not assessed until someone rates it (assessCommitment).
 * `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the text.
 * `options.example` marks a record of the demo's example scenario.
 */
export async function createCommitment(
  db: Database,
  actor: Actor,
  agreementId: number,
  input: CommitmentInput,
  options: { slug?: string; example?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    // Locked: two commitments added at once must not take the same position or slug.
    const [agreement] = await tx
      .select({ id: agreements.id, slug: agreements.slug })
      .from(agreements)
      .where(eq(agreements.id, agreementId))
      .for("update");
    if (!agreement) return null;
    await checkOrganization(tx, input.responsibleOrganizationId);
    const [last] = await tx
      .select({ position: max(commitments.position) })
      .from(commitments)
      .where(eq(commitments.agreementId, agreementId));
    const slug = options.slug ?? (await freeSlug(tx, "commitment", `${agreement.slug}-${slugify(input.text.en, 40)}`));
    const [row] = await tx
      .insert(commitments)
      .values({
        ...input,
        status: "not_assessed",
        slug,
        agreementId,
        position: (last?.position ?? -1) + 1,
        example: options.example ?? false,
      })
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
    const before = await lockRow(tx, commitments, change.id, change.version);
    if (!before) return null;
    const { text, area, responsibleOrganizationId, dueOn } = change;
    await checkOrganization(tx, responsibleOrganizationId);
    const after = await saveVersion(tx, commitments, before, { text, area, responsibleOrganizationId, dueOn });
    await recordAudit(tx, { actor, action: "update", entityType: "commitment", entityId: before.id, before, after });
    return after;
  });
}
