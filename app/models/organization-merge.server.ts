// Merging a duplicate organisation into the one that stays: every reference moves, then the duplicate goes.
import { eq, sql } from "drizzle-orm";
import { organizations } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError, RuleError } from "./errors.server";
import { moveSubjectLinks, referenceTally } from "./merge-references.server";
import { lockRow, saveVersion } from "./versioned.server";

/** Columns that name an organisation and are no key: they simply move. */
const plainReferences = [
  ["people", "organization_id"],
  ["users", "organization_id"],
  ["commitments", "responsible_organization_id"],
  ["visits", "host_organization_id"],
  ["itinerary_items", "host_organization_id"],
  ["cases", "organization_id"],
  ["cases", "contact_organization_id"],
  ["case_publications", "organization_id"],
  ["case_publications", "contact_organization_id"],
] as const;

/**
 * Moves every row that names `duplicateId` to `survivorId`. An activity both organised keeps one
 * organiser row; a person's position that becomes identical to another of theirs goes; bodies under
 * the duplicate come under the survivor (the survivor itself excepted). Returns the rows moved per table.
 */
async function moveReferences(tx: Database, s: number, d: number) {
  const { moved, tally } = referenceTally(tx);
  await tally(
    "activity_organizers",
    sql`update activity_organizers set organization_id = ${s} where organization_id = ${d}
      and activity_id not in (select activity_id from activity_organizers where organization_id = ${s})`,
  );
  await tx.execute(sql`delete from activity_organizers where organization_id = ${d}`);

  for (const [table, column] of plainReferences) {
    await tally(
      `${table}.${column}`,
      sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${s} where ${sql.identifier(column)} = ${d}`,
    );
  }

  await tally("person_positions", sql`update person_positions set organization_id = ${s} where organization_id = ${d}`);
  await tx.execute(sql`delete from person_positions a using person_positions b
    where a.organization_id = ${s} and b.organization_id = ${s} and a.person_id = b.person_id and a.id > b.id
      and a.title = b.title and a.starts_on is not distinct from b.starts_on and a.ends_on is not distinct from b.ends_on`);

  await tally(
    "organizations.parent_id",
    sql`update organizations set parent_id = ${s} where parent_id = ${d} and id <> ${s}`,
  );
  await moveSubjectLinks(tx, tally, "organization", s, d);
  return moved;
}

/** Each organisation's parent, as the tree stands now. */
async function parents(tx: Database) {
  const all = await tx.select({ id: organizations.id, parentId: organizations.parentId }).from(organizations);
  return new Map(all.map((o) => [o.id, o.parentId]));
}

/** True when following parents upwards from `from` reaches `id`. */
function reaches(parentOf: Map<number, number | null>, from: number | null, id: number) {
  const seen = new Set<number>();
  for (let at = from; at; at = parentOf.get(at) ?? null) {
    if (at === id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/**
 * Merges the organisation `duplicateId` into `survivorId` in one transaction: every reference
 * moves (see moveReferences), the survivor takes the acronym, website, country and parent it lacked
 * (never itself as parent), and the duplicate is deleted. `survivorVersion` is the version the
 * editor saw; someone's save since is a conflict. Null when the survivor is gone.
 */
export async function mergeOrganizations(
  db: Database,
  actor: Actor,
  input: { survivorId: number; duplicateId: number; survivorVersion?: number },
) {
  if (input.survivorId === input.duplicateId) throw new RuleError("duplicateId", "organizations.merge.self");
  return db.transaction(async (tx) => {
    // Both rows locked, always in the same order, so two merges of the same pair cannot deadlock.
    const [low, high] = [input.survivorId, input.duplicateId].sort((a, b) => a - b);
    const first = await lockRow(tx, organizations, low!);
    const second = await lockRow(tx, organizations, high!);
    const [before, duplicate] = low === input.survivorId ? [first, second] : [second, first];
    if (!before) return null;
    if (!duplicate) throw new RuleError("duplicateId", "organizations.merge.gone", undefined, 404);
    if (input.survivorVersion !== undefined && before.version !== input.survivorVersion) {
      throw new ConflictError(before);
    }
    // Every organisation locked while the tree changes, as an edit of a parent does.
    await tx.select({ id: organizations.id }).from(organizations).for("update");

    const moved = await moveReferences(tx, before.id, duplicate.id);
    // The duplicate's parent is taken only where it keeps the survivor out of its own ancestry.
    const tree = await parents(tx);
    const inherited = reaches(tree, duplicate.parentId, before.id) ? null : duplicate.parentId;
    const parentId = before.parentId === duplicate.id ? inherited : (before.parentId ?? inherited);
    const updated = await saveVersion(tx, organizations, before, {
      acronym: before.acronym ?? duplicate.acronym,
      website: before.website ?? duplicate.website,
      countryCode: before.countryCode ?? duplicate.countryCode,
      parentId,
    });
    // A body under the duplicate that is above the survivor would now be under it too: a loop.
    if (reaches(await parents(tx), parentId, before.id))
      throw new RuleError("duplicateId", "organizations.merge.cycle");
    await tx.delete(organizations).where(eq(organizations.id, duplicate.id));
    const after = { ...updated, mergedFrom: { ...duplicate, moved } };
    await recordAudit(tx, { actor, action: "merge", entityType: "organization", entityId: before.id, before, after });
    // The duplicate's own row says where it went; its slug there keeps the seed from making it again.
    await recordAudit(tx, {
      actor,
      action: "delete",
      entityType: "organization",
      entityId: duplicate.id,
      before: duplicate,
      after: { mergedInto: before.id },
    });
    return { survivor: updated, moved };
  });
}
