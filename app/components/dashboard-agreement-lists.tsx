import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { AgreementKind, AgreementStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { StatusBadge } from "./status-badge";

interface AgreementRef {
  id: number;
  kind: AgreementKind;
  title: LocalizedText;
  status: AgreementStatus;
}

function AgreementLine({ a, children }: { a: AgreementRef; children: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <li>
      <Link to={`/agreements/${a.id}`}>{localized(a.title, lang)}</Link>
      <span className="meta">
        {t(`agreementKind.${a.kind}`)} · {children}
      </span>{" "}
      <StatusBadge group="agreementStatus" value={a.status} />
    </li>
  );
}

/** Agreements whose in-force period ends within the next six months, soonest first. */
export function DashboardExpiring({ items }: { items: (AgreementRef & { inForceUntil: string; daysLeft: number })[] }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!items.length) return <p className="muted">{t("dashboard.noExpiring")}</p>;
  return (
    <ul className="plain dashboard-list">
      {items.map((a) => (
        <AgreementLine key={a.id} a={a}>
          {t("dashboard.endsOn", { date: format.day(a.inForceUntil) })} ·{" "}
          {a.daysLeft === 0
            ? t("dashboard.endsToday")
            : t("dashboard.daysLeft", { count: a.daysLeft, formatted: format.number(a.daysLeft) })}
        </AgreementLine>
      ))}
    </ul>
  );
}

/** Binding agreements without activity for six months, the longest quiet first. */
export function DashboardDormant({ items }: { items: (AgreementRef & { lastActivityOn: string | null })[] }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!items.length) return <p className="muted">{t("dashboard.noDormant")}</p>;
  return (
    <ul className="plain dashboard-list">
      {items.map((a) => (
        <AgreementLine key={a.id} a={a}>
          {a.lastActivityOn ? (
            <>
              {t("dashboard.lastActivity")} <time dateTime={a.lastActivityOn}>{format.day(a.lastActivityOn)}</time>
            </>
          ) : (
            t("dashboard.neverActive")
          )}
        </AgreementLine>
      ))}
    </ul>
  );
}
