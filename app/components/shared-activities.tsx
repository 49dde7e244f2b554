import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import type { SharedActivity } from "../models/case-activities.server";
import { StatusBadge } from "./status-badge";
import { dateFormat } from "../lib/date-format";
import "../styles/shared-activities.css";

/**
 * "Shared in these activities" on a case page (app/models/case-activities.server.ts sharedActivities).
 * Visitors get what the model lets out: completed activities' type, title and month. Staff get each
 * activity's page and status. Nothing when the case was shared nowhere yet.
 */
export function SharedActivities({ activities }: { activities: SharedActivity[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!activities.length) return null;
  const month = dateFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <section className="shared-activities" aria-labelledby="shared-activities-title">
      <h2 id="shared-activities-title">{t("enquiries.shared.title")}</h2>
      <p>{t("enquiries.shared.intro")}</p>
      <ul>
        {activities.map((a, i) => {
          const title = localized(a.title, lang);
          return (
            <li key={a.id ?? i}>
              {a.id !== null ? <Link to={`/activities/${a.id}`}>{title}</Link> : title}{" "}
              <span className="meta">
                {t(`activityType.${a.type}`)}, {month.format(new Date(`${a.startsOn}T00:00:00Z`))}
              </span>
              {a.status ? (
                <>
                  {" "}
                  <StatusBadge group="activityStatus" value={a.status} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
