import type { Briefing, BriefingMember } from "../models/briefing.server";
import { useTranslation } from "../i18n/translation";
import { positionLine, travelLine } from "../lib/briefing-text";
import { createFormatter } from "../lib/format";
import { useLanguage } from "../lib/use-formatter";

/**
 * Who goes and who receives them, with roles and titles on the visit's date; the travel and hotel
 * of the whole delegation, or of the member whose version this is; and the needs the reader may
 * read (the loader leaves out the rest).
 */
export function BriefingPeople({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation();
  const { member, delegation, counterparts, visit } = briefing;
  const lang = useLanguage();
  const place = createFormatter(lang, visit.timeZone);
  const travelling = member ? [member] : delegation;
  const needing = (member ? [member] : delegation).filter((m) => m.needs);
  return (
    <>
      <Roster id="briefing-delegation" heading={t("briefing.delegation")} members={delegation} />
      <Roster id="briefing-counterparts" heading={t("briefing.counterparts")} members={counterparts} />
      <section aria-labelledby="briefing-logistics">
        <h2 id="briefing-logistics">{t(member ? "briefing.yourLogistics" : "briefing.logistics")}</h2>
        {travelling.length ? (
          <ul className="briefing-cards">
            {travelling.map((m) =>
              m.logistics ? (
                <li key={m.id} className="briefing-card">
                  {member ? null : <h3>{m.name}</h3>}
                  <dl className="facts">
                    <dt>{t("briefing.arrival")}</dt>
                    <dd>{travelLine(m.logistics.arrival, t, place, visit.timeZone) || t("briefing.notGiven")}</dd>
                    <dt>{t("briefing.departure")}</dt>
                    <dd>{travelLine(m.logistics.departure, t, place, visit.timeZone) || t("briefing.notGiven")}</dd>
                    <dt>{t("briefing.hotel")}</dt>
                    <dd>{m.logistics.hotel || t("briefing.notGiven")}</dd>
                  </dl>
                </li>
              ) : null,
            )}
          </ul>
        ) : (
          <p className="muted">{t("briefing.noMembers")}</p>
        )}
      </section>
      {needing.length ? (
        <section aria-labelledby="briefing-needs" className="briefing-needs">
          <h2 id="briefing-needs">{t(member ? "briefing.yourNeeds" : "briefing.needs")}</h2>
          <p className="hint">{t("briefing.needsPrivate")}</p>
          <ul className="briefing-cards">
            {needing.map((m) => (
              <li key={m.id} className="briefing-card">
                {member ? null : <h3>{m.name}</h3>}
                <dl className="facts">
                  <dt>{t("briefing.dietary")}</dt>
                  <dd>{m.needs!.dietary || t("briefing.noNeeds")}</dd>
                  <dt>{t("briefing.access")}</dt>
                  <dd>{m.needs!.access || t("briefing.noNeeds")}</dd>
                  <dt>{t("briefing.interpretation")}</dt>
                  <dd>{m.needs!.interpretation || t("briefing.noNeeds")}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Roster({ id, heading, members }: { id: string; heading: string; members: BriefingMember[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {members.length ? (
        <ul className="briefing-roster">
          {members.map((m) => {
            const position = positionLine(m, lang);
            return (
              <li key={m.id}>
                <strong>{m.name}</strong>
                {m.isReader ? ` ${t("briefing.you")}` : null} · {t(`briefing.roles.${m.role}`)}
                {position ? <span className="briefing-roster__position">{position}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("briefing.noMembers")}</p>
      )}
    </section>
  );
}
