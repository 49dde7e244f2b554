import { useTranslation } from "../i18n/translation";
import { commitmentStatuses } from "../lib/enums";
import type { StatusCounts } from "../models/agreement-progress.server";
import { useFormatter } from "../lib/use-formatter";

/** Commitments by status as a stacked bar with its numbers written out beside it. */
export function CommitmentBar({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const total = commitmentStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (!total) return <span className="muted">0</span>;
  return (
    <div className="commitment-bar">
      <svg viewBox={`0 0 ${total} 1`} preserveAspectRatio="none" aria-hidden="true" className="commitment-bar__svg">
        {
          commitmentStatuses.reduce<{ x: number; parts: React.ReactNode[] }>(
            (acc, s) => {
              const n = counts[s] ?? 0;
              if (n)
                acc.parts.push(
                  <rect key={s} x={acc.x} y={0} width={n} height={1} className={`fill--${s.replace(/_/g, "-")}`} />,
                );
              return { x: acc.x + n, parts: acc.parts };
            },
            { x: 0, parts: [] },
          ).parts
        }
      </svg>
      <ul className="commitment-bar__legend">
        {commitmentStatuses
          .filter((s) => counts[s])
          .map((s) => (
            <li key={s}>
              <span className={`swatch fill--${s.replace(/_/g, "-")}`} aria-hidden="true" />{" "}
              {`${t(`commitmentStatus.${s}`)}: ${format.number(counts[s] ?? 0)}`}
            </li>
          ))}
      </ul>
    </div>
  );
}
