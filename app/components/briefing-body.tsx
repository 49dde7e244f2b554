import type { Briefing } from "../models/briefing.server";
import { useTranslation } from "../i18n/translation";
import { RichText } from "../lexical/rich-text";
import { createFormatter } from "../lib/format";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { visitDateRange } from "../lib/visit-dates";
import { BriefingPeople } from "./briefing-people";
import { ItineraryDays } from "./itinerary-days";

/** The briefing's title, whose version it is, and when it was issued. */
export function BriefingHeader({ briefing, title }: { briefing: Briefing; title: string }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { visit, member } = briefing;
  return (
    <header className="briefing__header">
      <h1>{title}</h1>
      {member ? <p className="briefing__for">{t("briefing.forMember", { name: member.name })}</p> : null}
      <p className="muted">
        {visit.briefingIssuedAt
          ? t("briefing.issuedOn", { when: format.dateTime(visit.briefingIssuedAt) })
          : t("briefing.notIssued")}
      </p>
    </header>
  );
}

function RichSection({ id, heading, html }: { id: string; heading: string; html: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {html ? <RichText html={html} /> : <p className="muted">{t("briefing.nothingWritten")}</p>}
    </section>
  );
}

/**
 * The briefing itself, as staff read it and as a member reads their own by their personal link:
 * the visit's facts, the people, the programme, the talking points and the background.
 */
export function BriefingBody({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { visit, member } = briefing;
  const place = createFormatter(lang, visit.timeZone);
  const dates = visitDateRange(visit, place.day, (start, end) => t("dates.range", { start, end }));
  const objectives = localized(visit.objectives, lang);
  return (
    <>
      <section aria-labelledby="briefing-facts">
        <h2 id="briefing-facts">{t("briefing.facts")}</h2>
        <dl className="facts">
          <dt>{t("briefing.dates")}</dt>
          <dd>{dates}</dd>
          <dt>{t("briefing.direction")}</dt>
          <dd>{t(`briefing.directions.${visit.direction}`)}</dd>
          {visit.cities.length ? (
            <>
              <dt>{t("briefing.cities")}</dt>
              <dd>{visit.cities.join(", ")}</dd>
            </>
          ) : null}
          {visit.hostName ? (
            <>
              <dt>{t("briefing.host")}</dt>
              <dd>{localized(visit.hostName, lang)}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t("briefing.objectives")}</h3>
        <p className="briefing__objectives">{objectives || t("briefing.nothingWritten")}</p>
      </section>

      <BriefingPeople briefing={briefing} />
      <section aria-labelledby="briefing-programme" className="briefing-programme">
        <h2 id="briefing-programme">{t(member ? "briefing.yourProgramme" : "briefing.programme")}</h2>
        {briefing.itinerary?.items.length ? (
          <ItineraryDays itinerary={briefing.itinerary} headingLevel={3} />
        ) : (
          <p className="muted">{t("briefing.noItems")}</p>
        )}
      </section>

      <RichSection id="briefing-talking-points" heading={t("briefing.talkingPoints")} html={visit.talkingPointsHtml} />
      <RichSection id="briefing-background" heading={t("briefing.background")} html={visit.backgroundHtml} />
    </>
  );
}
