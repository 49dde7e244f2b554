import { useTranslation } from "../i18n/translation";
import { activityTypes, type ActivityType } from "../lib/enums";
import { useFormatter } from "../lib/use-formatter";

interface QuarterChartBucket {
  start: string;
  year: number;
  quarter: number;
  counts: Record<ActivityType, number>;
  total: number;
}

// Geometry in viewBox units; the SVG scales to its box (with a minimum width set in CSS).
const width = 640;
const height = 300;
const margin = { top: 24, right: 12, bottom: 48, left: 48 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/**
 * Each type has a colour with at least 3:1 contrast on white and, for every other type, a texture,
 * so neighbouring segments differ by more than hue.
 */
const texture: Record<ActivityType, "solid" | "stripes" | "dots" | "back-stripes" | "bars"> = {
  workshop: "solid",
  knowledge_sharing: "stripes",
  visit: "solid",
  training: "dots",
  meeting: "back-stripes",
  other: "bars",
};

const cssName = (type: ActivityType) => type.replace(/_/g, "-");
const quarterChartFill = (id: string, type: ActivityType) => `url(#${id}-${cssName(type)})`;

/** A step of 1, 2 or 5 × 10ⁿ that splits the axis into about four whole-number ticks. */
function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!,
  );
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      {activityTypes.map((type) => {
        const kind = texture[type];
        const name = cssName(type);
        return (
          <pattern
            key={type}
            id={`${id}-${name}`}
            patternUnits="userSpaceOnUse"
            width={6}
            height={6}
            patternTransform={kind === "stripes" ? "rotate(45)" : kind === "back-stripes" ? "rotate(-45)" : undefined}
          >
            <rect width={6} height={6} className={`qc-fill--${name}`} />
            {kind === "stripes" || kind === "back-stripes" ? (
              <rect width={2} height={6} className="qc-texture" />
            ) : null}
            {kind === "bars" ? <rect width={6} height={1.5} className="qc-texture" /> : null}
            {kind === "dots" ? <circle cx={3} cy={3} r={1.2} className="qc-texture" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** Activities per quarter as stacked bars by type: inline SVG drawn on the server, with the same numbers as a table. */
export function QuarterChart({
  id,
  buckets,
  title,
  description,
}: {
  id: string;
  buckets: QuarterChartBucket[];
  title: string;
  description: string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const ticks = niceTicks(Math.max(0, ...buckets.map((b) => b.total)));
  const top = ticks.at(-1)!;
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / buckets.length;
  const barWidth = band * 0.6;
  const present = activityTypes.filter((type) => buckets.some((b) => b.counts[type] > 0));
  const label = (b: QuarterChartBucket) => t("dashboard.quarterLabel", { quarter: b.quarter, year: b.year });

  return (
    <figure className="quarter-chart">
      {/* Focusable so that keyboard users can scroll it where it is wider than the screen (axe's
          scrollable-region-focusable), although the frame itself does nothing when activated. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="quarter-chart__frame" tabIndex={0} role="group" aria-labelledby={`${id}-title`}>
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          className="quarter-chart__svg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <Patterns id={id} />
          {ticks.map((tick) => (
            <g key={tick} className="qc-grid">
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(tick)}
                y2={y(tick)}
                className={tick ? "qc-gridline" : "qc-axis"}
              />
              <text x={margin.left - 8} y={y(tick)} dy="0.35em" textAnchor="end" className="qc-label">
                {format.number(tick)}
              </text>
            </g>
          ))}
          {buckets.map((b, i) => {
            const x = margin.left + i * band + (band - barWidth) / 2;
            let sum = 0;
            return (
              <g key={b.start}>
                {activityTypes.map((type) => {
                  const n = b.counts[type];
                  if (!n) return null;
                  const y1 = y(sum + n);
                  const h = y(sum) - y1;
                  sum += n;
                  return (
                    <rect
                      key={type}
                      x={x}
                      y={y1}
                      width={barWidth}
                      height={h}
                      fill={quarterChartFill(id, type)}
                      className="qc-segment"
                    >
                      <title>{`${label(b)}, ${t(`activityType.${type}`)}: ${format.number(n)}`}</title>
                    </rect>
                  );
                })}
                <text x={x + barWidth / 2} y={y(b.total) - 6} textAnchor="middle" className="qc-total">
                  {format.number(b.total)}
                </text>
                <text x={x + barWidth / 2} y={height - margin.bottom + 18} textAnchor="middle" className="qc-label">
                  {t("dashboard.quarterShort", { quarter: b.quarter })}
                </text>
                <text x={x + barWidth / 2} y={height - margin.bottom + 36} textAnchor="middle" className="qc-label">
                  {b.year}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="quarter-chart__legend" aria-label={t("dashboard.chartLegend")}>
          {present.map((type) => (
            <li key={type}>
              <svg viewBox="0 0 14 14" className="quarter-chart__swatch" aria-hidden="true">
                <rect width={14} height={14} fill={quarterChartFill(id, type)} className="qc-segment" />
              </svg>
              {t(`activityType.${type}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      {/* Hidden by a wrapper: a table ignores the 1 px box the pattern sets, and would stretch the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.quarter")}</th>
              {activityTypes.map((type) => (
                <th key={type} scope="col">
                  {t(`activityType.${type}`)}
                </th>
              ))}
              <th scope="col">{t("dashboard.total")}</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.start}>
                <th scope="row">{label(b)}</th>
                {activityTypes.map((type) => (
                  <td key={type}>{format.number(b.counts[type])}</td>
                ))}
                <td>{format.number(b.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
