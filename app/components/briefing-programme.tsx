import { Link } from "react-router";
import type { Briefing } from "../models/briefing.server";
import { useTranslation } from "../i18n/translation";
import { attendeesLine } from "../lib/briefing-text";
import { itemClock, itineraryDays, longDay } from "../lib/itinerary-days";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";

/** The itinerary day by day, each item at its place's own time with its zone named. */
export function BriefingProgramme({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { items, delegation, member } = briefing;
  return (
    <section aria-labelledby="briefing-programme" className="briefing-programme">
      <h2 id="briefing-programme">{t(member ? "briefing.yourProgramme" : "briefing.programme")}</h2>
      {items.length ? null : <p className="muted">{t("briefing.noItems")}</p>}
      {itineraryDays(items).map((day) => (
        <section key={day.date} aria-labelledby={`briefing-day-${day.date}`} className="briefing-day">
          <h3 id={`briefing-day-${day.date}`}>{longDay(lang, day.date)}</h3>
          <ol className="briefing-items">
            {day.items.map((item) => {
              const clock = itemClock(item);
              const end = clock.endDate ? `${longDay(lang, clock.endDate)} ${clock.end}` : clock.end;
              const at = [item.placeName, item.address].filter(Boolean).join(", ");
              const host = localized(item.hostName, lang);
              const agenda = localized(item.agenda, lang);
              return (
                <li key={item.id} className="briefing-item">
                  <p className="briefing-item__time">
                    {t("briefing.timeRange", { start: clock.start, end })}{" "}
                    <span className="muted">({item.timeZone})</span>
                  </p>
                  <h4 className="briefing-item__title">{localized(item.title, lang)}</h4>
                  <dl className="facts">
                    {at ? (
                      <>
                        <dt>{t("briefing.place")}</dt>
                        <dd>{at}</dd>
                      </>
                    ) : null}
                    {host ? (
                      <>
                        <dt>{t("briefing.host")}</dt>
                        <dd>{host}</dd>
                      </>
                    ) : null}
                    {agenda ? (
                      <>
                        <dt>{t("briefing.agenda")}</dt>
                        <dd className="briefing-item__agenda">{agenda}</dd>
                      </>
                    ) : null}
                    <dt>{t("briefing.attendees")}</dt>
                    <dd>{attendeesLine(item, delegation, t)}</dd>
                    {item.transport ? (
                      <>
                        <dt>{t("briefing.transport")}</dt>
                        <dd>{item.transport}</dd>
                      </>
                    ) : null}
                    {item.cases.length ? (
                      <>
                        <dt>{t("briefing.itemCases")}</dt>
                        <dd>
                          <ul className="plain">
                            {item.cases.map((c) => (
                              <li key={c.id}>
                                <Link to={`/cases/${c.id}`}>{localized(c.title, lang)}</Link>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}
