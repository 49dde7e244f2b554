import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { ActivityStatus, ActivityType } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized, placeName } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { StatusBadge } from "./status-badge";

interface ActivityListItem {
  id: number;
  title: LocalizedText;
  type: ActivityType;
  status: ActivityStatus;
  startsAt: Date | string;
  allDay: boolean;
  city: string | null;
  countryName: LocalizedText | null;
}

export function ActivityList({ items, empty }: { items: ActivityListItem[]; empty: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="activity-list">
      {items.map((a) => (
        <li key={a.id}>
          <time dateTime={new Date(a.startsAt).toISOString()}>{format.when(a.startsAt, a.allDay)}</time>{" "}
          <strong>
            <Link to={`/activities/${a.id}`}>{localized(a.title, lang)}</Link>
          </strong>
          <span className="meta">
            {t(`activityType.${a.type}`)}
            {a.city || a.countryName ? ` · ${placeName(a.city, a.countryName, lang)}` : null}
          </span>{" "}
          <StatusBadge group="activityStatus" value={a.status} />
        </li>
      ))}
    </ul>
  );
}
