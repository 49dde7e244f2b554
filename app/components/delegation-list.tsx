import { useMemo } from "react";
import { useTranslation } from "../i18n/translation";
import { visitSides } from "../lib/enums";
import { createFormatter } from "../lib/format";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { DelegationMember, MemberTravel } from "../models/visit-members-queries.server";
import "../styles/delegation.css";

/**
 * A visit's members by side (the delegation, then the hosts' counterparts), each with their role,
 * title and organisation on the visit's date, travel and hotel. Needs show only where the members
 * carry them: load them (`membersOf(…, { withNeeds: true })`) for the visit's editors alone.
 * Times read in the visit's own zone, named beside them. Needs the visits pack's strings.
 */
export function DelegationList({
  members,
  timeZone,
  headingLevel = 3,
}: {
  members: DelegationMember[];
  timeZone: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useMemo(() => createFormatter(lang, timeZone), [lang, timeZone]);
  const Heading = `h${headingLevel}` as const;
  if (!members.length) return <p className="muted">{t("delegation.none")}</p>;

  const travel = (key: "delegation.arrives" | "delegation.leaves", leg: MemberTravel) => {
    if (!leg.mode && !leg.ref && !leg.at) return null;
    const how = [leg.mode ? t(`delegation.modes.${leg.mode}`) : "", leg.ref ?? ""].filter(Boolean).join(" ");
    const when = leg.at ? `${format.dateTime(leg.at)} (${timeZone})` : "";
    return <li>{[t(key, { when }).trim(), how].filter(Boolean).join(", ")}</li>;
  };

  return (
    <div className="delegation-list">
      {visitSides.map((side) => {
        const ofSide = members.filter((m) => m.side === side);
        if (!ofSide.length) return null;
        return (
          <section key={side} aria-labelledby={`delegation-side-${side}`}>
            <Heading id={`delegation-side-${side}`}>{t(`delegation.sides.${side}`)}</Heading>
            <ul className="plain delegation-list__members">
              {ofSide.map((m) => {
                const who = [localized(m.title, lang), localized(m.organizationName, lang)].filter(Boolean).join(", ");
                const needs = m.needs
                  ? (["interpretation", "dietary", "access"] as const).filter((k) => m.needs![k])
                  : [];
                return (
                  <li key={m.id} className="delegation-list__member">
                    <p className="delegation-list__name">
                      <strong>{m.name}</strong> <span className="badge">{t(`delegation.roles.${m.role}`)}</span>
                    </p>
                    {who ? <p className="delegation-list__who">{who}</p> : null}
                    <ul className="plain delegation-list__facts">
                      {travel("delegation.arrives", m.arrival)}
                      {travel("delegation.leaves", m.departure)}
                      {m.hotel ? <li>{t("delegation.hotelShown", { hotel: m.hotel })}</li> : null}
                      {needs.map((k) => (
                        <li key={k} className="delegation-list__need">
                          {t(`delegation.needsShown.${k}`, { text: m.needs![k] ?? "" })}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
