import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  activities,
  activityCommitments,
  activityOrganizers,
  activityParticipants,
  agreements,
  auditLog,
  citations,
  commitments,
  countries,
  organizations,
  people,
  users,
} from "../../db/schema";
import { type activityModes, type activityStatuses, type activityTypes } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import type { Database } from "../../db/client";
import { RecordError } from "./errors.server";
import { organizationOptions, personOptions } from "./organization.server";
import { recordAudit, type Actor } from "./audit.server";
import { slugify } from "./slug.server";
import { citationsFor } from "./source.server";
import { lockRow, saveVersion } from "./versioned.server";

export interface RichText {
  json: unknown;
  html: string;
  text: string;
}

/** An activity as the model writes it: instants in UTC, links as id lists. */
export interface ActivityInput {
  title: LocalizedText;
  type: (typeof activityTypes)[number];
  status: (typeof activityStatuses)[number];
  mode: (typeof activityModes)[number];
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  city: string | null;
  countryCode: string | null;
  agreementId: number | null;
  description: LocalizedText | null;
  outputs: LocalizedText | null;
  lessons: RichText | null;
  commitmentIds: number[];
  organizerIds: number[];
  participantIds: number[];
}

/* ------------------------------------------------------------------------------------------------
 * Reading.
 * --------------------------------------------------------------------------------------------- */

// Every column but the generated `search`, which only the list's search reads.
const columns = {
  id: activities.id,
  slug: activities.slug,
  agreementId: activities.agreementId,
  type: activities.type,
  title: activities.title,
  description: activities.description,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  allDay: activities.allDay,
  city: activities.city,
  countryCode: activities.countryCode,
  mode: activities.mode,
  status: activities.status,
  outputs: activities.outputs,
  lessonsJson: activities.lessonsJson,
  lessonsHtml: activities.lessonsHtml,
  lessonsText: activities.lessonsText,
  version: activities.version,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

const selectRows = (db: Database) => db.select(columns).from(activities);
type ActivityRow = Awaited<ReturnType<typeof selectRows>>[number];

const byName = (name: typeof organizations.name) => asc(sql`lower(${name}->>'en')`);

/** One activity with everything its page shows; a fixed number of queries, none per linked row. */
export async function getActivity(db: Database, id: number) {
  // The page shows the lessons as stored HTML; the editor's state and the plain text stay behind.
  const { lessonsJson: _json, lessonsText: _text, ...shown } = columns;
  const [row] = await db
    .select({ ...shown, countryName: countries.name, agreementTitle: agreements.title })
    .from(activities)
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .leftJoin(agreements, eq(agreements.id, activities.agreementId))
    .where(eq(activities.id, id));
  if (!row) return null;
  const [organizers, participants, served, cited] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
      .from(activityOrganizers)
      .innerJoin(organizations, eq(organizations.id, activityOrganizers.organizationId))
      .where(eq(activityOrganizers.activityId, id))
      .orderBy(byName(organizations.name), asc(organizations.id)),
    db
      .select({
        id: people.id,
        name: people.name,
        title: people.title,
        role: activityParticipants.role,
        organization: organizations.name,
        acronym: organizations.acronym,
      })
      .from(activityParticipants)
      .innerJoin(people, eq(people.id, activityParticipants.personId))
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(eq(activityParticipants.activityId, id))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        status: commitments.status,
        agreementId: commitments.agreementId,
        agreementTitle: agreements.title,
      })
      .from(activityCommitments)
      .innerJoin(commitments, eq(commitments.id, activityCommitments.commitmentId))
      .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
      .where(eq(activityCommitments.activityId, id))
      .orderBy(asc(agreements.id), asc(commitments.position), asc(commitments.id)),
    citationsFor(db, "activity", [id]),
  ]);
  return {
    ...row,
    organizers,
    participants,
    commitments: served,
    sources: cited.get(id) ?? [],
  };
}

interface LinkIds {
  commitmentIds: number[];
  organizerIds: number[];
  participantIds: number[];
}

async function linkIds(db: Database, id: number): Promise<LinkIds> {
  const [c, o, p] = await Promise.all([
    db
      .select({ id: activityCommitments.commitmentId })
      .from(activityCommitments)
      .where(eq(activityCommitments.activityId, id)),
    db
      .select({ id: activityOrganizers.organizationId })
      .from(activityOrganizers)
      .where(eq(activityOrganizers.activityId, id)),
    db
      .select({ id: activityParticipants.personId })
      .from(activityParticipants)
      .where(eq(activityParticipants.activityId, id)),
  ]);
  const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { commitmentIds: sorted(c), organizerIds: sorted(o), participantIds: sorted(p) };
}

