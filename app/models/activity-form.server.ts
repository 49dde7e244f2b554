// The activity form: what an editor types, checked with zod, then turned into an activity in UTC.
import { z } from "zod";
import { activityModes, activityStatuses, activityTypes } from "../lib/enums";
import { type LocalizedText } from "../lib/localized";
import {
  MAX_LIST_NESTING,
  RichTextError,
  richTextFromForm,
  shownTextDigest,
  type StoredRichText,
} from "../lexical/render.server";
import { asList, calendarDate, countryCode, idField, optionalId, optionalText, requiredText } from "../lib/form-schema";
import {
  blankAsMissing,
  parseForm,
  typedValues,
  type FieldMessage,
  type FormErrors,
  type TypedValues,
} from "../lib/forms";
import { utcToZoned, zonedToUtc } from "../lib/zoned-time";
import type { ActivityInput, RichText } from "./activity.server";

/** What the form holds, as strings, exactly like a browser submits it (checkbox groups as lists). */
export type ActivityFormValues = TypedValues;

// A real day between 1900 and 2100: year 0000 or 9999 is a typo, and PostgreSQL cannot store some.
const isoDate = calendarDate;

// Browsers send HH:MM, or HH:MM:SS when the input has a seconds step; seconds are not kept.
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, "validation.invalid")
  .transform((v) => v.slice(0, 5));

const idList = z.preprocess(
  asList,
  z.array(idField).transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
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
    version: optionalId,
    titleEn: requiredText(1, 200),
    titleId: optionalText(200),
    type: z.enum(activityTypes),
    status: z.enum(activityStatuses),
    mode: z.enum(activityModes),
    startsOn: z.preprocess(blankAsMissing, isoDate),
    startTime: z.preprocess(blankAsMissing, clockTime.optional()),
    endsOn: z.preprocess(blankAsMissing, isoDate.optional()),
    endTime: z.preprocess(blankAsMissing, clockTime.optional()),
    city: optionalText(100),
    countryCode: z.preprocess(blankAsMissing, countryCode.optional()),
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

type ActivityFormData = z.output<typeof activityFormSchema>;

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

function toActivityInput(data: ActivityFormData, lessons: RichText | null, timeZone: string): ActivityInput {
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

type ActivityFormResult =
  | { success: true; input: ActivityInput; version: number | undefined; values: ActivityFormValues }
  | { success: false; errors: FormErrors; values: ActivityFormValues };

/** The activity's stored lessons with the version they belong to (null when it is gone). */
type StoredLessons = () => Promise<{ version: number; lessons: StoredRichText | null } | null>;

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
 * Checks the whole form, lessons learned included, and reports every wrong field at once. The
 * values to put back carry the lessons' plain text too, for the textarea shown without JavaScript.
 *
 * `stored` (when editing) reads the activity's lessons: a browser without JavaScript sends the
 * lessons as plain text, and if that is the text the form showed, the stored lessons are kept as
 * they are, formatting included, provided they are still those of the version the form was made
 * from (a later version makes the save a conflict anyway).
 */
export async function readActivityForm(
  form: FormData,
  timeZone: string,
  stored?: StoredLessons,
): Promise<ActivityFormResult> {
  const values: ActivityFormValues = typedValues(form);
  const parsed = parseForm(activityFormSchema, form);
  const errors: FormErrors = parsed.success ? {} : { ...parsed.errors };
  let lessons: RichText | null = null;
  const formVersion = Number(form.get("version"));
  // Set by the callback below, which richTextFromForm may call: an object, so TypeScript sees it change.
  const kept: { lessons: StoredRichText | null } = { lessons: null };
  const unchanged = stored
    ? async () => {
        const current = await stored();
        kept.lessons = current && current.version === formVersion ? current.lessons : null;
        return kept.lessons;
      }
    : undefined;
  try {
    lessons = await richTextFromForm(form, "lessons", unchanged);
    values.lessonsText = lessons?.text ?? "";
    if (lessons && lessons === kept.lessons) {
      // Kept as stored: shown again (after an error elsewhere) with its formatting, like the stored state.
      values.lessons = JSON.stringify(lessons.json);
      values.lessonsFormat = "lexical";
    }
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error;
    errors.lessons = lessonsError(error);
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
  const start = a.allDay ? { date: a.startsAt.toISOString().slice(0, 10), time: "" } : utcToZoned(a.startsAt, timeZone);
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
    // Without JavaScript the textarea shows only the text: this tells the server it was left alone.
    lessonsShown: a.lessons ? shownTextDigest(a.lessons.text) : "",
  };
}
