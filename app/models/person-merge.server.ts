// Merging a duplicate person into the one who stays: every reference moves, then the duplicate goes.
import { eq, sql } from "drizzle-orm";
import { people } from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit, type Actor } from "./audit.server";
import { ConflictError, RuleError } from "./errors.server";
import { moveSubjectLinks, referenceTally } from "./merge-references.server";
import { auditedPerson } from "./people-writes.server";
import { lockRow, saveVersion } from "./versioned.server";

/**
 * Moves every row that names `duplicateId` to `survivorId`, keeping each table's unique keys: where
 * both were already named (the same activity, visit, agreement, source or document), the two
 * collapse into the survivor's row, which keeps what it had and takes what it lacked. Returns how
 * many rows of each table moved.
 */
async function moveReferences(tx: Database, survivorId: number, duplicateId: number) {
  const s = survivorId;
  const d = duplicateId;
  const { moved, tally } = referenceTally(tx);

  // Activities: a role the survivor lacks is taken from the duplicate's participation.
  await tx.execute(sql`update activity_participants s set role = coalesce(s.role, d.role)
    from activity_participants d where s.person_id = ${s} and d.person_id = ${d} and d.activity_id = s.activity_id`);
  await tally(
    "activity_participants",
    sql`update activity_participants set person_id = ${s} where person_id = ${d}
      and activity_id not in (select activity_id from activity_participants where person_id = ${s})`,
  );
  await tx.execute(sql`delete from activity_participants where person_id = ${d}`);

  await tally(
    "agreement_signatories",
    sql`update agreement_signatories set person_id = ${s} where person_id = ${d}
      and agreement_id not in (select agreement_id from agreement_signatories where person_id = ${s})`,
  );
  await tx.execute(sql`delete from agreement_signatories where person_id = ${d}`);

  await tally(
    "commitment_focal_points",
    sql`update commitment_focal_points set person_id = ${s} where person_id = ${d}`,
  );

  // Visits: on a visit both were members of, the duplicate's itinerary items and logistics the
  // survivor's row lacks go to the survivor's row before the duplicate's row goes.
  await tx.execute(sql`insert into itinerary_item_members (item_id, member_id)
    select im.item_id, sm.id from itinerary_item_members im
    join visit_members dm on dm.id = im.member_id and dm.person_id = ${d}
    join visit_members sm on sm.visit_id = dm.visit_id and sm.person_id = ${s}
    on conflict do nothing`);
  await tx.execute(sql`update visit_members sm set
      arrival_mode = coalesce(sm.arrival_mode, dm.arrival_mode), arrival_ref = coalesce(sm.arrival_ref, dm.arrival_ref),
      arrival_at = coalesce(sm.arrival_at, dm.arrival_at), departure_mode = coalesce(sm.departure_mode, dm.departure_mode),
      departure_ref = coalesce(sm.departure_ref, dm.departure_ref), departure_at = coalesce(sm.departure_at, dm.departure_at),
      hotel = coalesce(sm.hotel, dm.hotel), interpretation_needs = coalesce(sm.interpretation_needs, dm.interpretation_needs),
      dietary_needs = coalesce(sm.dietary_needs, dm.dietary_needs), access_needs = coalesce(sm.access_needs, dm.access_needs)
    from visit_members dm where sm.person_id = ${s} and dm.person_id = ${d} and dm.visit_id = sm.visit_id`);
  await tally(
    "visit_members",
    sql`update visit_members set person_id = ${s} where person_id = ${d}
      and visit_id not in (select visit_id from visit_members where person_id = ${s})`,
  );
  await tx.execute(sql`delete from visit_members where person_id = ${d}`);

  // Positions: the duplicate's move over, and one of two identical positions goes.
  await tally("person_positions", sql`update person_positions set person_id = ${s} where person_id = ${d}`);
  await tx.execute(sql`delete from person_positions a using person_positions b
    where a.person_id = ${s} and b.person_id = ${s} and a.id > b.id and a.title = b.title
      and a.organization_id is not distinct from b.organization_id
      and a.starts_on is not distinct from b.starts_on and a.ends_on is not distinct from b.ends_on`);

  await moveSubjectLinks(tx, tally, "person", s, d);
  return moved;
}

/**
 * Merges the person `duplicateId` into `survivorId` in one transaction: every reference moves to
 * the survivor (see moveReferences), the survivor takes the contact details, organisation,
 * languages and account it lacked, and the duplicate is deleted. `survivorVersion`, when given, is
 * the version the editor saw; someone's save since is a conflict. Null when the survivor is gone.
 */
export async function mergePeople(
  db: Database,
  actor: Actor,
  input: { survivorId: number; duplicateId: number; survivorVersion?: number },
) {
  if (input.survivorId === input.duplicateId) throw new RuleError("duplicateId", "people.merge.self");
  return db.transaction(async (tx) => {
    // Both rows locked, always in the same order, so two merges of the same pair cannot deadlock.
    const [low, high] = [input.survivorId, input.duplicateId].sort((a, b) => a - b);
    const first = await lockRow(tx, people, low!);
    const second = await lockRow(tx, people, high!);
    const [survivorRow, duplicateRow] = low === input.survivorId ? [first, second] : [second, first];
    if (!survivorRow) return null;
    if (!duplicateRow) throw new RuleError("duplicateId", "people.merge.gone", undefined, 404);
    const before = await auditedPerson(tx, survivorRow);
    if (input.survivorVersion !== undefined && survivorRow.version !== input.survivorVersion) {
      throw new ConflictError(before);
    }
    const duplicate = await auditedPerson(tx, duplicateRow);

    const moved = await moveReferences(tx, survivorRow.id, duplicateRow.id);
    // The account moves only if the survivor has none; it is unique, so the duplicate lets go first.
    const userId = survivorRow.userId ?? duplicateRow.userId;
    if (duplicateRow.userId !== null) {
      await tx.update(people).set({ userId: null }).where(eq(people.id, duplicateRow.id));
    }
    const updated = await saveVersion(tx, people, survivorRow, {
      organizationId: survivorRow.organizationId ?? duplicateRow.organizationId,
      email: survivorRow.email ?? duplicateRow.email,
      phone: survivorRow.phone ?? duplicateRow.phone,
      languages: [...new Set([...survivorRow.languages, ...duplicateRow.languages])],
      userId,
    });
    await tx.delete(people).where(eq(people.id, duplicateRow.id));
    const after = { ...(await auditedPerson(tx, updated)), mergedFrom: { ...duplicate, moved } };
    await recordAudit(tx, { actor, action: "merge", entityType: "person", entityId: survivorRow.id, before, after });
    // The duplicate's own row says where it went; its slug there keeps the seed from making it again.
    await recordAudit(tx, {
      actor,
      action: "delete",
      entityType: "person",
      entityId: duplicateRow.id,
      before: duplicate,
      after: { mergedInto: survivorRow.id },
    });
    return { survivor: updated, moved };
  });
}
