import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { AgreementState } from "../lib/agreement-status";
import type { AgreementKind } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { useFormatter } from "../lib/use-formatter";
import { AgreementStatusBadge, InferredMark } from "./agreement-status";
import { ListText } from "./shown-text";

interface AgreementRef {
  id: number;
  kind: AgreementKind;
  title: LocalizedText;
  state: AgreementState;
}

function AgreementLine({ a, children }: { a: AgreementRef; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/agreements/${a.id}`}>
        <ListText text={a.title} />
      </Link>
      <span className="meta">
        {t(`agreementKind.${a.kind}`)} · {children}
      </span>{" "}
      <AgreementStatusBadge state={a.state} />
    </li>
  );
}

/** Agreements whose status is expiring, soonest first. */
export function DashboardExpiring({
  items,
}: {
  items: (AgreementRef & { inForceUntil: string; inForceUntilInferred: boolean; daysLeft: number })[];
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!items.length) return <p className="muted">{t("dashboard.noExpiring")}</p>;
  return (
    <ul className="plain dashboard-list">
      {items.map((a) => (
        <AgreementLine key={a.id} a={a}>
          {t("dashboard.endsOn", { date: format.day(a.inForceUntil) })}
          <InferredMark inferred={a.inForceUntilInferred} /> ·{" "}
          {a.daysLeft === 0
            ? t("dashboard.endsToday")
            : t("dashboard.daysLeft", { count: a.daysLeft, formatted: format.number(a.daysLeft) })}
        </AgreementLine>
      ))}
    </ul>
  );
}

/** Agreements in force without an activity for six months, the longest quiet first. */
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
