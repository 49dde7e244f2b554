import type { FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { listOf, valueOf } from "../lib/forms";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { CaseFormOptions } from "../models/case-queries.server";
import { awardColumns, caseFieldOrder, caseRichTexts, resultColumns } from "../forms/case";
import type { ConflictRow } from "./record-conflict";

/** How the conflict view compares two versions of a case, row by row, in the reader's language. */
export function useCaseConflictRows(options: CaseFormOptions): ConflictRow[] {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label = (field: string) =>
    t(`caseEditor.fields.${field}` as "caseEditor.fields.titleEn", { defaultValue: field });
  const text = (field: string) => (v: FormValues) => {
    const s = valueOf(v, field);
    return s ? [s] : [];
  };
  const organization = (field: string) => (v: FormValues) => {
    const o = options.organizations.find((x) => String(x.id) === valueOf(v, field));
    return o ? [localized(o.name, lang)] : [];
  };
  const country = (v: FormValues) => {
    const c = options.countries.find((x) => x.code === valueOf(v, "countryCode"));
    return c ? [localized(c.name, lang)] : [];
  };
  // A row of cells per line: the blank rows a form sends are no rows.
  const lines = (columns: readonly string[], show: (cells: string[]) => string) => (v: FormValues) => {
    const cols = columns.map((c) => listOf(v, c));
    const n = Math.max(0, ...cols.map((c) => c.length));
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const cells = cols.map((c) => c[i] ?? "");
      if (cells.slice(columns === awardColumns ? 1 : 0).some(Boolean)) out.push(show(cells));
    }
    return out;
  };
  return caseFieldOrder.map((field): ConflictRow => {
    if (field === "results") {
      return {
        key: field,
        label: label(field),
        fields: resultColumns,
        show: lines(resultColumns, ([en, id, value, unitEn, unitId, date, source]) =>
          [`${(lang === "id" && id) || en}: ${value} ${(lang === "id" && unitId) || unitEn}`.trim(), date, source]
            .filter(Boolean)
            .join(" · "),
        ),
      };
    }
    if (field === "awards") {
      return {
        key: field,
        label: label(field),
        fields: awardColumns,
        show: lines(awardColumns, ([, en, id, year, catEn, catId]) =>
          [(lang === "id" && id) || en, year, (lang === "id" && catId) || catEn].filter(Boolean).join(" · "),
        ),
      };
    }
    if ((caseRichTexts as readonly string[]).includes(field)) {
      return { key: `${field}Text`, label: label(field), show: text(`${field}Text`) };
    }
    switch (field) {
      case "organizationId":
      case "contactOrganizationId":
        return { key: field, label: label(field), show: organization(field) };
      case "countryCode":
        return { key: field, label: label(field), show: country };
      case "sector":
        return {
          key: field,
          label: label(field),
          show: (v) => [
            t(`caseSector.${valueOf(v, field)}` as "caseSector.health", { defaultValue: valueOf(v, field) }),
          ],
        };
      case "adminLevel":
        return {
          key: field,
          label: label(field),
          show: (v) =>
            valueOf(v, field)
              ? [t(`adminLevel.${valueOf(v, field)}` as "adminLevel.national", { defaultValue: valueOf(v, field) })]
              : [],
        };
      case "sdgGoals":
        return {
          key: field,
          label: label(field),
          show: (v) => listOf(v, field).map((g) => t("caseEditor.sdgGoal", { goal: g })),
          compare: (v) => [...listOf(v, field)].sort().join(","),
        };
      default:
        return { key: field, label: label(field), show: text(field) };
    }
  });
}
