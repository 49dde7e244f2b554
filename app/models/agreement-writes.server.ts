// Creating and changing agreements: each change one transaction with its audit row.
import { eq, inArray } from "drizzle-orm";
import { agreementSignatories, agreements, partnerships, people, type Agreement } from "../../db/schema";
import { type AgreementKind } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { withSignatories } from "./agreement-edit.server";
import { recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface AgreementInput {
  kind: AgreementKind;
  title: LocalizedText;
  summary: LocalizedText;
  signedOn: string | null;
  signedCity: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
  /** No source gives the end date; left out, a new agreement's is not inferred and an edit keeps it. */
  inForceUntilInferred?: boolean;
  status: Agreement["status"];
  parentId: number | null;
  signatoryIds: number[];
}

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

/**
 * `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the title.
 * `options.example` marks a record of the demo's example scenario.
 */
export async function createAgreement(
  db: Database,
  actor: Actor,
  input: AgreementInput & { partnershipId: number },
  options: { slug?: string; example?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const [partnership] = await tx
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.id, input.partnershipId));
    if (!partnership) throw new RuleError("partnershipId", "validation.invalidChoice");
    await checkParent(tx, null, input.partnershipId, input);
    await checkSignatories(tx, input.signatoryIds);
    const { signatoryIds, ...values } = input;
    const slug = options.slug ?? (await freeSlug(tx, "agreement", slugify(input.title.en)));
    const [row] = await tx
      .insert(agreements)
      .values({ ...values, slug, example: options.example ?? false })
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
