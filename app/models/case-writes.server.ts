// Creating and changing a case's working copy: each change one transaction with its audit row.
import { cases, type caseContent } from "../../db/schema";
import type { Database } from "../../db/client";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { freeSlug, slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

/** What an editor writes about a case: its content, as both tables store it. */
export type CaseInput = Pick<typeof cases.$inferInsert, keyof ReturnType<typeof caseContent>>;

/** The content as stored: the awards' keys, which the library filters by, follow from the awards. */
function withAwardKeys(input: CaseInput): CaseInput {
  const keys = [...new Set((input.awards ?? []).map((a) => a.key))].sort();
  return { ...input, awardKeys: keys };
}

/** A new draft. `options.slug` fixes the address (the seed keeps content/'s); otherwise the English title's. */
export async function createCase(
  db: Database,
  actor: Actor,
  input: CaseInput,
  options: { slug?: string; slugId?: string | null; synthetic?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const slug = options.slug ?? (await freeSlug(tx, "case", slugify(input.title.en)));
    const [created] = await tx
      .insert(cases)
      .values({
        ...withAwardKeys(input),
        slug,
        slugId: options.slugId ?? null,
        synthetic: options.synthetic ?? false,
        editedBy: actorUserId(actor),
      })
      .returning();
    await recordAudit(tx, { actor, action: "create", entityType: "case", entityId: created!.id, after: created });
    return created!;
  });
}

/**
 * Saves the working copy over `version`. A published case stays public as it was published: the
 * change is a revision (status back to draft) until someone publishes it.
 */
export async function updateCase(db: Database, actor: Actor, id: number, version: number, input: CaseInput) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, cases, id, version);
    if (!before) throw new RuleError("form", "errors.notFound", undefined, 404);
    const after = await saveVersion(tx, cases, before, {
      ...withAwardKeys(input),
      status: before.status === "in_review" ? "in_review" : "draft",
      editedBy: actorUserId(actor),
    });
    await recordAudit(tx, { actor, action: "update", entityType: "case", entityId: id, before, after });
    return after;
  });
}
