import { useTranslation } from "../i18n/translation";
import type { FormValues } from "../forms/result";
import { listOf, valueOf } from "../lib/forms";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { ActivityFormOptions } from "../models/activity-queries.server";
import type { ConflictRow } from "./record-conflict";

const whenFields = ["startsOn", "startTime", "endsOn", "endTime", "datePrecision", "dateApproximate"];

/** How the conflict view compares two versions of an activity, row by row, in the reader's language. */
export function useActivityConflictRows(options: ActivityFormOptions): ConflictRow[] {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();

  const names =
    <T extends { id: number }>(list: T[], name: (item: T) => string) =>
    (v: FormValues, field: string) => {
      const chosen = new Set(listOf(v, field));
      return list.filter((item) => chosen.has(String(item.id))).map(name);
    };
  const commitmentNames = names(options.commitments, (c) => localized(c.text, lang));
  const organizationNames = names(
    options.organizations,
    (o) => localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
  );
  const personNames = names(options.people, (p) => p.name);
  const caseNames = names(options.cases, (c) => localized(c.title, lang));
  const text = (field: string) => (v: FormValues) => {
    const s = valueOf(v, field);
    return s ? [s] : [];
  };
  const moment = (date: string, time: string) => (date ? `${format.day(date)}${time ? ` ${time}` : ""}` : "");
  const sortedIds = (field: string) => (v: FormValues) => [...listOf(v, field)].sort().join(",");

  return [
    { key: "titleEn", label: t("activities.fields.titleEn"), show: text("titleEn") },
    { key: "titleId", label: t("activities.fields.titleId"), show: text("titleId") },
    { key: "titleAz", label: t("activities.fields.titleAz"), show: text("titleAz") },
    {
      key: "type",
      label: t("activities.fields.type"),
      show: (v) => [t(`activityType.${valueOf(v, "type")}`, { defaultValue: valueOf(v, "type") })],
    },
    {
      key: "status",
      label: t("activities.fields.status"),
      show: (v) => [t(`activityStatus.${valueOf(v, "status")}`, { defaultValue: valueOf(v, "status") })],
    },
    {
      key: "mode",
      label: t("activities.fields.mode"),
      show: (v) => [t(`activityMode.${valueOf(v, "mode")}`, { defaultValue: valueOf(v, "mode") })],
    },
    {
      key: "when",
      label: t("activities.fields.when"),
      show: (v) => {
        const start = moment(valueOf(v, "startsOn"), valueOf(v, "startTime"));
        const end = moment(valueOf(v, "endsOn") || valueOf(v, "startsOn"), valueOf(v, "endTime"));
        const range = end && end !== start ? t("dates.range", { start, end }) : start;
        const precision = valueOf(v, "datePrecision") || "day";
        return [
          valueOf(v, "startTime") ? range : `${range} (${t("activities.allDay")})`,
          ...(precision !== "day" ? [t(`activities.form.precisions.${precision}`, { defaultValue: precision })] : []),
          ...(valueOf(v, "dateApproximate") ? [t("activities.form.approximate")] : []),
        ];
      },
      compare: (v) => whenFields.map((f) => valueOf(v, f)).join("|"),
      fields: whenFields,
    },
    { key: "city", label: t("activities.fields.city"), show: text("city") },
    {
      key: "countryCode",
      label: t("activities.fields.countryCode"),
      show: (v) => {
        const c = options.countries.find((c) => c.code === valueOf(v, "countryCode"));
        return c ? [localized(c.name, lang)] : [];
      },
    },
    {
      key: "agreementId",
      label: t("activities.fields.agreementId"),
      show: (v) => {
        const a = options.agreements.find((a) => String(a.id) === valueOf(v, "agreementId"));
        return a ? [localized(a.title, lang)] : [];
      },
    },
    {
      key: "commitmentIds",
      label: t("activities.fields.commitmentIds"),
      show: (v) => commitmentNames(v, "commitmentIds"),
      compare: sortedIds("commitmentIds"),
    },
    {
      key: "organizerIds",
      label: t("activities.fields.organizerIds"),
      show: (v) => organizationNames(v, "organizerIds"),
      compare: sortedIds("organizerIds"),
    },
    {
      key: "participantIds",
      label: t("activities.fields.participantIds"),
      show: (v) => personNames(v, "participantIds"),
      compare: sortedIds("participantIds"),
    },
    {
      key: "caseIds",
      label: t("activities.fields.caseIds"),
      show: (v) => caseNames(v, "caseIds"),
      compare: sortedIds("caseIds"),
    },
    { key: "descriptionEn", label: t("activities.fields.descriptionEn"), show: text("descriptionEn") },
    { key: "descriptionId", label: t("activities.fields.descriptionId"), show: text("descriptionId") },
    { key: "descriptionAz", label: t("activities.fields.descriptionAz"), show: text("descriptionAz") },
    { key: "outputsEn", label: t("activities.fields.outputsEn"), show: text("outputsEn") },
    { key: "outputsId", label: t("activities.fields.outputsId"), show: text("outputsId") },
    { key: "outputsAz", label: t("activities.fields.outputsAz"), show: text("outputsAz") },
    { key: "lessons", label: t("activities.fields.lessons"), show: text("lessonsText"), fields: ["lessonsText"] },
  ];
}
