import { Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import "../styles/dashboard-visits.css";
import { ExampleBadge } from "./example-badge";
import { ListText } from "./shown-text";

interface FollowUpItem {
  id: number;
  title: LocalizedText;
  dueOn: string;
  visitId: number;
  visitTitle: LocalizedText;
  ownerName: string;
  daysOverdue?: number;
  example?: boolean;
}

interface Summary {
  open: number;
  overdueCount: number;
  dueSoonCount: number;
  soonUntil: string;
  overdue: (FollowUpItem & { daysOverdue: number })[];
  dueSoon: FollowUpItem[];
}

/** Open follow-ups of visits: three counts, then the overdue and the due-soon ones, each with its visit. */
export function DashboardFollowUps({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!summary.open) return <p className="muted">{t("dashboard.noOpenFollowUps")}</p>;
  return (
    <>
      <dl className="dashboard-counts">
        <div>
          <dt>{t("dashboard.followUpsOpen")}</dt>
          <dd>{format.number(summary.open)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.followUpsDueSoon")}</dt>
          <dd>{format.number(summary.dueSoonCount)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.followUpsOverdue")}</dt>
          <dd className={summary.overdueCount ? "dashboard-late" : undefined}>{format.number(summary.overdueCount)}</dd>
        </div>
      </dl>
      {summary.overdue.length ? (
        <FollowUpList id="follow-ups-overdue" title={t("dashboard.followUpsOverdueList")} items={summary.overdue} />
      ) : null}
      {summary.dueSoon.length ? (
        <FollowUpList
          id="follow-ups-soon"
          title={t("dashboard.followUpsDueSoonList", { date: format.day(summary.soonUntil) })}
          items={summary.dueSoon}
        />
      ) : null}
    </>
  );
}

function FollowUpList({ id, title, items }: { id: string; title: string; items: FollowUpItem[] }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul className="plain dashboard-list" aria-labelledby={id}>
        {items.map((f) => (
          <li key={f.id}>
            <Link to={`/visits/${f.visitId}/follow-ups#follow-up-${f.id}`}>
              <ListText text={f.title} />
            </Link>
            <ExampleBadge example={f.example} />
            <span className="meta">
              <Link to={`/visits/${f.visitId}`}>{localized(f.visitTitle, lang)}</Link>
            </span>
            <span className="meta">
              {t("dashboard.followUpOwner", { name: f.ownerName })} ·{" "}
              {t("dashboard.dueOn", { date: format.day(f.dueOn) })}
              {f.daysOverdue !== undefined ? (
                <>
                  {" · "}
                  <span className="dashboard-late">
                    {t("dashboard.followUpDaysOverdue", {
                      count: f.daysOverdue,
                      formatted: format.number(f.daysOverdue),
                    })}
                  </span>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
