import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  activities,
  activityCommitments,
  activityModes,
  activityOrganizers,
  activityParticipants,
  activityStatuses,
  activityTypes,
  agreements,
  auditLog,
  citations,
  commitments,
  countries,
  organizations,
  people,
  users,
  type LocalizedText,
} from "../../db/schema";
import type { Database } from "../db.server";
import { RichTextError, richTextFromForm } from "../lexical/render.server";
import { blankAsMissing, parseForm, type FormErrors } from "../lib/forms";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import { recordAudit, type Actor } from "./audit.server";
import { citationsFor } from "./source.server";
import { ConflictError } from "./user.server";

/* ------------------------------------------------------------------------------------------------
 * The form: what an editor types, checked with zod, then turned into an activity in UTC.
 * --------------------------------------------------------------------------------------------- */

/** What the form holds, as strings, exactly like a browser submits it (checkbox groups as lists). */
export type ActivityFormValues = Record<string, string | string[]>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalid")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "validation.invalid");

// Browsers send HH:MM, or HH:MM:SS when the input has a seconds step; seconds are not kept.
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, "validation.invalid")
  .transform((v) => v.slice(0, 5));

const optionalText = (max: number) => z.preprocess(blankAsMissing, z.string().trim().max(max).optional());
const optionalId = z.preprocess(blankAsMissing, z.coerce.number().int().positive().optional());
const idList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
);

const dateFields = z.object({
  startsOn: isoDate,
  startTime: z.preprocess(blankAsMissing, clockTime.optional()),
  endsOn: z.preprocess(blankAsMissing, isoDate.optional()),
  endTime: z.preprocess(blankAsMissing, clockTime.optional()),
});
type DateFields = z.output<typeof dateFields>;

// The date checks run even while other fields are still wrong, so every error shows at once.
const datesParse = (payload: { value: unknown }) => dateFields.safeParse(payload.value).success;

/** Local wall-clock keys compare correctly as strings: both ends are in the same zone. */
function endNotBeforeStart(v: DateFields) {
  if (!v.startTime) return (v.endsOn ?? v.startsOn) >= v.startsOn;
  const end = `${v.endsOn ?? v.startsOn}T${v.endTime ?? v.startTime}`;
  return end >= `${v.startsOn}T${v.startTime}`;
}

export const activityFormSchema = z
  .object({
    version: z.preprocess(blankAsMissing, z.coerce.number().int().positive().optional()),
    titleEn: z.preprocess(blankAsMissing, z.string().trim().min(1).max(200)),
    titleId: optionalText(200),
    type: z.enum(activityTypes),
    status: z.enum(activityStatuses),
    mode: z.enum(activityModes),
    startsOn: z.preprocess(blankAsMissing, isoDate),
    startTime: z.preprocess(blankAsMissing, clockTime.optional()),
    endsOn: z.preprocess(blankAsMissing, isoDate.optional()),
    endTime: z.preprocess(blankAsMissing, clockTime.optional()),
    city: optionalText(100),
    countryCode: z.preprocess(blankAsMissing, z.string().regex(/^[A-Z]{2}$/, "validation.invalidChoice").optional()),
    agreementId: optionalId,
    commitmentIds: idList,
    organizerIds: idList,
    participantIds: idList,
    descriptionEn: optionalText(5000),
    descriptionId: optionalText(5000),
    outputsEn: optionalText(5000),
    outputsId: optionalText(5000),
  })
  .refine((v) => !(v.endTime && !v.startTime), {
    message: "activities.endTimeWithoutStart",
    path: ["startTime"],
    when: datesParse,
  })
  .refine((v) => endNotBeforeStart(v), {
    message: "activities.endBeforeStart",
    path: ["endsOn"],
    when: datesParse,
  });

export type ActivityFormData = z.output<typeof activityFormSchema>;

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

function localizedOrNull(en: string | undefined, id: string | undefined): LocalizedText | null {
  if (!en && !id) return null;
  // English is the language every record has; a text written only in Indonesian stands in for it.
  return id ? { en: en ?? id, id } : { en: en! };
}

