import { Link } from "react-router";
import type { Route } from "./+types/visits.$id.briefing";
import { BriefingHistory } from "../components/briefing-history";
import { BriefingPeople } from "../components/briefing-people";
import { ActionForm } from "../components/form-action";
import { ItineraryDays } from "../components/itinerary-days";
import { db } from "../db.server";
import { env } from "../env.server";
import { briefingIssueForm } from "../forms/briefing";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { RichText } from "../lexical/rich-text";
import { hasRole, requireUser } from "../lib/auth.server";
import { createFormatter } from "../lib/format";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { memberParam } from "../lib/member-param";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { visitDateRange } from "../lib/visit-dates";
import { issueBriefing } from "../models/briefing-issue.server";
import { loadBriefing } from "../models/briefing.server";
import "../styles/briefing.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const canEdit = hasRole(user, "editor");
  const briefing = await loadBriefing(db, id, { userId: user.id, canEdit }, memberParam(request));
  if (!briefing) notFound();
  const title = getI18n(context).t("briefing.heading", {
    title: localized(briefing.visit.title, getLanguage(context)),
  });
  return { briefing, canEdit, title };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const form = await request.formData();
  const origin = env.APP_URL ?? new URL(request.url).origin;
  return dispatchIntent(
    form,
    {
      issue: () =>
        saveForm(form, briefingIssueForm, {
          intent: "issue",
          save: (v) => issueBriefing(db, { userId: user.id }, id, v, { origin }),
          done: () => redirectWithNotice(`/visits/${id}/briefing`, "briefing.issued"),
          stale: "briefing.issueStale",
        }),
    },
    "issue",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function BriefingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { briefing, canEdit } = loaderData;
  const { visit, member } = briefing;
  const place = createFormatter(lang, visit.timeZone);
  const dates = visitDateRange(visit, place.day, (start, end) => t("activities.range", { start, end }));
  const refusal = actionData?.reply.error?.[""]?.[0];
  const base = `/visits/${visit.id}`;
  const objectives = localized(visit.objectives, lang);
  return (
    <article className="page briefing">
      <nav className="briefing-tools" aria-label={t("briefing.tools")}>
        <p>
          <Link to={base}>← {t("briefing.back")}</Link>
        </p>
        <ul className="briefing-tools__links">
          <li>
            <a href={`${base}/briefing.pdf${member ? `?member=${member.id}` : ""}`} download>
              {t("briefing.downloadPdf")}
            </a>
          </li>
          <li>
            <a href={member ? `${base}/members/${member.id}/calendar.ics` : `${base}/calendar.ics`}>
              {t("briefing.calendar")}
            </a>
          </li>
        </ul>
        {briefing.delegation.length ? (
          <details className="briefing-tools__versions" open={!!member}>
            <summary>{t("briefing.versions")}</summary>
            <ul>
              <li>
                <Link to={`${base}/briefing`} aria-current={member ? undefined : "page"}>
                  {t("briefing.wholeDelegation")}
                </Link>
              </li>
              {briefing.delegation.map((m) => (
                <li key={m.id}>
                  <Link to={`${base}/briefing?member=${m.id}`} aria-current={member?.id === m.id ? "page" : undefined}>
                    {t("briefing.forMember", { name: m.name })}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </nav>

      <header className="briefing__header">
        <h1>{loaderData.title}</h1>
        {member ? <p className="briefing__for">{t("briefing.forMember", { name: member.name })}</p> : null}
        <p className="muted">
          {visit.briefingIssuedAt
            ? t("briefing.issuedOn", { when: format.dateTime(visit.briefingIssuedAt) })
            : t("briefing.notIssued")}
        </p>
      </header>

      {canEdit && !member ? (
        <section className="briefing__issue" aria-labelledby="briefing-issue">
          <h2 id="briefing-issue" className="visually-hidden">
            {t("briefing.issue")}
          </h2>
          {refusal ? (
            <div role="alert" className="alert">
              {t(refusal.key, refusal.values)}
            </div>
          ) : null}
          <p className="hint">{t("briefing.issueHelp")}</p>
          <ActionForm
            id="issue"
            result={actionData}
            values={{
              intent: "issue",
              version: visit.version,
              itineraryVersion: visit.itineraryVersion,
              delegationVersion: visit.delegationVersion,
            }}
          >
            <button type="submit" className="button">
              {t(visit.briefingIssuedAt ? "briefing.issueAgain" : "briefing.issue")}
            </button>
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="briefing-facts">
        <h2 id="briefing-facts">{t("briefing.facts")}</h2>
        <dl className="facts">
          <dt>{t("briefing.dates")}</dt>
          <dd>{dates}</dd>
          <dt>{t("briefing.direction")}</dt>
          <dd>{t(`briefing.directions.${visit.direction}`)}</dd>
          {visit.cities.length ? (
            <>
              <dt>{t("briefing.cities")}</dt>
              <dd>{visit.cities.join(", ")}</dd>
            </>
          ) : null}
          {visit.hostName ? (
            <>
              <dt>{t("briefing.host")}</dt>
              <dd>{localized(visit.hostName, lang)}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t("briefing.objectives")}</h3>
        <p className="briefing__objectives">{objectives || t("briefing.nothingWritten")}</p>
      </section>

      <BriefingPeople briefing={briefing} />
      <section aria-labelledby="briefing-programme" className="briefing-programme">
        <h2 id="briefing-programme">{t(member ? "briefing.yourProgramme" : "briefing.programme")}</h2>
        {briefing.itinerary?.items.length ? (
          <ItineraryDays itinerary={briefing.itinerary} headingLevel={3} />
        ) : (
          <p className="muted">{t("briefing.noItems")}</p>
        )}
      </section>

      <section aria-labelledby="briefing-talking-points">
        <h2 id="briefing-talking-points">{t("briefing.talkingPoints")}</h2>
        {visit.talkingPointsHtml ? (
          <RichText html={visit.talkingPointsHtml} />
        ) : (
          <p className="muted">{t("briefing.nothingWritten")}</p>
        )}
      </section>
      <section aria-labelledby="briefing-background">
        <h2 id="briefing-background">{t("briefing.background")}</h2>
        {visit.backgroundHtml ? (
          <RichText html={visit.backgroundHtml} />
        ) : (
          <p className="muted">{t("briefing.nothingWritten")}</p>
        )}
      </section>

      <BriefingHistory briefing={briefing} />
    </article>
  );
}

// The visit's strings (and the people's, for names and titles) are a chunk of their own.
export const handle = visitsPage;
