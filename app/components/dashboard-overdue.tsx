import { useTranslation } from "../i18n/translation";
import type { CommitmentStatus } from "../lib/enums";
import { Link } from "react-router";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { StatusBadge } from "./status-badge";
import { ListText } from "./shown-text";

interface OverdueCommitment {
  id: number;
  text: LocalizedText;
  status: CommitmentStatus;
  dueOn: string;
  daysOverdue: number;
  agreementId: number;
  agreementTitle: LocalizedText;
}

/** Overdue commitments, oldest first, each with its agreement and how late it is. */
export function DashboardOverdue({ items, total }: { items: OverdueCommitment[]; total: number }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  if (!items.length) return <p className="muted">{t("dashboard.noOverdue")}</p>;
  return (
    <>
      <p>
        <strong>{t("dashboard.overdueCount", { count: total, formatted: format.number(total) })}</strong>
        {total > items.length ? ` ${t("dashboard.showingOldest", { shown: format.number(items.length) })}` : null}
      </p>
      <ul className="plain dashboard-list">
        {items.map((c) => (
          <li key={c.id}>
            <Link to={`/commitments/${c.id}`}>
              <ListText text={c.text} />
            </Link>
            <span className="meta">
              <Link to={`/agreements/${c.agreementId}`}>{localized(c.agreementTitle, lang)}</Link>
            </span>
            <span className="meta">
              {t("dashboard.dueOn", { date: format.day(c.dueOn) })} ·{" "}
              <span className="dashboard-late">
                {t("dashboard.daysOverdue", { count: c.daysOverdue, formatted: format.number(c.daysOverdue) })}
              </span>
            </span>{" "}
            <StatusBadge group="commitmentStatus" value={c.status} />
          </li>
        ))}
      </ul>
    </>
  );
}
