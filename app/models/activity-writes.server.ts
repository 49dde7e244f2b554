// Creating, changing and deleting activities: one transaction each, with its audit row and (for
// changes) the version check.
import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  activities,
  agreements,
  cases,
  citations,
  commitments,
  countries,
  organizations,
  people,
} from "../../db/schema";
import type { Database } from "../../db/client";
import {
  activityColumns,
  asInput,
  columnValues,
  type ActivityInput,
  type ActivityRow,
  type ActivitySnapshot,
} from "./activity.server";
import { linkIds, linksOf, noLinks, writeLinks, type LinkIds } from "./activity-links.server";
import { recordAudit, type Actor } from "./audit.server";
import { RecordError } from "./errors.server";
import { slugify } from "./slug.server";
import { lockRow, saveVersion } from "./versioned.server";

/** What a stale save reports as saved now: the row with its links. */
const conflictSnapshot =
  (tx: Database) =>
  async (row: ActivityRow): Promise<ActivitySnapshot> => ({
    ...asInput(row, await linkIds(tx, row.id)),
    version: row.version,
  });

/** A chosen country, agreement, commitment, organization or person that does not exist (any more). */
export class InvalidReferenceError extends RecordError {
  constructor(public fields: string[]) {
    // One message per field, for the form.
    super(Object.fromEntries(fields.map((f) => [f, { key: "validation.unknownChoice" }])));
  }
}

async function checkReferences(tx: Database, input: ActivityInput) {
  const wrong: string[] = [];
  const missing = async (field: string, ids: number[], find: (ids: number[]) => Promise<{ id: number }[]>) => {
    if (ids.length && (await find(ids)).length !== new Set(ids).size) wrong.push(field);
  };
  if (input.countryCode) {
    const found = await tx
      .select({ code: countries.code })
      .from(countries)
      .where(eq(countries.code, input.countryCode));
    if (!found.length) wrong.push("countryCode");
  }
  await missing("agreementId", input.agreementId ? [input.agreementId] : [], (ids) =>
    tx.select({ id: agreements.id }).from(agreements).where(inArray(agreements.id, ids)),
  );
  await missing("commitmentIds", input.commitmentIds, (ids) =>
    tx.select({ id: commitments.id }).from(commitments).where(inArray(commitments.id, ids)),
  );
  await missing("organizerIds", input.organizerIds, (ids) =>
    tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids)),
  );
  await missing("participantIds", input.participantIds, (ids) =>
    tx.select({ id: people.id }).from(people).where(inArray(people.id, ids)),
  );
  await missing("caseIds", input.caseIds ?? [], (ids) =>
    tx.select({ id: cases.id }).from(cases).where(inArray(cases.id, ids)),
  );
  if (wrong.length) throw new InvalidReferenceError(wrong);
}

/** What the audit log keeps of an activity: its fields and its links (the rendered HTML follows from the JSON). */
function auditView(row: ActivityRow, links: LinkIds) {
  return {
    slug: row.slug,
    agreementId: row.agreementId,
    type: row.type,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    allDay: row.allDay,
    datePrecision: row.datePrecision,
    dateApproximate: row.dateApproximate,
    city: row.city,
    countryCode: row.countryCode,
    mode: row.mode,
    status: row.status,
    outputs: row.outputs,
    lessonsJson: row.lessonsJson,
    lessonsText: row.lessonsText,
    version: row.version,
    ...links,
  };
}

/** An activity as an audit row keeps it (JSON: instants as ISO 8601 strings), e.g. for the conflict view. */
export type AuditedActivity = ReturnType<typeof auditView>;

/** A readable, unique address: the English title, shortened, and a random suffix. */
export function activitySlug(title: string): string {
  return `${slugify(title, 60, "activity")}-${randomBytes(4).toString("hex").slice(0, 6)}`;
}

/**
 * `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the title.
 * `options.example` marks a record of the demo's example scenario (app/seed/examples.server.ts).
 */
export async function createActivity(
  db: Database,
  actor: Actor,
  input: ActivityInput,
  options: { slug?: string; example?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, input);
    const [row] = await tx
      .insert(activities)
      .values({
        slug: options.slug ?? activitySlug(input.title.en),
        example: options.example ?? false,
        ...columnValues(input),
      })
      .returning(activityColumns);
    const links = linksOf(input);
    await writeLinks(tx, row!.id, noLinks, links);
    await recordAudit(tx, {
      actor,
      action: "create",
      entityType: "activity",
      entityId: row!.id,
      after: auditView(row!, links),
    });
    return row!;
  });
}

/**
 * Saves the change over the activity if nobody saved it since `version` was read; otherwise throws
 * ConflictError and changes nothing. Null when the activity does not exist (any more).
 */
export async function updateActivity(
  db: Database,
  actor: Actor,
  change: ActivityInput & { id: number; version: number },
) {
  const { id, version, ...input } = change;
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, activities, id, version, conflictSnapshot(tx));
    if (!before) return null;
    const beforeLinks = await linkIds(tx, id);
    await checkReferences(tx, input);
    const after = await saveVersion(tx, activities, before, columnValues(input));
    const links = linksOf(input, beforeLinks);
    await writeLinks(tx, id, beforeLinks, links);
    await recordAudit(tx, {
      actor,
      action: "update",
      entityType: "activity",
      entityId: id,
      before: auditView(before, beforeLinks),
      after: auditView(after, links),
    });
    return after;
  });
}

/** Deletes the activity with its links and citations; stale `version` → ConflictError. False if absent. */
export async function deleteActivity(db: Database, actor: Actor, { id, version }: { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, activities, id, version, conflictSnapshot(tx));
    if (!before) return false;
    const beforeLinks = await linkIds(tx, id);
    // Citations name their subject by kind and id, without a foreign key to cascade along.
    const cited = await tx
      .delete(citations)
      .where(and(eq(citations.subjectKind, "activity"), eq(citations.subjectId, id)))
      .returning({ sourceId: citations.sourceId });
    await tx.delete(activities).where(eq(activities.id, id));
    await recordAudit(tx, {
      actor,
      action: "delete",
      entityType: "activity",
      entityId: id,
      before: { ...auditView(before, beforeLinks), sourceIds: cited.map((c) => c.sourceId).sort((a, b) => a - b) },
    });
    return true;
  });
}
