import type { ConflictRow } from "./record-conflict";
import type { FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { listOf, valueOf } from "../lib/forms";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { VisitFormOptions } from "./visit-form";

/** The rows of a visit's conflict view, in the form's order; rich texts by their plain text. */
export function useVisitConflictRows(options: VisitFormOptions): ConflictRow[] {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const text = (field: string) => (v: FormValues) => {
    const s = valueOf(v, field);
    return s ? [s] : [];
  };
  const chosen =
    <T,>(list: T[], id: (item: T) => string, name: (item: T) => string) =>
    (field: string) =>
    (v: FormValues) => {
      const ids = new Set(listOf(v, field));
      return list.filter((item) => ids.has(id(item))).map(name);
    };
  const commitments = chosen(
    options.commitments,
    (c) => String(c.id),
    (c) => localized(c.text, lang),
  );
  const organizations = chosen(
    options.organizations,
    (o) => String(o.id),
    (o) => localized(o.name, lang),
  );
  const agreements = chosen(
    options.agreements,
    (a) => String(a.id),
    (a) => localized(a.title, lang),
  );
  const countries = chosen(
    options.countries,
    (c) => c.code,
    (c) => localized(c.name, lang),
  );
  const day = (field: string) => (v: FormValues) => (valueOf(v, field) ? [format.day(valueOf(v, field))] : []);
  return [
    { key: "titleEn", label: t("visits.form.titleEn"), show: text("titleEn") },
    { key: "titleId", label: t("visits.form.titleId"), show: text("titleId") },
    { key: "titleAz", label: t("visits.form.titleAz"), show: text("titleAz") },
    {
      key: "direction",
      label: t("visits.form.direction"),
      show: (v) => [t(`visits.directions.${valueOf(v, "direction")}`, { defaultValue: valueOf(v, "direction") })],
    },
    {
      key: "stage",
      label: t("visits.form.stage"),
      show: (v) => [t(`visits.stages.${valueOf(v, "stage")}`, { defaultValue: valueOf(v, "stage") })],
    },
    { key: "startsOn", label: t("visits.form.startsOn"), show: day("startsOn") },
    { key: "endsOn", label: t("visits.form.endsOn"), show: day("endsOn") },
    { key: "cities", label: t("visits.form.cities"), show: (v) => valueOf(v, "cities").split("\n").filter(Boolean) },
    { key: "countryCode", label: t("visits.form.country"), show: countries("countryCode") },
    { key: "timeZone", label: t("visits.form.timeZone"), show: text("timeZone") },
    { key: "hostOrganizationId", label: t("visits.form.host"), show: organizations("hostOrganizationId") },
    { key: "agreementId", label: t("visits.form.agreement"), show: agreements("agreementId") },
    {
      key: "commitmentIds",
      label: t("visits.form.commitmentsLegend"),
      show: commitments("commitmentIds"),
      compare: (v) => [...listOf(v, "commitmentIds")].sort().join(","),
    },
    { key: "objectivesEn", label: t("visits.form.objectivesEn"), show: text("objectivesEn") },
    { key: "objectivesId", label: t("visits.form.objectivesId"), show: text("objectivesId") },
    { key: "objectivesAz", label: t("visits.form.objectivesAz"), show: text("objectivesAz") },
    { key: "talkingPointsText", label: t("visits.form.talkingPoints"), show: text("talkingPointsText") },
    { key: "backgroundText", label: t("visits.form.background"), show: text("backgroundText") },
  ];
}
