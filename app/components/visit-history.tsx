import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import { RichText } from "../lexical/rich-text";
import { localized } from "../lib/localized";
import { sourcedDate } from "../lib/sourced-date";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { VisitHistory as History } from "../models/visit-history.server";
import { StatusBadge } from "./status-badge";

/**
 * "History with this partner": earlier visits with their lessons, the commitments touched and
 * their status, the library cases concerned. `followUps` is the slot for the earlier visits' open
 * follow-ups, rendered after the earlier visits when given.
 */
export function VisitHistory({ history, followUps }: { history: History; followUps?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  return (
    <section aria-labelledby="history-title" className="visit-history">
      <h2 id="history-title">{t("visits.history.title")}</h2>
      <p className="hint">{t("visits.history.intro")}</p>

      <h3>{t("visits.history.earlier")}</h3>
      {history.earlierVisits.length ? (
        <ul className="plain visit-history__visits">
          {history.earlierVisits.map((v) => (
            <li key={v.id}>
              <Link to={v.hasVisit ? `/visits/${v.id}` : `/activities/${v.id}`}>{localized(v.title, lang)}</Link>{" "}
              <span className="muted">
                {sourcedDate(format, t, v)}
                {v.city ? `, ${v.city}` : ""}
              </span>
              {v.lessonsHtml ? (
                <details>
                  <summary>{t("visits.history.lessons")}</summary>
                  <RichText html={v.lessonsHtml} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("visits.history.noEarlier")}</p>
      )}

      {followUps}

      <h3>{t("visits.history.commitments")}</h3>
      {history.commitments.length ? (
        <ul className="plain visit-history__commitments">
          {history.commitments.map((c) => (
            <li key={c.id}>
              <Link to={`/commitments/${c.id}`}>{localized(c.text, lang)}</Link>{" "}
              <StatusBadge group="commitmentStatus" value={c.status} />
              {c.byThisVisit ? <span className="muted"> ({t("visits.history.byThisVisit")})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("visits.history.noCommitments")}</p>
      )}

      <h3>{t("visits.history.cases")}</h3>
      {history.cases.length ? (
        <ul className="plain">
          {history.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{localized(c.title, lang)}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("visits.history.noCases")}</p>
      )}
    </section>
  );
}
