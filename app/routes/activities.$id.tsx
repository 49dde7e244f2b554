import { useTranslation } from "../i18n/translation";
import { RecordText } from "../components/shown-text";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/activities.$id";
import { AgreementStatusBadge } from "../components/agreement-status";
import { AuditHistory } from "../components/audit-history";
import { FollowButton } from "../components/follow-button";
import { RecordReferences } from "../components/record-references";
import { StatusBadge } from "../components/status-badge";
import { db } from "../db.server";
import { documentSearchOf } from "../lib/record-subject";
import { getLanguage } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";
// Only the renderer: a page that reads never loads the editor.
import { RichText } from "../lexical/rich-text";
import { hasRole, requireUser } from "../lib/auth.server";
import { localized, placeName } from "../lib/localized";
import { notFound } from "../lib/http";
import { redirectWithNotice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { sourcedRange } from "../lib/sourced-date";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { activityHistory } from "../models/activity-history.server";
import { getActivity } from "../models/activity-queries.server";
import { deleteActivity } from "../models/activity-writes.server";
import { activityCaseList } from "../models/case-activities.server";
import { ConflictError } from "../models/errors.server";
import { isFollowing } from "../models/follows.server";
import { referencesOf } from "../models/record-references.server";
import { visitExists } from "../models/visit-queries.server";
import { ExampleBadge } from "../components/example-badge";
import { activityPage } from "../i18n/packs";
import "../styles/activity.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const timeZone = viewerTimeZone(request, user);
  const [activity, history, following, references, cases] = await Promise.all([
    getActivity(db, id, calendarToday(timeZone)),
    activityHistory(db, id),
    isFollowing(db, user.id, { subjectType: "activity", subjectId: id }),
    referencesOf(db, { kind: "activity", id }, hasRole(user, "editor"), documentSearchOf(request)),
    activityCaseList(db, id),
  ]);
  if (!activity) notFound();
  return {
    activity,
    history,
    following,
    references,
    cases,
    // A visit's delegation, itinerary, briefing and report are on the visit's own page.
    hasVisit: activity.type === "visit" && (await visitExists(db, id)),
    canEdit: hasRole(user, "editor"),
    timeZone,
    title: localized(activity.title, getLanguage(context)),
  };
}

/** Why a delete was refused, said above the activity. */
type DeleteRefused = { error: TranslationKey };

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const form = await request.formData();
  const version = Number(form.get("version"));
  if (form.get("intent") !== "delete" || !Number.isInteger(version) || version <= 0) {
    return data<DeleteRefused>({ error: "validation.invalid" }, { status: 400 });
  }
  try {
    if (!(await deleteActivity(db, { userId: user.id }, { id, version }))) {
      notFound();
    }
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return data<DeleteRefused>({ error: "activities.deleteConflict" }, { status: 409 });
  }
  return redirectWithNotice("/activities", "activities.deleted");
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = activityPage;

