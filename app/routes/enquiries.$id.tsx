import { getFormProps } from "@conform-to/react";
import { Form, Link } from "react-router";
import type { Route } from "./+types/enquiries.$id";
import { ErrorSummary } from "../components/form-errors";
import { EnumField, textOf } from "../components/form-field";
import { RecordConflict, RevisedNotice } from "../components/record-conflict";
import { StatusBadge } from "../components/status-badge";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { enquiryPlanForm, enquiryStatusForm, handledStatuses } from "../forms/enquiry";
import { resultFor, type ActionResult } from "../forms/result";
import { dispatchIntent, saveForm } from "../forms/save.server";
import { isLanguage } from "../i18n/config";
import { getI18n } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { enquiryStatuses } from "../lib/enums";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { describeConflict } from "../models/conflict.server";
import { getEnquiry } from "../models/enquiry-queries.server";
import { createEnquiryActivity, setEnquiryStatus } from "../models/enquiry-writes.server";
import "../styles/enquiries.css";
import { libraryPage } from "../i18n/packs";

/** One request, for editors and admins: who asked (personal data), its status and "Plan an activity". */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const enquiry = await getEnquiry(db, idParam(params));
  if (!enquiry) notFound();
  return { enquiry, title: getI18n(context).t("enquiries.detail.title", { name: enquiry.name }) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const actor = { userId: user.id };
  const form = await request.formData();
  const status = () =>
    saveForm(form, enquiryStatusForm, {
      intent: "status",
      save: (v) => setEnquiryStatus(db, actor, { id, version: v.version, status: v.status }),
      done: () => redirectWithNotice(`/enquiries/${id}`, "enquiries.saved"),
      conflict: (value, current) => {
        const saved = current as { status: string; version: number };
        return describeConflict(db, {
          entityType: "enquiry",
          entityId: id,
          version: value.version,
          yours: { status: value.status },
          theirs: { status: saved.status },
          currentVersion: saved.version,
          fields: ["status"],
          baseValues: (state: { status: string }) => ({ status: state.status }),
        });
      },
    });
  return dispatchIntent(
    form,
    {
      status,
      // Back from the conflict view: the status form again, with the version now seen.
      revise: status,
      plan: () =>
        saveForm(form, enquiryPlanForm, {
          intent: "plan",
          save: (v) => createEnquiryActivity(db, actor, { id, version: v.version }),
          done: (planned) => redirectWithNotice(`/activities/${planned.activity.id}/edit`, "enquiries.planned"),
          stale: "enquiries.detail.conflict",
        }),
    },
    "",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function EnquiryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const e = loaderData.enquiry;
  const statusResult = resultFor(actionData, "status");
  const planResult = resultFor(actionData, "plan");
  const caseTitle = e.caseTitle ? localized(e.caseTitle, lang) : null;

  return (
    <article className="page page--narrow">
      <p>
        <Link to="/enquiries">← {t("enquiries.detail.back")}</Link>
      </p>
      <h1>{t("enquiries.detail.title", { name: e.name })}</h1>
      <dl className="facts">
        <dt>{t("enquiries.detail.status")}</dt>
        <dd>
          <StatusBadge group="enquiryStatus" value={e.status} />
        </dd>
        <dt>{t("enquiries.detail.received")}</dt>
        <dd>{format.dateTime(e.createdAt)}</dd>
        <dt>{t("enquiries.detail.case")}</dt>
        <dd>
          {caseTitle === null ? (
            t("enquiries.detail.noCase")
          ) : e.publicSlug ? (
            <Link to={`/library/${e.publicSlug}`}>{caseTitle}</Link>
          ) : (
            <>
              {caseTitle} <span className="muted">({t("enquiries.detail.unpublished")})</span>
            </>
          )}
        </dd>
        <dt>{t("enquiries.detail.organization")}</dt>
        <dd>{e.organization}</dd>
        <dt>{t("enquiries.detail.country")}</dt>
        <dd>{e.country}</dd>
        <dt>{t("enquiries.detail.email")}</dt>
        <dd>
          <a href={`mailto:${e.email}`}>{e.email}</a>
        </dd>
        <dt>{t("enquiries.detail.language")}</dt>
        <dd>{isLanguage(e.language) ? t(`language.${e.language}`) : e.language}</dd>
        {e.handledBy ? (
          <>
            <dt>{t("enquiries.detail.handledBy")}</dt>
            <dd>{e.handledBy}</dd>
          </>
        ) : null}
        {e.activityId ? (
          <>
            <dt>{t("enquiries.detail.activity")}</dt>
            <dd>
              <Link to={`/activities/${e.activityId}`}>{localized(e.activityTitle, lang)}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="message-title">
        <h2 id="message-title">{t("enquiries.detail.message")}</h2>
        <p className="enquiry-message">{e.message}</p>
      </section>

      {statusResult?.conflict ? (
        <RecordConflict
          conflict={statusResult.conflict}
          rows={[
            {
              key: "status",
              label: t("enquiries.detail.status"),
              show: (v) =>
                typeof v.status === "string" ? [t(`enquiryStatus.${v.status}`, { defaultValue: v.status })] : [],
            },
          ]}
          submitted={statusResult.reply.initialValue ?? {}}
          discardTo={`/enquiries/${e.id}`}
          title={t("enquiries.detail.conflictTitle")}
        />
      ) : (
        <StatusForm
          key={`${e.version}-${statusResult?.revised ? "revised" : ""}`}
          status={e.status}
          version={e.version}
          planned={Boolean(e.activityId)}
          result={statusResult}
        />
      )}

      {!e.activityId && e.caseId ? (
        <section aria-labelledby="plan-title" className="card">
          <h2 id="plan-title">{t("enquiries.detail.plan")}</h2>
          <ErrorSummary formId="plan" errors={planResult?.reply.error ?? {}} />
          <p id="plan-hint">{t("enquiries.detail.planHint")}</p>
          <Form method="post" id="plan">
            <input type="hidden" name="intent" value="plan" />
            <input type="hidden" name="version" value={e.version} />
            <button type="submit" className="button" aria-describedby="plan-hint">
              {t("enquiries.detail.planButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

/** The status form: from the version shown, or after the conflict view, the one seen there. */
function StatusForm({
  status,
  version,
  planned,
  result,
}: {
  status: string;
  version: number;
  planned: boolean;
  result?: ActionResult;
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<"status" | "version">({
    id: "status",
    result,
    defaultValue: { status, version: String(version) },
  });
  return (
    <section aria-labelledby="status-title" className="card">
      <h2 id="status-title">{t("enquiries.detail.changeStatus")}</h2>
      {result?.revised ? <RevisedNotice /> : null}
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      <Form method="post" className="form inline-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={textOf(fields.version) || version} />
        <EnumField
          meta={fields.status}
          label={t("enquiries.detail.newStatus")}
          choices={planned ? enquiryStatuses : handledStatuses}
          group="enquiryStatus"
          value={textOf(fields.status) || status}
        />
        <div>
          <button type="submit" className="button">
            {t("enquiries.detail.changeButton")}
          </button>
        </div>
      </Form>
    </section>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
