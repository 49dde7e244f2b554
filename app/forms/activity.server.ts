// The activity form and the activity record: the checked form turned into an activity in UTC, and back.
import { localizedOrNull } from "../lib/localized";
import {
  MAX_LIST_NESTING,
  RichTextError,
  richTextFromForm,
  shownTextDigest,
  type StoredRichText,
} from "../lexical/render.server";
import type { FieldMessage } from "../lib/forms";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import type { ActivityInput, RichText } from "../models/activity.server";
import type { AuditedActivity } from "../models/activity-writes.server";
import { RuleError } from "../models/errors.server";
import { activityFieldOrder, type ActivityDates, type ActivityFormData } from "./activity";
import type { FormValues } from "./result";

/**
 * Without times the activity lasts whole days: 00:00Z of the first to 23:59:59Z of the last, as the
 * seed stores them. With times, the dates and times are the viewer's wall clock in `timeZone`.
 */
export function activityTimes(v: ActivityDates, timeZone: string) {
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

/** The activity's stored lessons with the version they belong to (null when it is gone). */
export type StoredLessons = () => Promise<{ version: number; lessons: StoredRichText | null } | null>;

function lessonsError(error: RichTextError): FieldMessage {
  if (error.code === "too_long") {
    return error.max === undefined
      ? { key: "editor.tooLong" }
      : { key: "validation.tooLong", values: { max: error.max } };
  }
  if (error.code === "too_deep") return { key: "editor.tooDeep", values: { max: MAX_LIST_NESTING } };
  return { key: "activities.lessonsInvalid" };
}

/**
 * The lessons learned, read and sanitized from the editor's JSON or the textarea's text; a broken
 * or oversized text is a RuleError on the field.
 *
 * `stored` (when editing) reads the activity's lessons: a browser without JavaScript sends the
 * lessons as plain text, and if that is the text the form showed, the stored lessons are kept as
 * they are, formatting included, provided they are still those of the version the form was made
 * from (a later version makes the save a conflict anyway).
 */
async function readLessons(data: ActivityFormData, stored?: StoredLessons): Promise<RichText | null> {
  const form = new FormData();
  for (const name of ["lessons", "lessonsFormat", "lessonsShown"] as const) {
    const value = data[name];
    if (value !== undefined) form.set(name, value);
  }
  const unchanged = stored
    ? async () => {
        const current = await stored();
        return current && current.version === data.version ? current.lessons : null;
      }
    : undefined;
  try {
    return await richTextFromForm(form, "lessons", unchanged);
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error;
    const message = lessonsError(error);
    throw new RuleError("lessons", message.key, message.values);
  }
}

/** The checked form as the activity model takes it, in UTC; the lessons are read here (see readLessons). */
export async function activityInput(
  data: ActivityFormData,
  timeZone: string,
  stored?: StoredLessons,
): Promise<ActivityInput> {
  return {
    title: localizedOrNull(data.titleEn, data.titleId, data.titleAz)!,
    type: data.type,
    status: data.status,
    mode: data.mode,
    // A month or year has no times: the model stores it as the whole period.
    ...activityTimes(data.datePrecision === "day" ? data : { startsOn: data.startsOn, endsOn: data.endsOn }, timeZone),
    datePrecision: data.datePrecision,
    dateApproximate: data.dateApproximate,
    city: data.city ?? null,
    countryCode: data.countryCode ?? null,
    agreementId: data.agreementId ?? null,
    description: localizedOrNull(data.descriptionEn, data.descriptionId, data.descriptionAz),
    outputs: localizedOrNull(data.outputsEn, data.outputsId, data.outputsAz),
    lessons: await readLessons(data, stored),
    commitmentIds: data.commitmentIds,
    organizerIds: data.organizerIds,
    participantIds: data.participantIds,
    caseIds: data.caseIds,
  };
}

/** The form's fields for an activity (stored, or as just submitted), in the viewer's zone. */
export function activityFormValues(a: ActivityInput, timeZone: string): FormValues {
  const start = a.allDay ? { date: a.startsAt.toISOString().slice(0, 10), time: "" } : utcToZoned(a.startsAt, timeZone);
  const end = a.allDay ? { date: a.endsAt.toISOString().slice(0, 10), time: "" } : utcToZoned(a.endsAt, timeZone);
  return {
    titleEn: a.title.en,
    titleId: a.title.id ?? "",
    titleAz: a.title.az ?? "",
    type: a.type,
    status: a.status,
    mode: a.mode,
    startsOn: start.date,
    startTime: start.time,
    endsOn: end.date,
    endTime: end.time,
    datePrecision: a.datePrecision ?? "day",
    dateApproximate: a.dateApproximate ? "on" : "",
    city: a.city ?? "",
    countryCode: a.countryCode ?? "",
    agreementId: a.agreementId ? String(a.agreementId) : "",
    commitmentIds: a.commitmentIds.map(String),
    organizerIds: a.organizerIds.map(String),
    participantIds: a.participantIds.map(String),
    caseIds: (a.caseIds ?? []).map(String),
    descriptionEn: a.description?.en ?? "",
    descriptionId: a.description?.id ?? "",
    descriptionAz: a.description?.az ?? "",
    outputsEn: a.outputs?.en ?? "",
    outputsId: a.outputs?.id ?? "",
    outputsAz: a.outputs?.az ?? "",
    lessons: a.lessons ? JSON.stringify(a.lessons.json) : "",
    lessonsFormat: a.lessons ? "lexical" : "text",
    lessonsText: a.lessons?.text ?? "",
    // Without JavaScript the textarea shows only the text: this tells the server it was left alone.
    lessonsShown: a.lessons ? shownTextDigest(a.lessons.text) : "",
  };
}

/**
 * The fields the conflict view compares, in the page's order: the rich text by its plain text,
 * which is what both sides of the view show (see useActivityConflictRows).
 */
export const activityConflictFields = activityFieldOrder.map((field) => (field === "lessons" ? "lessonsText" : field));

/**
 * The form's fields for an activity as an audit row kept it, so the conflict view can tell what
 * someone else changed since the editor's version. The lessons' rendering is not kept, nor compared.
 */
export function auditedActivityFormValues(a: AuditedActivity, timeZone: string): FormValues {
  const lessons = a.lessonsJson == null ? null : { json: a.lessonsJson, html: "", text: a.lessonsText ?? "" };
  return activityFormValues({ ...a, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt), lessons }, timeZone);
}