/**
 * Without times the activity lasts whole days: 00:00Z of the first to 23:59:59Z of the last, as the
 * seed stores them. With times, the dates and times are the viewer's wall clock in `timeZone`.
 */
export function activityTimes(v: DateFields, timeZone: string) {
  const endsOn = v.endsOn ?? v.startsOn;
  if (!v.startTime) {
    return {
      allDay: true,
      startsAt: new Date(`${v.startsOn}T00:00:00Z`),
      endsAt: new Date(`${endsOn}T23:59:59Z`),
    };
  }
  return {
    allDay: false,
    startsAt: zonedToUtc(v.startsOn, v.startTime, timeZone),
    endsAt: zonedToUtc(endsOn, v.endTime ?? v.startTime, timeZone),
  };
}

export function toActivityInput(data: ActivityFormData, lessons: RichText | null, timeZone: string): ActivityInput {
  return {
    title: localizedOrNull(data.titleEn, data.titleId)!,
    type: data.type,
    status: data.status,
    mode: data.mode,
    ...activityTimes(data, timeZone),
    city: data.city ?? null,
    countryCode: data.countryCode ?? null,
    agreementId: data.agreementId ?? null,
    description: localizedOrNull(data.descriptionEn, data.descriptionId),
    outputs: localizedOrNull(data.outputsEn, data.outputsId),
    lessons,
    commitmentIds: data.commitmentIds,
    organizerIds: data.organizerIds,
    participantIds: data.participantIds,
  };
}