/** The stored state a conflict reports: what someone else saved, with its version. */
export type ActivitySnapshot = ActivityInput & { version: number };

/** What a stale save reports as saved now: the row with its links. */
const conflictSnapshot =
  (tx: Database) =>
  async (row: ActivityRow): Promise<ActivitySnapshot> => ({
    ...asInput(row, await linkIds(tx, row.id)),
    version: row.version,
  });

function asInput(row: ActivityRow, links: LinkIds): ActivityInput {
  return {
    title: row.title,
    type: row.type,
    status: row.status,
    mode: row.mode,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    allDay: row.allDay,
    city: row.city,
    countryCode: row.countryCode,
    agreementId: row.agreementId,
    description: row.description,
    outputs: row.outputs,
    lessons:
      row.lessonsJson != null
        ? { json: row.lessonsJson, html: row.lessonsHtml ?? "", text: row.lessonsText ?? "" }
        : null,
    ...links,
  };
}

/** An activity as its edit form starts: the stored fields, link ids and version. */
export async function getActivityForEdit(db: Database, id: number) {
  const [row] = await selectRows(db).where(eq(activities.id, id));
  if (!row) return null;
  return { id: row.id, version: row.version, title: row.title, input: asInput(row, await linkIds(db, id)) };
}

/** The stored lessons learned with the activity's version; null when the activity does not exist. */
export async function getActivityLessons(db: Database, id: number) {
  const [row] = await db
    .select({
      version: activities.version,
      json: activities.lessonsJson,
      html: activities.lessonsHtml,
      text: activities.lessonsText,
    })
    .from(activities)
    .where(eq(activities.id, id));
  if (!row) return null;
  const lessons: RichText | null =
    row.json != null ? { json: row.json, html: row.html ?? "", text: row.text ?? "" } : null;
  return { version: row.version, lessons };
}

/** Everything the form offers to choose from, each list in one query. */
export async function activityFormOptions(db: Database) {
  const [countryList, agreementList, commitmentList, organizationList, personList] = await Promise.all([
    db
      .select({ code: countries.code, name: countries.name })
      .from(countries)
      .orderBy(asc(sql`${countries.name}->>'en'`)),
    db
      .select({ id: agreements.id, title: agreements.title, kind: agreements.kind })
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id)),
    db
      .select({ id: commitments.id, text: commitments.text, agreementId: commitments.agreementId })
      .from(commitments)
      .orderBy(asc(commitments.agreementId), asc(commitments.position), asc(commitments.id)),
    organizationOptions(db),
    personOptions(db),
  ]);
  return {
    countries: countryList,
    agreements: agreementList,
    commitments: commitmentList,
    organizations: organizationList,
    people: personList,
  };
}

export type ActivityFormOptions = Awaited<ReturnType<typeof activityFormOptions>>;

/* ------------------------------------------------------------------------------------------------
 * Writing: one transaction each, with its audit row and (for changes) the version check.
 * --------------------------------------------------------------------------------------------- */

