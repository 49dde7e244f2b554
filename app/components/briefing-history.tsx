import { Link } from "react-router";
import type { Briefing } from "../models/briefing.server";
import { useTranslation } from "../i18n/translation";
import { RichText } from "../lexical/rich-text";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { StatusBadge } from "./status-badge";
import { sourcedDate } from "../lib/sourced-date";

/** What the visit builds on: its commitments, the library's cases, earlier visits' lessons, open follow-ups. */
export function BriefingHistory({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  return (
    <>
      <section aria-labelledby="briefing-commitments">
        <h2 id="briefing-commitments">{t("briefing.commitments")}</h2>
        {briefing.commitments.length ? (
          <ul className="briefing-list">
            {briefing.commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/commitments/${c.id}`}>{localized(c.text, lang)}</Link>
                <span className="briefing-list__meta">
                  <StatusBadge group="commitmentStatus" value={c.status} /> {localized(c.agreementTitle, lang)}
                  {c.dueOn ? ` · ${t("briefing.due")} ${format.day(c.dueOn)}` : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("briefing.noCommitments")}</p>
        )}
      </section>
      <section aria-labelledby="briefing-cases">
        <h2 id="briefing-cases">{t("briefing.cases")}</h2>
        {briefing.cases.length ? (
          <ul className="briefing-list">
            {briefing.cases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{localized(c.title, lang)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("briefing.noCases")}</p>
        )}
      </section>
      <section aria-labelledby="briefing-earlier">
        <h2 id="briefing-earlier">{t("briefing.earlierVisits")}</h2>
        {briefing.earlierVisits.length ? null : <p className="muted">{t("briefing.noEarlierVisits")}</p>}
        {briefing.earlierVisits.map((v) => (
          <article key={v.id} className="briefing-earlier">
            <h3>
              <Link to={`/activities/${v.id}`}>{localized(v.title, lang)}</Link>{" "}
              <span className="muted">({sourcedDate(format, t, v)})</span>
            </h3>
            {v.lessonsHtml ? <RichText html={v.lessonsHtml} /> : <p className="muted">{t("briefing.noLessons")}</p>}
          </article>
        ))}
      </section>
      <section aria-labelledby="briefing-follow-ups">
        <h2 id="briefing-follow-ups">{t("briefing.followUps")}</h2>
        {briefing.followUps.length ? (
          <ul className="briefing-list">
            {briefing.followUps.map((f) => (
              <li key={f.id}>
                {localized(f.title, lang)}
                <span className="briefing-list__meta">
                  {t("briefing.owner")}: {f.ownerName} · {t("briefing.due")} {format.day(f.dueOn)}
                  {f.visitId === briefing.visit.id ? null : (
                    <>
                      {" · "}
                      {t("briefing.fromVisit")}{" "}
                      <Link to={`/visits/${f.visitId}/follow-ups`}>{localized(f.visitTitle, lang)}</Link>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("briefing.noFollowUps")}</p>
        )}
      </section>
    </>
  );
}
