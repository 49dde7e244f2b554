// The visit forms' fields, checked with zod: the same schema on the server and in the browser.
import { z } from "zod";
import { visitDirections, visitStages } from "../lib/enums";
import { isTimeZone } from "../lib/format";
import { asList, calendarDate, countryCode, idField, optionalId, optionalText, requiredText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

const idList = z.preprocess(
  asList,
  z.array(idField).transform((ids) => [...new Set(ids)].sort((a, b) => a - b)),
);

/** One city a line (or separated by commas), blank lines dropped, each at most 100 characters. */
const cityList = z.preprocess(
  blankAsMissing,
  z
    .string()
    .max(1000)
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[\n,]/)
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((c) => c.length <= 100) && list.length <= 20, "validation.invalid"),
);

/** Rich text carried as the editor's JSON or the textarea's text (read on the server). */
const rich = <N extends string>(name: N) =>
  ({
    [name]: z.string().optional(),
    [`${name}Format`]: z.enum(["text", "lexical"]).optional(),
    [`${name}Shown`]: z.string().max(200).optional(),
  }) as Record<N, z.ZodOptional<z.ZodString>> &
    Record<`${N}Format`, z.ZodOptional<z.ZodEnum<{ text: "text"; lexical: "lexical" }>>> &
    Record<`${N}Shown`, z.ZodOptional<z.ZodString>>;

const visitFields = {
  titleEn: requiredText(1, 200),
  titleId: optionalText(200),
  titleAz: optionalText(200),
  direction: z.enum(visitDirections),
  startsOn: z.preprocess(blankAsMissing, calendarDate),
  endsOn: z.preprocess(blankAsMissing, calendarDate.optional()),
  cities: cityList,
  countryCode: z.preprocess(blankAsMissing, countryCode.optional()),
  timeZone: z.preprocess(blankAsMissing, z.string().max(64).refine(isTimeZone, "visits.unknownTimeZone")),
  hostOrganizationId: optionalId,
  agreementId: optionalId,
  commitmentIds: idList,
  objectivesEn: optionalText(5000),
  objectivesId: optionalText(5000),
  objectivesAz: optionalText(5000),
};

const endNotBeforeStart = (v: { startsOn: string; endsOn?: string }) => (v.endsOn ?? v.startsOn) >= v.startsOn;
const datesParse = (payload: { value: unknown }) =>
  z.object({ startsOn: calendarDate, endsOn: calendarDate.optional() }).safeParse(payload.value).success;

export const newVisitSchema = z.object(visitFields).refine(endNotBeforeStart, {
  message: "visits.endBeforeStart",
  path: ["endsOn"],
  when: datesParse,
});

export const visitEditSchema = z
  .object({
    ...visitFields,
    version: optionalId,
    activityVersion: optionalId,
    stage: z.enum(visitStages),
    ...rich("talkingPoints"),
    ...rich("background"),
  })
  .refine(endNotBeforeStart, { message: "visits.endBeforeStart", path: ["endsOn"], when: datesParse });

export const visitReportSchema = z.object({
  version: optionalId,
  activityVersion: optionalId,
  ...rich("outcomes"),
  ...rich("lessons"),
});

export type NewVisitData = z.output<typeof newVisitSchema>;
export type VisitEditData = z.output<typeof visitEditSchema>;
export type VisitReportData = z.output<typeof visitReportSchema>;
export type VisitField = keyof z.input<typeof visitEditSchema> | "talkingPointsText" | "backgroundText";

/** The fields in page order, for the error summary. */
export const visitFieldOrder = [
  "titleEn",
  "titleId",
  "titleAz",
  "direction",
  "stage",
  "startsOn",
  "endsOn",
  "cities",
  "countryCode",
  "timeZone",
  "hostOrganizationId",
  "agreementId",
  "commitmentIds",
  "objectivesEn",
  "objectivesId",
  "objectivesAz",
  "talkingPoints",
  "background",
] as const;

/** The visits list's two lists (`/visits?list=past`). */
export const visitLists = ["upcoming", "past"] as const;
export type VisitList = (typeof visitLists)[number];
