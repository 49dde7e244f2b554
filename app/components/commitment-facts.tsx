import { useTranslation } from "../i18n/translation";
import type { CommitmentStatus, DatePrecision } from "../lib/enums";
import { Link } from "react-router";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { AgreementState } from "../lib/agreement-status";
import { AgreementStatusBadge } from "./agreement-status";
import { StatusBadge } from "./status-badge";
import { sourcedDate } from "../lib/sourced-date";
import { responsibleText } from "../lib/commitment-text";

/** The organization that answers for a commitment, or that none is named. */
function ResponsibleOrganization({ name, acronym }: { name: LocalizedText | null; acronym: string | null }) {
  const { t } = useTranslation();
  const text = responsibleText(name, acronym, useLanguage());
  return text ?? <span className="muted">{t("commitments.notSet")}</span>;
}

/** The due date, marked when the commitment is overdue. */
function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <>
      {dueOn ? format.day(dueOn) : <span className="muted">{t("commitments.notSet")}</span>}
      {overdue ? <span className="badge badge--overdue">{t("commitments.overdue")}</span> : null}
    </>
  );
}

export interface ServingActivity {
  id: number;
  title: LocalizedText;
  startsAt: Date | string;
  allDay: boolean;
  /** As precise as its source; absent means a day, exactly (the agreement page sends it only then). */
  datePrecision?: DatePrecision;
  dateApproximate?: boolean;
}

/**
 * The activities that serve a commitment, newest first, each with its date; when only the latest
 * are listed, a link to all of them in the activity list. Plain links: render it inside
 * <PlainLinks>, as the commitment's page does.
 */
export function ActivityLinks({
  commitmentId,
  activities,
  total,
}: {
  commitmentId: number;
  activities: ServingActivity[];
  total: number;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  return (
    <>
      <ul className="plain">
        {activities.map((a) => (
          <li key={a.id}>
            <time dateTime={new Date(a.startsAt).toISOString()}>
              {sourcedDate(format, t, {
                ...a,
                datePrecision: a.datePrecision ?? "day",
                dateApproximate: a.dateApproximate ?? false,
              })}
            </time>
            : <a href={`/activities/${a.id}`}>{localized(a.title, lang)}</a>
          </li>
        ))}
      </ul>
      {total > activities.length ? (
        <p>
          <a href={`/activities?commitment=${commitmentId}`}>{t("commitments.allActivities", { count: total })}</a>
        </p>
      ) : null}
    </>
  );
}

interface CommitmentFactsData {
  status: CommitmentStatus;
  fullyConfirmed: boolean;
  area: string;
  dueOn: string | null;
  /** With its status where the page shows it (the commitment's own page; an agreement's cards need not). */
  agreement: { id: number; title: LocalizedText; state?: AgreementState };
  responsible: { name: LocalizedText; acronym: string | null } | null;
  sides: { code: string; name: LocalizedText }[];
  confirmations: { countryCode: string }[];
}

/** Where a commitment stands, under which agreement, and who answers for it by when. */
export function CommitmentFacts({ commitment: c, overdue }: { commitment: CommitmentFactsData; overdue: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const unconfirmed = c.sides.filter((s) => !c.confirmations.some((x) => x.countryCode === s.code));
  return (
    <dl className="facts">
      <dt>{t("commitments.status")}</dt>
      <dd>
        <StatusBadge group="commitmentStatus" value={c.status} />{" "}
        {c.fullyConfirmed ? (
          <strong className="confirmed">{t("commitments.fullyComplete")}</strong>
        ) : c.status === "complete" ? (
          <span>
            {t("commitments.awaitingConfirmation", {
              sides: unconfirmed.map((s) => localized(s.name, lang)).join(", "),
            })}
          </span>
        ) : null}
      </dd>
      <dt>{t("commitments.agreement")}</dt>
      <dd>
        <Link to={`/agreements/${c.agreement.id}`}>{localized(c.agreement.title, lang)}</Link>
        {c.agreement.state ? (
          <>
            {" "}
            <AgreementStatusBadge state={c.agreement.state} />
          </>
        ) : null}
      </dd>
      <dt>{t("commitments.area")}</dt>
      <dd>{c.area}</dd>
      <dt>{t("commitments.responsible")}</dt>
      <dd>
        <ResponsibleOrganization name={c.responsible?.name ?? null} acronym={c.responsible?.acronym ?? null} />
      </dd>
      <dt>{t("commitments.dueOn")}</dt>
      <dd>
        <DueDate dueOn={c.dueOn} overdue={overdue} />
      </dd>
    </dl>
  );
}
