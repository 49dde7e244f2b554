import { useTranslation } from "../i18n/translation";
import type { ActionResult } from "../forms/result";
import type { VisitLinks } from "../models/visit-links.server";
import { useFormatter } from "../lib/use-formatter";
import { ActionForm } from "./form-action";

/**
 * The briefing page's secret links (decision 21): the reader's own calendar subscription for this
 * version, and, for the visit's editors in a member's version, that member's personal briefing
 * link. A link's address exists only in the answer that made it: only its hash is stored.
 */
export function BriefingLinks({
  links,
  member,
  canEdit,
  made,
  result,
}: {
  links: VisitLinks;
  member: { id: number; name: string } | null;
  canEdit: boolean;
  /** The address just made, shown once, and which link it is. */
  made: { url: string; purpose: "calendar" | "briefing" } | null;
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const memberId = member?.id ?? null;
  const calendar = links.calendar.find((l) => l.memberId === memberId);
  const personal = member ? links.briefing.find((l) => l.memberId === member.id) : undefined;
  const refusal = result?.reply.error?.[""]?.[0];
  const live = (l: { createdAt: Date | string; expiresAt: Date | string | null }, key: "calendarLive" | "memberLive") =>
    t(`visitLinks.${key}`, {
      when: format.dateTime(l.createdAt),
      until: l.expiresAt ? format.dateTime(l.expiresAt) : "",
    });
  const shown = (purpose: "calendar" | "briefing") =>
    made?.purpose === purpose ? (
      <div role="status" className="briefing-links__made">
        <p>{t("visitLinks.made")}</p>
        <label>
          {t("visitLinks.address")}
          <input type="text" readOnly value={made.url} className="briefing-links__url" />
        </label>
      </div>
    ) : null;
  return (
    <section className="briefing-links" aria-labelledby="briefing-links">
      <h2 id="briefing-links">{t("visitLinks.heading")}</h2>
      {refusal ? (
        <div role="alert" className="alert">
          {t(refusal.key, refusal.values)}
        </div>
      ) : null}
      <h3>{t("visitLinks.calendarHeading")}</h3>
      <p className="hint">{t("visitLinks.calendarHelp")}</p>
      {shown("calendar")}
      <p>{calendar ? live(calendar, "calendarLive") : t("visitLinks.calendarNone")}</p>
      <LinkActions kind="Calendar" live={!!calendar} member={member} first={t("visitLinks.makeCalendar")} />
      {calendar ? <p className="hint">{t("visitLinks.makeNewHint")}</p> : null}

      {canEdit && member ? (
        <>
          <h3>{t("visitLinks.memberHeading", { name: member.name })}</h3>
          <p className="hint">{t("visitLinks.memberHelp")}</p>
          {shown("briefing")}
          <p>{personal ? live(personal, "memberLive") : t("visitLinks.memberNone")}</p>
          <LinkActions kind="Member" live={!!personal} member={member} first={t("visitLinks.makeMember")} />
        </>
      ) : null}
    </section>
  );
}

/** "Make a link" (a new one once one is live) and, for a live one, "Stop the link". */
function LinkActions({
  kind,
  live,
  member,
  first,
}: {
  kind: "Calendar" | "Member";
  live: boolean;
  member: { id: number } | null;
  /** The button's words when no link is live. */
  first: string;
}) {
  const { t } = useTranslation();
  const values = (intent: string): Record<string, string | number> =>
    member ? { intent, member: member.id } : { intent };
  return (
    <div className="briefing-links__actions">
      <ActionForm id={`make-${kind.toLowerCase()}-link`} values={values(`make${kind}Link`)}>
        <button type="submit" className="button">
          {live ? t("visitLinks.makeNew") : first}
        </button>
      </ActionForm>
      {live ? (
        <ActionForm id={`stop-${kind.toLowerCase()}-link`} values={values(`stop${kind}Link`)}>
          <button type="submit" className="button button--secondary">
            {t("visitLinks.stop")}
          </button>
        </ActionForm>
      ) : null}
    </div>
  );
}
