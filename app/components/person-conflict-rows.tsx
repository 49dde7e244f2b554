import type { FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { PersonFormOptions } from "../models/people-queries.server";
import { positionColumns } from "../forms/person";
import type { ConflictRow } from "./record-conflict";

const list = (v: FormValues, name: string) => {
  const value = v[name];
  return value === undefined ? [] : [value].flat();
};

/** The conflict view's rows for a person: each field, and the positions as one line each. */
export function usePersonConflictRows(options: PersonFormOptions): ConflictRow[] {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const orgName = (id: string) => {
    const o = options.organizations.find((x) => String(x.id) === id);
    return o ? localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : "") : "";
  };
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? format.day(d) : d);
  const one = (key: string, show: (value: string) => string = (x) => x): ConflictRow => ({
    key,
    label: t(`people.fields.${key}` as "people.fields.name"),
    show: (v) => {
      const value = list(v, key)[0] ?? "";
      return value ? [show(value)] : [];
    },
  });
  return [
    one("name"),
    one("organizationId", orgName),
    one("email"),
    one("phone"),
    one("languages"),
    one("userId", (id) => {
      const u = options.users.find((x) => String(x.id) === id);
      return u ? `${u.name} (${u.email})` : id;
    }),
    {
      key: "positions",
      label: t("people.fields.positions"),
      fields: positionColumns,
      show: (v) => {
        const titles = list(v, "positionTitleEn");
        return titles
          .map((title, i) => {
            const from = list(v, "positionStartsOn")[i] ?? "";
            const until = list(v, "positionEndsOn")[i] ?? "";
            const org = orgName(list(v, "positionOrganizationId")[i] ?? "");
            const dates = from || until ? ` (${day(from) || "…"} – ${day(until) || "…"})` : "";
            return (
              [title || list(v, "positionTitleId")[i] || list(v, "positionTitleAz")[i], org]
                .filter(Boolean)
                .join(", ") + dates
            );
          })
          .filter((line) => line.trim() !== "");
      },
    },
  ];
}