/** A chosen country, agreement, commitment, organization or person that does not exist (any more). */
export class InvalidReferenceError extends RecordError {
  constructor(public fields: string[]) {
    // One message per field, for the form.
    super(Object.fromEntries(fields.map((f) => [f, { key: "activities.unknownChoice" }])));
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
  if (wrong.length) throw new InvalidReferenceError(wrong);
}

function columnValues(input: ActivityInput) {
  return {
    agreementId: input.agreementId,
    type: input.type,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    allDay: input.allDay,
    city: input.city,
    countryCode: input.countryCode,
    mode: input.mode,
    status: input.status,
    outputs: input.outputs,
    lessonsJson: input.lessons?.json ?? null,
    lessonsHtml: input.lessons?.html ?? null,
    lessonsText: input.lessons?.text ?? null,
  };
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

/** Makes one link table hold exactly `wanted`, leaving kept rows (and a participant's role) alone. */
async function syncLinks(
  current: number[],
  wanted: number[],
  remove: (ids: number[]) => Promise<unknown>,
  add: (ids: number[]) => Promise<unknown>,
) {
  const gone = current.filter((id) => !wanted.includes(id));
  const added = wanted.filter((id) => !current.includes(id));
  if (gone.length) await remove(gone);
  if (added.length) await add(added);
}

async function writeLinks(tx: Database, activityId: number, current: LinkIds, wanted: LinkIds) {
  await syncLinks(
    current.commitmentIds,
    wanted.commitmentIds,
    (ids) =>
      tx
        .delete(activityCommitments)
        .where(and(eq(activityCommitments.activityId, activityId), inArray(activityCommitments.commitmentId, ids))),
    (ids) => tx.insert(activityCommitments).values(ids.map((commitmentId) => ({ activityId, commitmentId }))),
  );
  await syncLinks(
    current.organizerIds,
    wanted.organizerIds,
    (ids) =>
      tx
        .delete(activityOrganizers)
        .where(and(eq(activityOrganizers.activityId, activityId), inArray(activityOrganizers.organizationId, ids))),
    (ids) => tx.insert(activityOrganizers).values(ids.map((organizationId) => ({ activityId, organizationId }))),
  );
  await syncLinks(
    current.participantIds,
    wanted.participantIds,
    (ids) =>
      tx
        .delete(activityParticipants)
        .where(and(eq(activityParticipants.activityId, activityId), inArray(activityParticipants.personId, ids))),
    (ids) => tx.insert(activityParticipants).values(ids.map((personId) => ({ activityId, personId }))),
  );
}

const noLinks: LinkIds = { commitmentIds: [], organizerIds: [], participantIds: [] };
const linksOf = (input: ActivityInput): LinkIds => ({
  commitmentIds: [...input.commitmentIds].sort((a, b) => a - b),
  organizerIds: [...input.organizerIds].sort((a, b) => a - b),
  participantIds: [...input.participantIds].sort((a, b) => a - b),
});

/** A readable, unique address: the English title, shortened, and a random suffix. */
export function activitySlug(title: string): string {
  return `${slugify(title, 60, "activity")}-${randomBytes(4).toString("hex").slice(0, 6)}`;
}

/** `options.slug` fixes the address (the seed keeps content/'s); otherwise one is made from the title. */
export async function createActivity(
  db: Database,
  actor: Actor,
  input: ActivityInput,
  options: { slug?: string } = {},
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, input);
    const [row] = await tx
      .insert(activities)
      .values({ slug: options.slug ?? activitySlug(input.title.en), ...columnValues(input) })
      .returning(columns);
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
 * Saves `input` over the activity if nobody saved it since `version` was read; otherwise throws
 * ConflictError and changes nothing. Null when the activity does not exist (any more).
 */
export async function updateActivity(db: Database, actor: Actor, id: number, version: number, input: ActivityInput) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, activities, id, version, conflictSnapshot(tx));
    if (!before) return null;
    const beforeLinks = await linkIds(tx, id);
    await checkReferences(tx, input);
    const after = await saveVersion(tx, activities, before, columnValues(input));
    const links = linksOf(input);
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
export async function deleteActivity(db: Database, actor: Actor, id: number, version: number) {
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

/* ------------------------------------------------------------------------------------------------
 * History.
 * --------------------------------------------------------------------------------------------- */

// The seed records link-table changes under their own entity types, with the activity's id.
const linkFields: Record<string, string> = {
  activity_commitments: "commitmentIds",
  activity_organizers: "organizerIds",
  activity_participants: "participantIds",
  activity_citations: "sources",
};
const historyTypes = ["activity", ...Object.keys(linkFields)];

// Bookkeeping, not something anyone changed; the lessons' JSON and text are one field to a reader.
const hiddenFields = new Set(["version", "slug", "createdAt", "updatedAt", "lessonsHtml", "sourceIds"]);
const fieldAliases: Record<string, string> = { lessonsJson: "lessons", lessonsText: "lessons" };

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The fields an audit row changed, in a stable order, named as the form names them. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = new Set<string>();
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (hiddenFields.has(key)) continue;
    if (canonical(b[key]) !== canonical(a[key])) fields.add(fieldAliases[key] ?? key);
  }
  return [...fields];
}

interface HistoryEntry {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  actorLabel: string | null;
  fields: string[];
}

/** The activity's audit trail, newest first, with each actor's name from one join. */
export async function activityHistory(db: Database, id: number, limit = 100): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      actorName: users.name,
      actorLabel: auditLog.actorLabel,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(inArray(auditLog.entityType, historyTypes), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => {
    const link = linkFields[r.entityType];
    let fields: string[];
    if (link) fields = [link];
    else if (r.action === "update") fields = changedFields(r.before, r.after);
    else fields = [];
    return {
      id: r.id,
      at: r.at,
      // A link-table change is, to the reader, a change of the activity.
      action: link ? "update" : r.action,
      actorName: r.actorName,
      actorLabel: r.actorLabel,
      fields,
    };
  });
}
