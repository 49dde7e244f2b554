// The library case form's fields, checked with zod: the same schema on the server and in the browser.
import { z } from "zod";
import { adminLevels, awardKeys, caseSectors } from "../lib/enums";
import { asList, countryCode, idField, optionalId, optionalText, requiredText } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

const year = z.coerce.number().int().min(1900).max(2100);
const optionalYear = z.preprocess(blankAsMissing, year.optional());
const coordinate = (max: number) => z.preprocess(blankAsMissing, z.coerce.number().min(-max).max(max).optional());

/** A repeated row's column: one string per row, the rows' order kept (blank cells included). */
const column = (max: number) => z.preprocess(asList, z.array(z.string().trim().max(max)));

/** A result's date, as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD. */
export const resultDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** An SDG target as the UN numbers them: "3.3", "16.a". */
export const sdgTarget = /^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$/;

/**
 * A rich text per language (`<name>`, `<name>Format`, `<name>Shown`), read and sanitized on the
 * server (app/forms/case.server.ts), as the activity's lessons are.
 */
const richText = <N extends string>(name: N) =>
  ({
    [name]: z.string().optional(),
    [`${name}Format`]: z.enum(["text", "lexical"]).optional(),
    [`${name}Shown`]: z.string().max(200).optional(),
  }) as Record<N, z.ZodOptional<z.ZodString>> &
    Record<`${N}Format`, z.ZodOptional<z.ZodEnum<{ text: "text"; lexical: "lexical" }>>> &
    Record<`${N}Shown`, z.ZodOptional<z.ZodString>>;

/** The rich texts of a case, one field per language. */
export const caseRichTexts = [
  "lessonsEn",
  "lessonsId",
  "lessonsAz",
  "narrativeEn",
  "narrativeId",
  "narrativeAz",
] as const;

/** The columns of the results' and awards' rows. */
export const resultColumns = [
  "resultLabelEn",
  "resultLabelId",
  "resultLabelAz",
  "resultValue",
  "resultUnitEn",
  "resultUnitId",
  "resultUnitAz",
  "resultDate",
  "resultSource",
] as const;
export const awardColumns = [
  "awardKey",
  "awardTitleEn",
  "awardTitleId",
  "awardTitleAz",
  "awardYear",
  "awardCategoryEn",
  "awardCategoryId",
  "awardCategoryAz",
] as const;

const shape = {
  version: optionalId,
  titleEn: requiredText(1, 200),
  titleId: optionalText(200),
  titleAz: optionalText(200),
  summaryEn: requiredText(1, 500),
  summaryId: optionalText(500),
  summaryAz: optionalText(500),
  problemEn: optionalText(5000),
  problemId: optionalText(5000),
  problemAz: optionalText(5000),
  solutionEn: optionalText(5000),
  solutionId: optionalText(5000),
  solutionAz: optionalText(5000),
  innovationEn: optionalText(5000),
  innovationId: optionalText(5000),
  innovationAz: optionalText(5000),
  sector: z.enum(caseSectors),
  organizationId: optionalId,
  adminLevel: z.preprocess(blankAsMissing, z.enum(adminLevels).optional()),
  countryCode,
  placeEn: optionalText(200),
  placeId: optionalText(200),
  placeAz: optionalText(200),
  latitude: coordinate(90),
  longitude: coordinate(180),
  startedYear: optionalYear,
  stoppedYear: optionalYear,
  sdgGoals: z.preprocess(
    asList,
    z.array(idField.max(17)).transform((goals) => [...new Set(goals)].sort((a, b) => a - b)),
  ),
  sdgTargets: optionalText(500),
  contactOrganizationId: optionalId,
  resultLabelEn: column(300),
  resultLabelId: column(300),
  resultLabelAz: column(300),
  resultValue: column(100),
  resultUnitEn: column(100),
  resultUnitId: column(100),
  resultUnitAz: column(100),
  resultDate: column(10),
  resultSource: column(200),
  awardKey: z.preprocess(asList, z.array(z.enum(awardKeys))),
  awardTitleEn: column(300),
  awardTitleId: column(300),
  awardTitleAz: column(300),
  awardYear: column(4),
  awardCategoryEn: column(300),
  awardCategoryId: column(300),
  awardCategoryAz: column(300),
  ...richText("lessonsEn"),
  ...richText("lessonsId"),
  ...richText("lessonsAz"),
  ...richText("narrativeEn"),
  ...richText("narrativeId"),
  ...richText("narrativeAz"),
};

type Rows = { [K in (typeof resultColumns)[number] | (typeof awardColumns)[number]]: string[] };

/** Whether row `i` has anything typed in `columns` (a blank row is no row: that is how one is removed). */
export const rowTyped = (v: Partial<Rows>, columns: readonly (keyof Rows)[], i: number) =>
  columns.some((c) => (v[c]?.[i] ?? "") !== "");

/** How many rows the columns hold (the longest column). */
export const rowCount = (v: Partial<Rows>, columns: readonly (keyof Rows)[]) =>
  Math.max(0, ...columns.map((c) => v[c]?.length ?? 0));

export const caseFormSchema = z.object(shape).superRefine((v, ctx) => {
  const issue = (field: string, message: string, index?: number) =>
    ctx.addIssue({ code: "custom", path: index === undefined ? [field] : [field, index], message });
  if (v.startedYear && v.stoppedYear && v.stoppedYear < v.startedYear)
    issue("stoppedYear", "caseEditor.stoppedBeforeStarted");
  for (const target of (v.sdgTargets ?? "").split(/[\s,;]+/).filter(Boolean)) {
    if (!sdgTarget.test(target)) issue("sdgTargets", "caseEditor.sdgTargetInvalid");
  }
  const rows = v as unknown as Rows;
  for (let i = 0; i < rowCount(rows, resultColumns); i++) {
    if (!rowTyped(rows, resultColumns, i)) continue;
    if (!rows.resultLabelEn[i]) issue("resultLabelEn", "validation.required", i);
    if (!rows.resultValue[i]) issue("resultValue", "validation.required", i);
    const date = rows.resultDate[i];
    if (date && !resultDate.test(date)) issue("resultDate", "caseEditor.resultDateInvalid", i);
  }
  for (let i = 0; i < rowCount(rows, awardColumns); i++) {
    if (!rowTyped(rows, awardColumns.slice(1), i)) continue;
    if (!rows.awardTitleEn[i]) issue("awardTitleEn", "validation.required", i);
    const y = rows.awardYear[i];
    if (!y || !year.safeParse(y).success) issue("awardYear", "caseEditor.awardYearInvalid", i);
  }
});

export type CaseFormData = z.output<typeof caseFormSchema>;
export type CaseField = keyof z.input<typeof caseFormSchema> | `${(typeof caseRichTexts)[number]}Text`;

/** The fields in the order the page shows them: the error summary lists problems in this order. */
export const caseFieldOrder = [
  "titleEn",
  "titleId",
  "titleAz",
  "summaryEn",
  "summaryId",
  "summaryAz",
  "sector",
  "countryCode",
  "placeEn",
  "placeId",
  "placeAz",
  "latitude",
  "longitude",
  "organizationId",
  "adminLevel",
  "startedYear",
  "stoppedYear",
  "problemEn",
  "problemId",
  "problemAz",
  "solutionEn",
  "solutionId",
  "solutionAz",
  "innovationEn",
  "innovationId",
  "innovationAz",
  "results",
  "sdgGoals",
  "sdgTargets",
  "awards",
  "contactOrganizationId",
  ...caseRichTexts,
] as const;
