import { Link } from "react-router";
import { RecordText } from "../components/shown-text";
import { readerText } from "../lib/reader-text";
import type { Route } from "./+types/visits.$id";
import { DelegationList } from "../components/delegation-list";
import { ItineraryDays } from "../components/itinerary-days";
import { VisitFollowUps } from "../components/visit-follow-ups";
import { Badge, StatusBadge } from "../components/status-badge";
import { VisitHistory } from "../components/visit-history";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
// Only the renderer: a page that reads never loads the editor.
import { RichText } from "../lexical/rich-text";
import { hasRole, requireUser } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { sourcedRange } from "../lib/sourced-date";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { viewerTimeZone } from "../lib/time-zone.server";
import { calendarToday } from "../lib/zoned-time";
import { openFollowUps } from "../models/briefing-history.server";
import { visitFollowUps } from "../models/follow-up-queries.server";
import { itineraryOf } from "../models/itinerary-queries.server";
import { getActivity } from "../models/activity-queries.server";
import { visitHistory } from "../models/visit-history.server";
import { visitDetails } from "../models/visit-queries.server";
import { membersOf } from "../models/visit-members-queries.server";
import "../styles/activity.css";
import "../styles/visits.css";
import { ExampleBadge } from "../components/example-badge";

export const handle = visitsPage;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const [activity, details] = await Promise.all([getActivity(db, id), visitDetails(db, id)]);
  if (!activity || !details || activity.type !== "visit") notFound();
  // The members' needs are for the visit's editors only.
  const today = calendarToday(viewerTimeZone(request, user));
  const [history, members, itinerary, followUps] = await Promise.all([
    visitHistory(db, activity),
    membersOf(db, id, { withNeeds: hasRole(user, "editor") }),
    itineraryOf(db, id),
    visitFollowUps(db, id, today),
  ]);
  // The history's slot for what earlier visits left open.
  const earlierFollowUps = await openFollowUps(
    db,
    history.earlierVisits.map((v) => v.id),
  );
  const { visit } = details;
  return {
    activity,
    visit: {
      direction: visit.direction,
      stage: visit.stage,
      cities: visit.cities,
      timeZone: visit.timeZone,
      objectives: visit.objectives,
      talkingPointsHtml: visit.talkingPointsHtml,
      backgroundHtml: visit.backgroundHtml,
      outcomesHtml: visit.outcomesHtml,
      reportWrittenAt: visit.reportWrittenAt?.toISOString() ?? null,
      hostName: details.hostName,
      hostAcronym: details.hostAcronym,
    },
    history,
    members,
    itinerary,
    followUps,
    earlierFollowUps,
    canEdit: hasRole(user, "editor"),
    title: localized(activity.title, getLanguage(context)),
    heading: readerText(activity.title, getLanguage(context)),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function VisitPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { activity: a, visit: v, history, canEdit } = loaderData;
  const when = sourcedRange(format, t, a, "visits.range");
  const objectives = localized(v.objectives, lang);
  const sections = [
    ["delegation", t("visits.page.delegation")],
    ["itinerary", t("visits.page.itinerary")],
    ["briefing", t("visits.page.briefing")],
    ["follow-ups", t("visits.page.followUps")],
    ["report", t("visits.page.report")],
  ] as const;

  return (
    <article className="page activity-page visit-page">
      <p>
        <Link to="/visits">← {t("visits.back")}</Link>
      </p>
      <div className="activity-page__header">
        <h1>
          <RecordText text={loaderData.heading} />
        </h1>
        <ExampleBadge example={a.example} />
        {canEdit ? (
          <Link to={`/visits/${a.id}/edit`} className="button">
            {t("visits.edit")}
          </Link>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t("visits.page.direction")}</dt>
        <dd>{t(`visits.directions.${v.direction}`)}</dd>
        <dt>{t("visits.page.stage")}</dt>
        <dd>
          <Badge value={v.stage} label={t(`visits.stages.${v.stage}`)} />
        </dd>
        <dt>{t("visits.page.when")}</dt>
        <dd>
          <time dateTime={new Date(a.startsAt).toISOString()}>{when}</time>
        </dd>
        <dt>{t("visits.page.cities")}</dt>
        <dd>{v.cities.length ? v.cities.join(" → ") : <span className="muted">{t("visits.noneGiven")}</span>}</dd>
        {a.countryName ? (
          <>
            <dt>{t("visits.page.country")}</dt>
            <dd>{localized(a.countryName, lang)}</dd>
          </>
        ) : null}
        <dt>{t("visits.page.timeZone")}</dt>
        <dd>{v.timeZone}</dd>
        <dt>{t("visits.page.host")}</dt>
        <dd>
          {v.hostName ? (
            `${localized(v.hostName, lang)}${v.hostAcronym ? ` (${v.hostAcronym})` : ""}`
          ) : (
            <span className="muted">{t("visits.noneGiven")}</span>
          )}
        </dd>
        {a.agreementId ? (
          <>
            <dt>{t("visits.page.agreement")}</dt>
            <dd>
              <Link to={`/agreements/${a.agreementId}`}>{localized(a.agreementTitle, lang)}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/activities/${a.id}`}>{t("visits.asActivity")}</Link>
      </p>

      <nav aria-labelledby="preparation-title" className="visit-page__sections">
        <h2 id="preparation-title">{t("visits.page.preparation")}</h2>
        <ul className="plain visit-page__links">
          {sections.map(([path, label]) => (
            <li key={path}>
              <Link to={`/visits/${a.id}/${path}`}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t("visits.page.objectives")}</h2>
        {objectives ? (
          <p className="visit-page__text">{objectives}</p>
        ) : (
          <p className="muted">{t("visits.noneGiven")}</p>
        )}
      </section>

      <section aria-labelledby="delegation-title">
        <h2 id="delegation-title">{t("delegation.title")}</h2>
        <DelegationList members={loaderData.members} timeZone={v.timeZone} />
        {canEdit ? (
          <p>
            <Link to={`/visits/${a.id}/delegation`}>{t("delegation.edit")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t("visits.page.commitments")}</h2>
        {a.commitments.length ? (
          <ul className="plain">
            {a.commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/commitments/${c.id}`}>{localized(c.text, lang)}</Link>{" "}
                <StatusBadge group="commitmentStatus" value={c.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("visits.page.noCommitments")}</p>
        )}
      </section>

      {v.talkingPointsHtml ? (
        <section aria-labelledby="talking-points-title">
          <h2 id="talking-points-title">{t("visits.page.talkingPoints")}</h2>
          <RichText html={v.talkingPointsHtml} />
        </section>
      ) : null}
      {v.backgroundHtml ? (
        <section aria-labelledby="background-title">
          <h2 id="background-title">{t("visits.page.background")}</h2>
          <RichText html={v.backgroundHtml} />
        </section>
      ) : null}

      <section aria-labelledby="report-title">
        <h2 id="report-title">{t("visits.page.report")}</h2>
        <p>
          {v.reportWrittenAt
            ? t("visits.page.reportWritten", { date: format.dateTime(v.reportWrittenAt) })
            : t("visits.page.reportNotWritten")}
        </p>
        {v.outcomesHtml ? (
          <>
            <h3>{t("visits.page.outcomes")}</h3>
            <RichText html={v.outcomesHtml} />
          </>
        ) : null}
        {a.lessonsHtml ? (
          <>
            <h3>{t("visits.page.lessons")}</h3>
            <RichText html={a.lessonsHtml} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="itinerary-title">
        <h2 id="itinerary-title">{t("visits.page.itinerary")}</h2>
        {loaderData.itinerary ? <ItineraryDays itinerary={loaderData.itinerary} headingLevel={3} /> : null}
        <p>
          <Link to={`/visits/${a.id}/itinerary`}>{t("visits.page.itinerary")}</Link>
        </p>
      </section>

      <VisitFollowUps visitId={a.id} items={loaderData.followUps} canEdit={canEdit} />

      <VisitHistory
        history={history}
        followUps={
          loaderData.earlierFollowUps.length ? (
            <>
              <h3>{t("visits.history.openFollowUps")}</h3>
              <ul className="plain">
                {loaderData.earlierFollowUps.map((f) => (
                  <li key={f.id}>
                    {localized(f.title, lang)}{" "}
                    <span className="muted">
                      {t("visits.history.followUpOf", {
                        visit: localized(f.visitTitle, lang),
                        owner: f.ownerName,
                        date: format.day(f.dueOn),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null
        }
      />
    </article>
  );
}