/** Every field as submitted (repeated names become lists), to put back into the form. */
export function activityFormValues(form: FormData): ActivityFormValues {
  const values: ActivityFormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prior = values[name];
    values[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return values;
}

export type ActivityFormResult =
  | { success: true; input: ActivityInput; version: number | undefined; values: ActivityFormValues }
  | { success: false; errors: FormErrors; values: ActivityFormValues };

/**
 * Checks the whole form, lessons learned included, and reports every wrong field at once. The
 * values to put back carry the lessons' plain text too, for the textarea shown without JavaScript.
 */
export async function readActivityForm(form: FormData, timeZone: string): Promise<ActivityFormResult> {
  const values = activityFormValues(form);
  const parsed = parseForm(activityFormSchema, form);
  const errors: FormErrors = parsed.success ? {} : { ...parsed.errors };
  let lessons: RichText | null = null;
  try {
    lessons = await richTextFromForm(form, "lessons");
    values.lessonsText = lessons?.text ?? "";
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error;
    errors.lessons = { key: "activities.lessonsInvalid" };
  }
  if (!parsed.success || Object.keys(errors).length) return { success: false, errors, values };
  return {
    success: true,
    input: toActivityInput(parsed.data, lessons, timeZone),
    version: parsed.data.version,
    values,
  };
}

/** The form's fields for an activity (stored, or as just submitted), in the viewer's zone. */
export function formValuesOf(a: ActivityInput, timeZone: string): ActivityFormValues {
  const start = a.allDay
    ? { date: a.startsAt.toISOString().slice(0, 10), time: "" }
    : utcToZoned(a.startsAt, timeZone);
  const end = a.allDay ? { date: a.endsAt.toISOString().slice(0, 10), time: "" } : utcToZoned(a.endsAt, timeZone);
  return {
    titleEn: a.title.en,
    titleId: a.title.id ?? "",
    type: a.type,
    status: a.status,
    mode: a.mode,
    startsOn: start.date,
    startTime: start.time,
    endsOn: end.date,
    endTime: end.time,
    city: a.city ?? "",
    countryCode: a.countryCode ?? "",
    agreementId: a.agreementId ? String(a.agreementId) : "",
    commitmentIds: a.commitmentIds.map(String),
    organizerIds: a.organizerIds.map(String),
    participantIds: a.participantIds.map(String),
    descriptionEn: a.description?.en ?? "",
    descriptionId: a.description?.id ?? "",
    outputsEn: a.outputs?.en ?? "",
    outputsId: a.outputs?.id ?? "",
    lessons: a.lessons ? JSON.stringify(a.lessons.json) : "",
    lessonsFormat: a.lessons ? "lexical" : "text",
    lessonsText: a.lessons?.text ?? "",
  };
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
  const [row] = await db
    .select({ ...columns, countryName: countries.name, agreementTitle: agreements.title })
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

export type ActivityDetail = NonNullable<Awaited<ReturnType<typeof getActivity>>>;

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

function snapshot(row: ActivityRow, links: LinkIds): ActivitySnapshot {
  return { ...asInput(row, links), version: row.version };
}

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
    db
      .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
      .from(organizations)
      .orderBy(byName(organizations.name), asc(organizations.id)),
    db
      .select({ id: people.id, name: people.name, organization: organizations.name, acronym: organizations.acronym })
      .from(people)
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .orderBy(asc(people.name), asc(people.id)),
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
export class InvalidReferenceError extends Error {
  constructor(public fields: string[]) {
    super(`Unknown ${fields.join(", ")}`);
  }

  /** One message per field, for the form. */
  get errors(): FormErrors {
    return Object.fromEntries(this.fields.map((f) => [f, { key: "activities.unknownChoice" }]));
  }
}

async function checkReferences(tx: Database, input: ActivityInput) {
  const wrong: string[] = [];
  const missing = async (
    field: string,
    ids: number[],
    find: (ids: number[]) => Promise<{ id: number }[]>,
  ) => {
    if (ids.length && (await find(ids)).length !== new Set(ids).size) wrong.push(field);
  };
  if (input.countryCode) {
    const found = await tx.select({ code: countries.code }).from(countries).where(eq(countries.code, input.countryCode));
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
  tx: Database,
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
    tx,
    current.commitmentIds,
    wanted.commitmentIds,
    (ids) =>
      tx
        .delete(activityCommitments)
        .where(and(eq(activityCommitments.activityId, activityId), inArray(activityCommitments.commitmentId, ids))),
    (ids) => tx.insert(activityCommitments).values(ids.map((commitmentId) => ({ activityId, commitmentId }))),
  );
  await syncLinks(
    tx,
    current.organizerIds,
    wanted.organizerIds,
    (ids) =>
      tx
        .delete(activityOrganizers)
        .where(and(eq(activityOrganizers.activityId, activityId), inArray(activityOrganizers.organizationId, ids))),
    (ids) => tx.insert(activityOrganizers).values(ids.map((organizationId) => ({ activityId, organizationId }))),
  );
  await syncLinks(
    tx,
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
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Letters of Azerbaijani (and a few others) that have no decomposition into a Latin base.
    .replace(/[ıəøđłß]/g, (c) => ({ ı: "i", ə: "e", ø: "o", đ: "d", ł: "l", ß: "ss" })[c] ?? c)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "activity"}-${randomBytes(4).toString("hex").slice(0, 6)}`;
}

export async function createActivity(db: Database, actor: Actor, input: ActivityInput) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, input);
    const [row] = await tx
      .insert(activities)
      .values({ slug: activitySlug(input.title.en), ...columnValues(input) })
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
    const [before] = await selectRows(tx).where(eq(activities.id, id)).for("update");
    if (!before) return null;
    const beforeLinks = await linkIds(tx, id);
    if (before.version !== version) throw new ConflictError(snapshot(before, beforeLinks));
    await checkReferences(tx, input);
    const [after] = await tx
      .update(activities)
      .set({ ...columnValues(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(activities.id, id), eq(activities.version, version)))
      .returning(columns);
    if (!after) throw new ConflictError(snapshot(before, beforeLinks));
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
    const [before] = await selectRows(tx).where(eq(activities.id, id)).for("update");
    if (!before) return false;
    const beforeLinks = await linkIds(tx, id);
    if (before.version !== version) throw new ConflictError(snapshot(before, beforeLinks));
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

export interface HistoryEntry {
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
