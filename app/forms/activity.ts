// The activity form's fields, checked with zod: the same schema on the server and in the browser.
import { z } from "zod";
import { activityModes, activityStatuses, activityTypes, datePrecisions } from "../lib/enums";
import { asList, calendarDate, countryCode, idField, optionalId, optionalText, requiredText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

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
  startsOn: calendarDate,
  startTime: z.preprocess(blankAsMissing, clockTime.optional()),
  endsOn: z.preprocess(blankAsMissing, calendarDate.optional()),
  endTime: z.preprocess(blankAsMissing, clockTime.optional()),
});
export type ActivityDates = z.output<typeof dateFields>;

// The date checks run even while other fields are still wrong, so every error shows at once.
const datesParse = (payload: { value: unknown }) => dateFields.safeParse(payload.value).success;

/** Local wall-clock keys compare correctly as strings: both ends are in the same zone. */
function endNotBeforeStart(v: ActivityDates) {
  if (!v.startTime) return (v.endsOn ?? v.startsOn) >= v.startsOn;
  const end = `${v.endsOn ?? v.startsOn}T${v.endTime ?? v.startTime}`;
  return end >= `${v.startsOn}T${v.startTime}`;
}

/**
 * Lessons learned are rich text: the editor's JSON (`lessonsFormat` "lexical") or, without
 * JavaScript, the textarea's text with a digest of the text the form showed (`lessonsShown`). The
 * server reads them (app/forms/activity.server.ts); here they are only carried, within the limits
 * of the request.
 */
const richText = {
  lessons: z.string().optional(),
  lessonsFormat: z.enum(["text", "lexical"]).optional(),
  lessonsShown: z.string().max(200).optional(),
};

export const activityFormSchema = z
  .object({
    version: optionalId,
    titleEn: requiredText(1, 200),
    titleId: optionalText(200),
    titleAz: optionalText(200),
    type: z.enum(activityTypes),
    status: z.enum(activityStatuses),
    mode: z.enum(activityModes),
    startsOn: z.preprocess(blankAsMissing, calendarDate),
    startTime: z.preprocess(blankAsMissing, clockTime.optional()),
    endsOn: z.preprocess(blankAsMissing, calendarDate.optional()),
    endTime: z.preprocess(blankAsMissing, clockTime.optional()),
    datePrecision: z.preprocess(blankAsMissing, z.enum(datePrecisions).default("day")),
    /** A ticked checkbox posts "on"; an unticked one posts nothing. */
    dateApproximate: z
      .enum(["on"])
      .optional()
      .transform((v) => v === "on"),
    city: optionalText(100),
    countryCode: z.preprocess(blankAsMissing, countryCode.optional()),
    agreementId: optionalId,
    commitmentIds: idList,
    organizerIds: idList,
    participantIds: idList,
    caseIds: idList,
    descriptionEn: optionalText(5000),
    descriptionId: optionalText(5000),
    descriptionAz: optionalText(5000),
    outputsEn: optionalText(5000),
    outputsId: optionalText(5000),
    outputsAz: optionalText(5000),
    ...richText,
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
/** The form's fields, and the lessons' plain text the page shows without JavaScript. */
export type ActivityField = keyof z.input<typeof activityFormSchema> | "lessonsText";

/** The fields in the order the page shows them: the error summary lists problems in this order. */
export const activityFieldOrder = [
  "titleEn",
  "titleId",
  "titleAz",
  "type",
  "status",
  "mode",
  "startsOn",
  "startTime",
  "endsOn",
  "endTime",
  "datePrecision",
  "dateApproximate",
  "city",
  "countryCode",
  "agreementId",
  "commitmentIds",
  "organizerIds",
  "participantIds",
  "caseIds",
  "descriptionEn",
  "descriptionId",
  "descriptionAz",
  "outputsEn",
  "outputsId",
  "outputsAz",
  "lessons",
] as const;
