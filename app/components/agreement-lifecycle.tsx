import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { KeysUnder } from "../i18n/keys";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";

/** The state an agreement is in, as a badge; a renewed one names and links what renewed it. */
export function AgreementLifecycle({
  lifecycle,
  renewedBy = [],
}: {
  lifecycle: KeysUnder<"agreements.lifecycle">;
  renewedBy?: { id: number; title: LocalizedText }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <span className="lifecycle">
      <span className={`badge badge--${lifecycle.replace(/_/g, "-")}`}>{t(`agreements.lifecycle.${lifecycle}`)}</span>
      {renewedBy.length ? (
        <span className="meta">
          {t("agreements.renewedBy")}{" "}
          {renewedBy.map((r, i) => (
            <span key={r.id}>
              {i ? "; " : null}
              <Link to={`/agreements/${r.id}`}>{localized(r.title, lang)}</Link>
            </span>
          ))}
        </span>
      ) : null}
    </span>
  );
}

/** "1 Jul 2024 – 1 Jul 2026", "from 24 Jul 2017", or a dash when no period is recorded. */
export function AgreementPeriod({ from, until }: { from: string | null; until: string | null }) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (from && until) return <>{t("agreements.periodRange", { from: format.day(from), until: format.day(until) })}</>;
  if (from) return <>{t("agreements.periodFrom", { from: format.day(from) })}</>;
  if (until) return <>{t("agreements.periodUntil", { until: format.day(until) })}</>;
  return <span className="muted">{t("agreements.periodUnknown")}</span>;
}
