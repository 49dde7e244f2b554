import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import type { AgreementState } from "../lib/agreement-status";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import "../styles/agreement-status.css";

/**
 * The status an agreement is in (lib/agreement-status.ts), as a badge; a renewed one names and
 * links what renewed it.
 */
export function AgreementStatusBadge({
  state,
  renewedBy = [],
}: {
  state: AgreementState;
  renewedBy?: { id: number; title: LocalizedText }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <span className="agreement-status">
      <span className={`badge badge--${state.replace(/_/g, "-")}`}>{t(`agreements.lifecycle.${state}`)}</span>
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

/** Marks an end date no source gives, worked out (e.g. from a plan's stated length). */
export function InferredMark({ inferred }: { inferred: boolean }) {
  const { t } = useTranslation();
  return inferred ? <span className="muted"> {t("agreements.inferredEnd")}</span> : null;
}

/** "1 Jul 2024 – 1 Jul 2026 (inferred)", "From 24 Jul 2017", or "Not stated" when no period is recorded. */
export function AgreementPeriod({
  from,
  until,
  inferred = false,
}: {
  from: string | null;
  until: string | null;
  inferred?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (from && until) {
    return (
      <>
        {t("agreements.periodRange", { from: format.day(from), until: format.day(until) })}
        <InferredMark inferred={inferred} />
      </>
    );
  }
  if (from) return <>{t("agreements.periodFrom", { from: format.day(from) })}</>;
  if (until) {
    return (
      <>
        {t("agreements.periodUntil", { until: format.day(until) })}
        <InferredMark inferred={inferred} />
      </>
    );
  }
  return <span className="muted">{t("agreements.periodUnknown")}</span>;
}
