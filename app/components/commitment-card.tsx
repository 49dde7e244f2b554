import { useTranslation } from "../i18n/translation";
import type { CommitmentStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { shownText } from "../lib/case-text";
import { confirmationText, responsibleText } from "../lib/commitment-text";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { ConfirmationItem } from "./commitment-confirmations";
import { ExampleBadge } from "./example-badge";
import { ListString } from "./shown-text";
import { Badge } from "./status-badge";

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
 * and how many activities serve it (which ones, its own page says). Each fact is a line of text,
 * "Label: value", rather than a definition list: the ten cards' facts were a sixth of the page's
 * server time as definition lists (npm run bench), a third of that less as lines, and the
 * commitment's own page has the full account. Its links are plain: the page renders the cards
 * inside <PlainLinks>.
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
  const format = useFormatter();
  const titleId = `commitment-${c.id}-title`;
  // Marked where shown in another language, as lists mark their rows (ListText, inlined: ten a page).
  const title = shownText(c.text, lang);
  const confirmed = new Map(c.confirmations.map((x) => [x.countryCode, x]));
  const bySide = (value: (side: string, code: string) => string) =>
    sides.map((s) => `${localized(s.name, lang)}: ${value(localized(s.name, lang), s.code)}`).join("; ");
  const responsible = responsibleText(c.responsible, c.responsibleAcronym, lang) ?? t("commitments.notSet");
  const milestones = c.milestones.total
    ? t("commitments.milestonesDone", { done: c.milestones.done, total: c.milestones.total })
    : t("commitments.noMilestones");
  return (
    <article className="commitment-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="commitment-card__title">
        <a href={`/commitments/${c.id}`}>
          {title?.fallback ? <ListString value={title.value} language={title.lang} /> : title?.value}
        </a>
      </h3>
      <p className="commitment-card__status">
        <Badge value={c.status} label={t(`commitmentStatus.${c.status}`)} />
        {c.example ? <ExampleBadge example /> : null}
        {c.fullyConfirmed ? <span className="meta">{t("commitments.fullyComplete")}</span> : null}
      </p>
      <p>
        {`${t("commitments.responsible")}: ${responsible} · ${t("commitments.dueOn")}: ${c.dueOn ? format.day(c.dueOn) : t("commitments.notSet")}`}
        {c.overdue ? <span className="badge badge--overdue">{t("commitments.overdue")}</span> : null}
      </p>
      <p>{`${t("commitments.focalPoints")}: ${bySide((_, code) => c.focalPoints[code] ?? t("commitments.noFocalPoint"))}`}</p>
      <p>
        {`${t("commitments.milestones")}: ${milestones} · ${t("commitments.evidence")}: ${t("commitments.evidenceCount", { count: c.evidenceCount })}`}
      </p>
      <p>
        {`${t("commitments.confirmations")}: ${bySide((side, code) => {
          const x = confirmed.get(code);
          return x ? confirmationText(x, side, t, format) : t("commitments.notConfirmed");
        })}`}
      </p>
      <p>
        {c.activityCount ? (
          <a href={`/activities?commitment=${c.id}`}>{t("commitments.allActivities", { count: c.activityCount })}</a>
        ) : (
          t("commitments.noActivities")
        )}
      </p>
    </article>
  );
}
