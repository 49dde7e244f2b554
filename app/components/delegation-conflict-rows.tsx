import { columnOf, rowCount, type MemberColumn } from "../forms/delegation-fields";
import type { ConflictView, FormValues } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import type { DelegationRole, TravelMode, VisitSide } from "../lib/enums";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { DelegationFormOptions } from "../models/visit-members-queries.server";
import type { ConflictRow } from "./record-conflict";

/** The conflict view's rows of a delegation: one per member, read as person, role, travel and needs. */
export function useDelegationConflictRows() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (options: DelegationFormOptions, conflict: ConflictView): ConflictRow[] => {
    const names = new Map(options.people.map((p) => [String(p.id), p.name]));
    const organizations = new Map(options.organizations.map((o) => [String(o.id), localized(o.name, lang)]));
    const mode = (m: string) => (m ? t(`delegation.modes.${m as TravelMode}`) : "");
    const show = (v: FormValues, i: number): string[] => {
      if (i >= rowCount(v)) return [];
      const c = (name: MemberColumn) => columnOf(v, name)[i] ?? "";
      const person = c("personId")
        ? names.get(c("personId")) || columnOf(v, "personName" as MemberColumn)[i] || c("personId")
        : [c("newName"), organizations.get(c("newOrganizationId"))].filter(Boolean).join(", ");
      const leg = (label: string, prefix: "arrival" | "departure") => {
        const parts = [mode(c(`${prefix}Mode`)), c(`${prefix}Ref`), c(`${prefix}At`).replace("T", " ")].filter(Boolean);
        return parts.length ? `${label}: ${parts.join(" ")}` : "";
      };
      const side = t(`delegation.side.${(c("side") || "delegation") as VisitSide}`);
      const role = t(`delegation.roles.${(c("role") || "member") as DelegationRole}`);
      return [
        `${person} (${side}, ${role})`,
        leg(t("delegation.arrival"), "arrival"),
        leg(t("delegation.departure"), "departure"),
        c("hotel") ? t("delegation.hotelShown", { hotel: c("hotel") }) : "",
        c("interpretationNeeds") ? t("delegation.needsShown.interpretation", { text: c("interpretationNeeds") }) : "",
        c("dietaryNeeds") ? t("delegation.needsShown.dietary", { text: c("dietaryNeeds") }) : "",
        c("accessNeeds") ? t("delegation.needsShown.access", { text: c("accessNeeds") }) : "",
      ].filter(Boolean);
    };
    const count = Math.max(rowCount(conflict.yours), rowCount(conflict.theirs));
    return Array.from({ length: count }, (_, i) => ({
      key: `member-${i}`,
      label: t("delegation.row", { n: i + 1 }),
      show: (v: FormValues) => show(v, i),
      fields: [],
    }));
  };
}
