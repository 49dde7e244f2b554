import { useTranslation } from "../i18n/translation";
import type { Progress, StatusCounts } from "../models/agreement-progress.server";
import { useFormatter } from "../lib/use-formatter";
import { CommitmentBar } from "./commitment-bar";

/** Commitments by status, then "n of m complete" and, where known, what is overdue or confirmed. */
export function AgreementProgress({
  counts,
  progress,
}: {
  counts: StatusCounts;
  progress: Progress & { overdue?: number; fullyConfirmed?: number };
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  if (!progress.total) return <span className="muted">{t("agreements.noCommitments")}</span>;
  return (
    <div className="agreement-progress">
      <CommitmentBar counts={counts} />
      <p className="agreement-progress__text">
        <strong>
          {t("agreements.completeOf", {
            complete: format.number(progress.complete),
            total: format.number(progress.active),
          })}
        </strong>{" "}
        <span className="muted">({t("agreements.percentComplete", { percent: progress.percent })})</span>
        {progress.overdue ? (
          <>
            {" · "}
            <span className="overdue">
              {t("agreements.overdueCount", { count: progress.overdue, formatted: format.number(progress.overdue) })}
            </span>
          </>
        ) : null}
        {progress.fullyConfirmed !== undefined ? (
          <>
            {" · "}
            {t("agreements.fullyConfirmedCount", {
              count: progress.fullyConfirmed,
              formatted: format.number(progress.fullyConfirmed),
            })}
          </>
        ) : null}
      </p>
    </div>
  );
}
