import { useTranslation } from "../i18n/translation";
import { Link } from "react-router";
import { localized } from "../lib/localized";
import { AgreementPeriod, AgreementStatusBadge } from "./agreement-status";
import { ExampleBadge } from "./example-badge";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { PlanProgress as PlanProgressData } from "../models/dashboard.server";

const percentOf = (part: number, whole: number) => (whole ? (part / whole) * 100 : 0);

/**
 * A horizontal bar (0–100 %) with, optionally, a dashed mark where the plan's time stands, so
 * "completed" can be read against "elapsed". Decorative: the numbers are written beside it.
 */
function Bar({ percent, kind, marker }: { percent: number; kind: "time" | "done"; marker?: number }) {
  return (
    <svg
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      className="plan-progress__bar"
      aria-hidden="true"
      focusable="false"
    >
      <rect x={0} y={1} width={100} height={10} className="plan-progress__track" vectorEffect="non-scaling-stroke" />
      {percent > 0 ? (
        <rect x={0} y={1} width={Math.min(100, percent)} height={10} className={`plan-progress__fill--${kind}`} />
      ) : null}
      {marker !== undefined ? (
        <line
          x1={marker}
          x2={marker}
          y1={0}
          y2={12}
          className="plan-progress__marker"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
}

/** One action plan: time elapsed in its period against the share of its activities completed, by type. */
export function PlanProgress({ plan }: { plan: PlanProgressData }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = useLanguage();
  const title = localized(plan.title, lang);
  const marker = plan.elapsed?.percent;
  const pct = (value: number) => t("dashboard.percent", { value: format.number(Math.round(value)) });
  const doneRow = (key: string, name: string, completed: number, total: number, strong = false) => (
    <tr key={key} className={strong ? "plan-progress__total" : undefined}>
      <th scope="row">{name}</th>
      <td className="plan-progress__bar-cell">
        <Bar percent={percentOf(completed, total)} kind="done" marker={marker} />
      </td>
      <td>
        {t("dashboard.completedOf", {
          completed: format.number(completed),
          total: format.number(total),
          percent: pct(percentOf(completed, total)),
        })}
      </td>
    </tr>
  );

  return (
    <article className="plan-progress" aria-labelledby={`plan-${plan.id}-title`}>
      <h3 id={`plan-${plan.id}-title`}>
        <Link to={`/agreements/${plan.id}`}>{title}</Link>
      </h3>
      <p className="meta">
        <ExampleBadge example={plan.example} />
        <AgreementStatusBadge state={plan.state} />{" "}
        <AgreementPeriod from={plan.inForceFrom} until={plan.inForceUntil} inferred={plan.inForceUntilInferred} />
      </p>
      <table className="table plan-progress__table">
        <caption className="visually-hidden">{t("dashboard.planCaption", { plan: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.measure")}</th>
            <th scope="col">{t("dashboard.progress")}</th>
            <th scope="col">{t("dashboard.figures")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="plan-progress__time">
            <th scope="row">{t("dashboard.timeElapsed")}</th>
            <td className="plan-progress__bar-cell">
              {plan.elapsed ? <Bar percent={plan.elapsed.percent} kind="time" /> : null}
            </td>
            <td>
              {plan.elapsed
                ? t("dashboard.elapsedOf", {
                    percent: pct(plan.elapsed.percent),
                    days: format.number(plan.elapsed.days),
                    total: format.number(plan.elapsed.totalDays),
                  })
                : plan.daysIn !== null
                  ? t("dashboard.elapsedOpenEnded", { count: plan.daysIn, days: format.number(plan.daysIn) })
                  : t("agreements.periodUnknown")}
            </td>
          </tr>
          {plan.total ? (
            <>
              {doneRow("all", t("dashboard.allActivities"), plan.completed, plan.total, true)}
              {plan.byType.map((row) => doneRow(row.type, t(`activityType.${row.type}`), row.completed, row.total))}
            </>
          ) : (
            <tr>
              <th scope="row">{t("dashboard.allActivities")}</th>
              <td colSpan={2} className="muted">
                {t("dashboard.noPlanActivities")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {marker !== undefined && plan.total ? (
        <p className="hint">{t("dashboard.markerHint", { percent: pct(marker) })}</p>
      ) : null}
    </article>
  );
}
