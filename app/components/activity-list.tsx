import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { ActivityStatus, ActivityType } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { placeName } from "../lib/localized";
import { sourcedDate, type SourcedDate } from "../lib/sourced-date";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { ExampleBadge } from "./example-badge";
import { StatusBadge } from "./status-badge";
import { ListText } from "./shown-text";

interface ActivityListItem extends SourcedDate {
  id: number;
  title: LocalizedText;
  type: ActivityType;
  status: ActivityStatus;
  city: string | null;
  countryName: LocalizedText | null;
  example?: boolean;
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
          <time dateTime={new Date(a.startsAt).toISOString()}>{sourcedDate(format, t, a)}</time>{" "}
          <strong>
            <Link to={`/activities/${a.id}`}>
              <ListText text={a.title} />
            </Link>
          </strong>
          <ExampleBadge example={a.example} />
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