export default function ActivityPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { activity: a, history, canEdit, timeZone } = loaderData;
  const description = localized(a.description, lang);
  const outputs = localized(a.outputs, lang);
  const place = placeName(a.city, a.countryName, lang);

  const when = sourcedRange(format, t, a);

  return (
    <article className="page activity-page">
      <p>
        <Link to="/activities">← {t("activities.back")}</Link>
      </p>
      {actionData?.error ? (
        <div role="alert" className="alert">
          {t(actionData.error)}
        </div>
      ) : null}
      <div className="activity-page__header">
        <h1>
          <RecordText text={a.title} />
        </h1>
        <ExampleBadge example={a.example} />
        {canEdit ? (
          <Link to={`/activities/${a.id}/edit`} className="button">
            {t("activities.edit")}
          </Link>
        ) : null}
      </div>
      <FollowButton subjectType="activity" subjectId={a.id} following={loaderData.following} />
      {loaderData.hasVisit ? (
        <p>
          <Link to={`/visits/${a.id}`}>{t("activities.openVisit")}</Link>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("activities.type")}</dt>
        <dd>{t(`activityType.${a.type}`)}</dd>
        <dt>{t("activities.status")}</dt>
        <dd>
          <StatusBadge group="activityStatus" value={a.status} />
        </dd>
        <dt>{t("activities.when")}</dt>
        <dd>
          <time dateTime={new Date(a.startsAt).toISOString()}>{when}</time>
          <span className="muted"> ({a.allDay ? t("activities.allDay") : timeZone})</span>
        </dd>
        <dt>{t("activities.mode")}</dt>
        <dd>{t(`activityMode.${a.mode}`)}</dd>
        {place ? (
          <>
            <dt>{t("activities.place")}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {a.agreementId ? (
          <>
            <dt>{t("activities.agreement")}</dt>
            <dd>
              <Link to={`/agreements/${a.agreementId}`}>{localized(a.agreementTitle, lang)}</Link>{" "}
              <AgreementStatusBadge state={a.agreementState} />
            </dd>
          </>
        ) : null}
        <dt>{t("activities.organizers")}</dt>
        <dd>
          {a.organizers.length ? (
            <ul className="plain">
              {a.organizers.map((o) => (
                <li key={o.id}>
                  {localized(o.name, lang)}
                  {o.acronym ? ` (${o.acronym})` : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t("activities.noneGiven")}</span>
          )}
        </dd>
        <dt>{t("activities.participants")}</dt>
        <dd>
          {a.participants.length ? (
            <ul className="plain">
              {a.participants.map((p) => {
                const detail = [localized(p.role ?? p.title, lang), p.acronym ?? localized(p.organization, lang)]
                  .filter(Boolean)
                  .join(", ");
                return (
                  <li key={p.id}>
                    <Link to={`/people/${p.id}`}>{p.name}</Link>
                    {detail ? <span className="muted"> ({detail})</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <span className="muted">{t("activities.noneGiven")}</span>
          )}
        </dd>
      </dl>

      {description ? (
        <p className="lead">
          <RecordText text={a.description} />
        </p>
      ) : null}

      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t("activities.commitments")}</h2>
        {a.commitments.length ? (
          <ul>
            {a.commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/commitments/${c.id}`}>{localized(c.text, lang)}</Link>{" "}
                <StatusBadge group="commitmentStatus" value={c.status} />
                <span className="meta">{localized(c.agreementTitle, lang)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("activities.noneGiven")}</p>
        )}
      </section>

      <section aria-labelledby="outputs-title">
        <h2 id="outputs-title">{t("activities.outputs")}</h2>
        {outputs ? (
          <p className="activity-page__text">{outputs}</p>
        ) : (
          <p className="muted">{t("activities.noneGiven")}</p>
        )}
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">{t("activities.lessons")}</h2>
        {a.lessonsHtml ? <RichText html={a.lessonsHtml} /> : <p className="muted">{t("activities.noneGiven")}</p>}
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t("activities.casesTitle")}</h2>
        {loaderData.cases.length ? (
          <ul>
            {loaderData.cases.map((c) => (
              <li key={c.id}>
                {c.publicSlug ? (
                  <Link to={`/library/${c.publicSlug}`}>{localized(c.title, lang)}</Link>
                ) : (
                  <>
                    {localized(c.title, lang)} <StatusBadge group="caseStatus" value={c.status} />
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("activities.noCases")}</p>
        )}
      </section>

      <RecordReferences references={loaderData.references} />

      <AuditHistory entries={history} fieldLabel={(f) => t(`activities.fields.${f}`, { defaultValue: f })} />
      <p className="meta">{t("activities.lastChanged", { version: a.version, when: format.dateTime(a.updatedAt) })}</p>

      {canEdit ? (
        <details className="activity-page__delete">
          <summary>{t("activities.deleteTitle")}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="version" value={a.version} />
            <p>{t("activities.deleteConfirm")}</p>
            <button type="submit" className="button activity-page__delete-button">
              {t("activities.deleteButton")}
            </button>
          </Form>
        </details>
      ) : null}
    </article>
  );
}
