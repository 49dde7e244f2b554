import { useTranslation } from "../i18n/translation";
import type { CommitmentStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { ConfirmationList, type ConfirmationItem } from "./commitment-confirmations";
import { DueDate, ResponsibleOrganization } from "./commitment-facts";
import { ExampleBadge } from "./example-badge";
import { StatusBadge } from "./status-badge";

interface CommitmentSummary {
  id: number;
  text: LocalizedText;
  status: CommitmentStatus;
  example?: boolean;
  dueOn: string | null;
  overdue: boolean;
  responsible: LocalizedText | null;
  responsibleAcronym: string | null;
  /** Each side's focal point, by name. */
  focalPoints: Record<string, string>;
  milestones: { done: number; total: number };
  evidenceCount: number;
  confirmations: ConfirmationItem[];
  fullyConfirmed: boolean;
  activityCount: number;
}

/**
 * A commitment as the agreement page lists it: where it stands, who answers for it on each side,
 * and how many activities serve it (which ones, its own page says). Its links are plain: the page
 * renders the cards inside <PlainLinks>.
 */
export function CommitmentCard({
  commitment: c,
  sides,
}: {
  commitment: CommitmentSummary;
  sides: { code: string; name: LocalizedText }[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = `commitment-${c.id}-title`;
  return (
    <article className="commitment-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="commitment-card__title">
        <a href={`/commitments/${c.id}`}>{localized(c.text, lang)}</a>
      </h3>
      <dl className="facts facts--compact">
        <dt>{t("commitments.status")}</dt>
        <dd>
          <StatusBadge group="commitmentStatus" value={c.status} />
          <ExampleBadge example={c.example} />
          {c.fullyConfirmed ? <span className="meta">{t("commitments.fullyComplete")}</span> : null}
        </dd>
        <dt>{t("commitments.responsible")}</dt>
        <dd>
          <ResponsibleOrganization name={c.responsible} acronym={c.responsibleAcronym} />
        </dd>
        <dt>{t("commitments.dueOn")}</dt>
        <dd>
          <DueDate dueOn={c.dueOn} overdue={c.overdue} />
        </dd>
        <dt>{t("commitments.focalPoints")}</dt>
        <dd>
          <ul className="plain">
            {sides.map((s) => (
              <li key={s.code}>
                {`${localized(s.name, lang)}: `}
                {c.focalPoints[s.code] ?? <span className="muted">{t("commitments.noFocalPoint")}</span>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t("commitments.milestones")}</dt>
        <dd>
          {c.milestones.total ? (
            t("commitments.milestonesDone", { done: c.milestones.done, total: c.milestones.total })
          ) : (
            <span className="muted">{t("commitments.noMilestones")}</span>
          )}
        </dd>
        <dt>{t("commitments.evidence")}</dt>
        <dd>{t("commitments.evidenceCount", { count: c.evidenceCount })}</dd>
        <dt>{t("commitments.confirmations")}</dt>
        <dd>
          <ConfirmationList sides={sides} confirmations={c.confirmations} />
        </dd>
        <dt>{t("commitments.activities")}</dt>
        <dd>
          {c.activityCount ? (
            <a href={`/activities?commitment=${c.id}`}>{t("commitments.allActivities", { count: c.activityCount })}</a>
          ) : (
            <span className="muted">{t("commitments.noActivities")}</span>
          )}
        </dd>
      </dl>
    </article>
  );
}
