// The case form and the case record: the checked form as the model takes it, and a case as the form shows it.
import type { CaseAward, CaseResult } from "../../db/schema";
import {
  MAX_LIST_NESTING,
  RichTextError,
  richTextFromForm,
  shownTextDigest,
  type StoredRichText,
} from "../lexical/render.server";
import { localizedOrNull, type LocalizedRichText, type RichDoc } from "../lib/localized";
import type { CaseInput } from "../models/case-writes.server";
import { RuleError } from "../models/errors.server";
import {
  awardColumns,
  caseFieldOrder,
  caseRichTexts,
  resultColumns,
  rowCount,
  rowTyped,
  type CaseFormData,
} from "./case";
import type { FormValues } from "./result";

/** English is the language every text has; a text written only in Indonesian stands in for it. */

const cell = (column: string[], i: number) => column[i] || undefined;

function resultsOf(v: CaseFormData): CaseResult[] {
  const results: CaseResult[] = [];
  for (let i = 0; i < rowCount(v, resultColumns); i++) {
    if (!rowTyped(v, resultColumns, i)) continue;
    const unit = localizedOrNull(cell(v.resultUnitEn, i), cell(v.resultUnitId, i), cell(v.resultUnitAz, i));
    results.push({
      label: localizedOrNull(cell(v.resultLabelEn, i), cell(v.resultLabelId, i), cell(v.resultLabelAz, i))!,
      value: v.resultValue[i]!,
      ...(unit ? { unit } : {}),
      ...(cell(v.resultDate, i) ? { date: v.resultDate[i] } : {}),
      ...(cell(v.resultSource, i) ? { sourceSlug: v.resultSource[i] } : {}),
    });
  }
  return results;
}

function awardsOf(v: CaseFormData): CaseAward[] {
  const awards: CaseAward[] = [];
  for (let i = 0; i < rowCount(v, awardColumns); i++) {
    if (!rowTyped(v, awardColumns.slice(1), i)) continue;
    const category = localizedOrNull(
      cell(v.awardCategoryEn, i),
      cell(v.awardCategoryId, i),
      cell(v.awardCategoryAz, i),
    );
    awards.push({
      key: v.awardKey[i] ?? "other",
      title: localizedOrNull(cell(v.awardTitleEn, i), cell(v.awardTitleId, i), cell(v.awardTitleAz, i))!,
      year: Number(v.awardYear[i]),
      ...(category ? { category } : {}),
    });
  }
  return awards;
}

/** The case's stored rich texts, with the version they belong to (null when it is gone). */
export type StoredCaseTexts = () => Promise<{
  version: number;
  lessonsRich: LocalizedRichText;
  narrative: LocalizedRichText;
} | null>;

/** Where a rich text field of the form is kept: which column, which language. */
const richPlace = (field: (typeof caseRichTexts)[number]) => ({
  column: field.startsWith("lessons") ? ("lessonsRich" as const) : ("narrative" as const),
  lang: field.endsWith("En") ? ("en" as const) : field.endsWith("Id") ? ("id" as const) : ("az" as const),
});

/**
 * One rich text, read and sanitized from the editor's JSON or the textarea's text. A textarea sent
 * back as the form showed it keeps the stored formatting, if still of the version the form had.
 */
async function readRich(data: CaseFormData, field: (typeof caseRichTexts)[number], stored?: StoredCaseTexts) {
  const form = new FormData();
  for (const name of [field, `${field}Format`, `${field}Shown`] as const) {
    const value = (data as Record<string, unknown>)[name];
    if (typeof value === "string") form.set(name, value);
  }
  const { column, lang } = richPlace(field);
  const unchanged = stored
    ? async () => {
        const current = await stored();
        return current && current.version === data.version ? (current[column][lang] ?? null) : null;
      }
    : undefined;
  try {
    return await richTextFromForm(form, field, unchanged);
  } catch (error) {
    if (!(error instanceof RichTextError)) throw error;
    if (error.code === "too_long") {
      throw new RuleError(field, error.max === undefined ? "editor.tooLong" : "validation.tooLong", {
        max: error.max ?? 0,
      });
    }
    if (error.code === "too_deep") throw new RuleError(field, "editor.tooDeep", { max: MAX_LIST_NESTING });
    throw new RuleError(field, "caseEditor.richTextInvalid");
  }
}

async function richTexts(data: CaseFormData, stored?: StoredCaseTexts) {
  const texts: { lessonsRich: LocalizedRichText; narrative: LocalizedRichText } = { lessonsRich: {}, narrative: {} };
  for (const field of caseRichTexts) {
    const doc: StoredRichText | null = await readRich(data, field, stored);
    const { column, lang } = richPlace(field);
    if (doc) texts[column][lang] = { json: doc.json, html: doc.html, text: doc.text };
  }
  return texts;
}

