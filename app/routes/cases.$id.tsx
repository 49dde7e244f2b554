import { data, Form, Link } from "react-router";
import type { Route } from "./+types/cases.$id";
import { AuditHistory } from "../components/audit-history";
import { Badge, StatusBadge } from "../components/status-badge";
import { RecordReferences } from "../components/record-references";
import { SharedActivities } from "../components/shared-activities";
import { FallbackMark } from "../components/shown-text";
import { db } from "../db.server";
import { documentSearchOf } from "../lib/record-subject";
import { getLanguage } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";
import { useTranslation } from "../i18n/translation";
import { RichText } from "../lexical/rich-text";
import { hasRole, requireUser } from "../lib/auth.server";
import { shownRich } from "../lib/case-text";
import { redirectWithNotice, type Notice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized, type LocalizedRichText, type LocalizedText } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { sharedActivities } from "../models/case-activities.server";
import { caseHistory } from "../models/case-history.server";
import { resultSources } from "../models/case-public.server";
import { archiveCase } from "../models/case-publish.server";
import { isRevision } from "../lib/case-list";
import { getStaffCase } from "../models/case-queries.server";
import { mayPublish, publishCaseAs, restoreCaseAsDraft, submitCaseForReview } from "../models/case-review.server";
import { ConflictError, RecordError } from "../models/errors.server";
import { referencesOf } from "../models/record-references.server";
import "../styles/activity.css";
import { casesPage } from "../i18n/packs";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const [found, history, references, shared] = await Promise.all([
    getStaffCase(db, id),
    caseHistory(db, id),
    referencesOf(db, { kind: "case", id }, hasRole(user, "editor"), documentSearchOf(request)),
    sharedActivities(db, id, { staff: true }),
  ]);
  if (!found) notFound();
  return {
    ...found,
    resultSources: await resultSources(db, found.case),
    history,
    references,
    shared,
    canEdit: hasRole(user, "editor"),
    canPublish: hasRole(user, "editor") && mayPublish(user, found.case.editedBy),
    title: localized(found.case.title, getLanguage(context)),
  };
}

/** Why a review step was refused, said above the case. */
type Refused = { error: TranslationKey };