/** The checked form as the case model takes it; the rich texts are read here (see readRich). */
export async function caseInputFromForm(data: CaseFormData, stored?: StoredCaseTexts): Promise<CaseInput> {
  const targets = (data.sdgTargets ?? "").split(/[\s,;]+/).filter(Boolean);
  return {
    title: localizedOrNull(data.titleEn, data.titleId, data.titleAz)!,
    summary: localizedOrNull(data.summaryEn, data.summaryId, data.summaryAz)!,
    problem: localizedOrNull(data.problemEn, data.problemId, data.problemAz),
    solution: localizedOrNull(data.solutionEn, data.solutionId, data.solutionAz),
    innovation: localizedOrNull(data.innovationEn, data.innovationId, data.innovationAz),
    results: resultsOf(data),
    organizationId: data.organizationId ?? null,
    adminLevel: data.adminLevel ?? null,
    countryCode: data.countryCode,
    place: localizedOrNull(data.placeEn, data.placeId, data.placeAz),
    latitude: data.latitude ?? null,
    longitude: data.longitude ?? null,
    startedYear: data.startedYear ?? null,
    stoppedYear: data.stoppedYear ?? null,
    sector: data.sector,
    sdgGoals: data.sdgGoals,
    sdgTargets: [...new Set(targets)],
    awards: awardsOf(data),
    contactOrganizationId: data.contactOrganizationId ?? null,
    ...(await richTexts(data, stored)),
  };
}

const id = (v: number | null | undefined) => (v == null ? "" : String(v));
const num = (v: number | null | undefined) => (v == null ? "" : String(v));

function richValues(field: (typeof caseRichTexts)[number], doc: RichDoc | undefined): FormValues {
  return {
    [field]: doc ? JSON.stringify(doc.json) : "",
    [`${field}Format`]: doc ? "lexical" : "text",
    [`${field}Text`]: doc?.text ?? "",
    // Without JavaScript the textarea shows only the text: this tells the server it was left alone.
    [`${field}Shown`]: doc ? shownTextDigest(doc.text) : "",
  };
}

/** A case's content (stored, audited or as just submitted) as the form shows it. */
export function caseFormValues(c: CaseInput & { version?: number }): FormValues {
  const results = (c.results ?? []) as CaseResult[];
  const awards = (c.awards ?? []) as CaseAward[];
  const lessons = (c.lessonsRich ?? {}) as LocalizedRichText;
  const narrative = (c.narrative ?? {}) as LocalizedRichText;
  return {
    ...(c.version ? { version: String(c.version) } : {}),
    titleEn: c.title.en,
    titleId: c.title.id ?? "",
    titleAz: c.title.az ?? "",
    summaryEn: c.summary.en,
    summaryId: c.summary.id ?? "",
    summaryAz: c.summary.az ?? "",
    problemEn: c.problem?.en ?? "",
    problemId: c.problem?.id ?? "",
    problemAz: c.problem?.az ?? "",
    solutionEn: c.solution?.en ?? "",
    solutionId: c.solution?.id ?? "",
    solutionAz: c.solution?.az ?? "",
    innovationEn: c.innovation?.en ?? "",
    innovationId: c.innovation?.id ?? "",
    innovationAz: c.innovation?.az ?? "",
    sector: c.sector,
    organizationId: id(c.organizationId),
    adminLevel: c.adminLevel ?? "",
    countryCode: c.countryCode,
    placeEn: c.place?.en ?? "",
    placeId: c.place?.id ?? "",
    placeAz: c.place?.az ?? "",
    latitude: num(c.latitude),
    longitude: num(c.longitude),
    startedYear: num(c.startedYear),
    stoppedYear: num(c.stoppedYear),
    sdgGoals: (c.sdgGoals ?? []).map(String),
    sdgTargets: (c.sdgTargets ?? []).join(", "),
    contactOrganizationId: id(c.contactOrganizationId),
    resultLabelEn: results.map((r) => r.label.en),
    resultLabelId: results.map((r) => r.label.id ?? ""),
    resultLabelAz: results.map((r) => r.label.az ?? ""),
    resultValue: results.map((r) => r.value),
    resultUnitEn: results.map((r) => r.unit?.en ?? ""),
    resultUnitId: results.map((r) => r.unit?.id ?? ""),
    resultUnitAz: results.map((r) => r.unit?.az ?? ""),
    resultDate: results.map((r) => r.date ?? ""),
    resultSource: results.map((r) => r.sourceSlug ?? ""),
    awardKey: awards.map((a) => a.key),
    awardTitleEn: awards.map((a) => a.title.en),
    awardTitleId: awards.map((a) => a.title.id ?? ""),
    awardTitleAz: awards.map((a) => a.title.az ?? ""),
    awardYear: awards.map((a) => String(a.year)),
    awardCategoryEn: awards.map((a) => a.category?.en ?? ""),
    awardCategoryId: awards.map((a) => a.category?.id ?? ""),
    awardCategoryAz: awards.map((a) => a.category?.az ?? ""),
    ...richValues("lessonsEn", lessons.en),
    ...richValues("lessonsId", lessons.id),
    ...richValues("lessonsAz", lessons.az),
    ...richValues("narrativeEn", narrative.en),
    ...richValues("narrativeId", narrative.id),
    ...richValues("narrativeAz", narrative.az),
  };
}

/** The fields the conflict view compares: the rows by their columns, the rich texts by their plain text. */
export const caseConflictFields: string[] = caseFieldOrder.flatMap((field): string[] => {
  if (field === "results") return [...resultColumns];
  if (field === "awards") return [...awardColumns];
  if ((caseRichTexts as readonly string[]).includes(field)) return [`${field}Text`];
  return [field];
});