export async function action({ context, request, params }: Route.ActionArgs) {
  // Defined here: a route module's top level reaches the browser's bundle.
  const steps: Record<string, { run: typeof submitCaseForReview; notice: Notice }> = {
    submit: { run: submitCaseForReview, notice: "caseEditor.submitted" },
    archive: { run: archiveCase, notice: "caseEditor.archived" },
    restore: { run: restoreCaseAsDraft, notice: "caseEditor.restored" },
  };
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const version = Number(form.get("version"));
  if (!Number.isInteger(version) || version <= 0 || !(intent === "publish" || Object.hasOwn(steps, intent))) {
    return data<Refused>({ error: "validation.invalid" }, { status: 400 });
  }
  try {
    if (intent === "publish") {
      await publishCaseAs(db, user, id, version);
      return redirectWithNotice(`/cases/${id}`, "caseEditor.published");
    }
    const step = steps[intent]!;
    await step.run(db, { userId: user.id }, id, version);
    return redirectWithNotice(`/cases/${id}`, step.notice);
  } catch (error) {
    if (error instanceof ConflictError) return data<Refused>({ error: "caseEditor.review.conflict" }, { status: 409 });
    if (!(error instanceof RecordError)) throw error;
    if (error.status === 404) notFound();
    const message = Object.values(error.errors)[0];
    return data<Refused>({ error: message?.key ?? "validation.invalid" }, { status: error.status });
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

function ReviewButton({
  intent,
  version,
  label,
  secondary,
}: {
  intent: string;
  version: number;
  label: string;
  secondary?: boolean;
}) {
  return (
    <Form method="post" className="case-review__form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}

export default function CasePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const { case: c, publication, canEdit, canPublish, history } = loaderData;
  const text = (v: LocalizedText | null) => localized(v, lang);
  const revision = isRevision(c.status, publication?.caseVersion);
  const years =
    c.startedYear && c.stoppedYear
      ? t("caseEditor.view.stopped", { from: c.startedYear, to: c.stoppedYear })
      : c.startedYear
        ? t("caseEditor.view.running", { year: c.startedYear })
        : c.stoppedYear
          ? t("caseEditor.view.stoppedOnly", { year: c.stoppedYear })
          : "";
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const prose = (label: string, value: LocalizedText | null) =>
    value ? (
      <section>
        <h2>{label}</h2>
        <p>{text(value)}</p>
      </section>
    ) : null;

  return (
    <article className="page activity-page case-page">
      <p>
        <Link to="/cases">← {t("caseEditor.back")}</Link>
      </p>
      {actionData?.error ? (
        <div role="alert" className="alert">
          {t(actionData.error)}
        </div>
      ) : null}
      <div className="activity-page__header">
        <h1>{text(c.title)}</h1>
        {canEdit ? (
          <Link to={`/cases/${c.id}/edit`} className="button">
            {t("caseEditor.view.edit")}
          </Link>
        ) : null}
        <Link to={`/cases/${c.id}/links`}>{t("replication.links.manage")}</Link>
      </div>
      <p>{text(c.summary)}</p>
      <p role="note" className="notice">
        {!publication
          ? t("caseEditor.view.notPublic")
          : revision
            ? t("caseEditor.view.publicOlder", { date: format.dateTime(publication.publishedAt) })
            : t("caseEditor.view.publicCurrent", { date: format.dateTime(publication.publishedAt) })}{" "}
        {publication ? <Link to={`/library/${c.slug}`}>{t("caseEditor.view.publicAddress")}</Link> : null}
      </p>
      <dl className="facts">
        <dt>{t("caseEditor.view.status")}</dt>
        <dd>
          <StatusBadge group="caseStatus" value={c.status} />{" "}
          {revision ? <Badge value="revision" label={t("caseEditor.revisionPending")} /> : null}
        </dd>
        {fact(
          t("caseEditor.fields.sector"),
          t(`caseSector.${c.sector}` as "caseSector.health", { defaultValue: c.sector }),
        )}
        {fact(t("caseEditor.fields.countryCode"), text(loaderData.countryName))}
        {fact(t("caseEditor.fields.place"), text(c.place))}
        {c.latitude != null && c.longitude != null
          ? fact(t("caseEditor.view.coordinates"), `${c.latitude}, ${c.longitude}`)
          : null}
        {fact(t("caseEditor.fields.organizationId"), text(loaderData.organizationName))}
        {fact(
          t("caseEditor.fields.adminLevel"),
          c.adminLevel ? t(`adminLevel.${c.adminLevel}` as "adminLevel.national", { defaultValue: c.adminLevel }) : "",
        )}
        {fact(t("caseEditor.view.years"), years)}
        {fact(t("caseEditor.fields.sdgGoals"), c.sdgGoals.map((g) => t("caseEditor.sdgGoal", { goal: g })).join(", "))}
        {fact(t("caseEditor.fields.sdgTargets"), c.sdgTargets.join(", "))}
        {fact(t("caseEditor.fields.contactOrganizationId"), text(loaderData.contactName))}
        {fact(
          t("caseEditor.view.lastEditedBy"),
          c.editedBy ? (loaderData.editorName ?? t("caseEditor.view.unknownEditor")) : "",
        )}
      </dl>

      {canEdit ? (
        <section aria-labelledby="review-title" className="case-review">
          <h2 id="review-title">{t("caseEditor.review.title")}</h2>
          <p className="hint">{t("caseEditor.review.intro")}</p>
          <div className="activity-form__actions">
            {c.status === "draft" ? (
              <ReviewButton intent="submit" version={c.version} label={t("caseEditor.review.submit")} />
            ) : null}
            {c.status === "draft" || c.status === "in_review" ? (
              canPublish ? (
                <ReviewButton
                  intent="publish"
                  version={c.version}
                  label={t(revision ? "caseEditor.review.publishRevision" : "caseEditor.review.publish")}
                />
              ) : (
                <p className="muted">{t("caseEditor.review.ownChange")}</p>
              )
            ) : null}
            {c.status !== "archived" ? (
              <ReviewButton intent="archive" version={c.version} label={t("caseEditor.review.archive")} secondary />
            ) : null}
            {c.status === "archived" ? (
              <ReviewButton intent="restore" version={c.version} label={t("caseEditor.review.restore")} />
            ) : null}
          </div>
        </section>
      ) : null}

      {prose(t("caseEditor.fields.problem"), c.problem)}
      {prose(t("caseEditor.fields.solution"), c.solution)}
      {prose(t("caseEditor.fields.innovation"), c.innovation)}

      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("caseEditor.sections.results")}</h2>
        {c.results.length ? (
          <ul>
            {c.results.map((r, i) => (
              <li key={i}>
                {text(r.label)}: <strong>{r.value}</strong> {text(r.unit ?? null)}
                {r.date ? ` (${r.date})` : null}
                {r.sourceSlug ? (
                  <span className="muted">
                    {" "}
                    {t("caseEditor.view.source", {
                      source: loaderData.resultSources[r.sourceSlug]?.publisher ?? r.sourceSlug,
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("caseEditor.view.noResults")}</p>
        )}
      </section>

      <section aria-labelledby="awards-title">
        <h2 id="awards-title">{t("caseEditor.sections.awards")}</h2>
        {c.awards.length ? (
          <ul>
            {c.awards.map((a, i) => (
              <li key={i}>
                {text(a.title)}, {a.year}
                {a.category ? ` (${text(a.category)})` : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("caseEditor.view.noAwards")}</p>
        )}
      </section>

      <RichSection id="lessons-title" title={t("caseEditor.sections.lessons")} value={c.lessonsRich} />
      <RichSection id="narrative-title" title={t("caseEditor.sections.narrative")} value={c.narrative} />

      <SharedActivities activities={loaderData.shared} />
      <RecordReferences references={loaderData.references} />

      <AuditHistory
        entries={history}
        fieldLabel={(f) => t(`caseEditor.fields.${f}` as "caseEditor.fields.title", { defaultValue: f })}
      />
    </article>
  );
}

/** A rich text in the reader's language, or another, marked as such. */
function RichSection({ id, title, value }: { id: string; title: string; value: LocalizedRichText }) {
  const { t } = useTranslation();
  const shown = shownRich(value, useLanguage());
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {shown ? <FallbackMark shown={shown} /> : null}
      </h2>
      {shown ? (
        <div lang={shown.fallback ? shown.lang : undefined}>
          <RichText html={shown.value} />
        </div>
      ) : (
        <p className="muted">{t("caseEditor.view.notWritten")}</p>
      )}
    </section>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = casesPage;
