import { getFormProps } from "@conform-to/react";
import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/visits.$id.report";
import { Attachments } from "../components/record-attachments";
import { ErrorSummary } from "../components/form-errors";
import { textOf } from "../components/form-field";
import { RecordConflict, RevisedNotice, type ConflictRow } from "../components/record-conflict";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { documentSearchOf } from "../lib/record-subject";
import { visitReportSchema } from "../forms/visit";
import { richValues, visitReport } from "../forms/visit.server";
import { resultFor } from "../forms/result";
import { dispatchIntent, refuse, saveForm } from "../forms/save.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { visitsPage } from "../i18n/packs";
import { useTranslation } from "../i18n/translation";
import { RichTextField } from "../lexical/rich-text-field";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { valueOf } from "../lib/forms";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { useFormatter } from "../lib/use-formatter";
import { referencesOf } from "../models/record-references.server";
import { describeConflict } from "../models/conflict.server";
import { ConflictError } from "../models/errors.server";
import { markReportWritten, saveVisitReport } from "../models/visit-report.server";
import { getVisitForEdit } from "../models/visit-queries.server";
import type { VisitSnapshot } from "../models/visit-writes.server";
import "../styles/activity.css";

export const handle = visitsPage;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const id = idParam(params);
  const [visit, references] = await Promise.all([
    getVisitForEdit(db, id),
    referencesOf(db, { kind: "activity", id }, true, documentSearchOf(request)),
  ]);
  if (!visit) notFound();
  const name = localized(visit.title, getLanguage(context));
  return {
    id,
    name,
    documents: references.documents,
    documentChoices: references.documentChoices,
    documentSearch: references.documentSearch,
    reportWrittenAt: visit.reportWrittenAt?.toISOString() ?? null,
    version: visit.version,
    values: {
      ...richValues("outcomes", visit.outcomes),
      ...richValues("lessons", visit.activity.lessons),
      version: String(visit.version),
      activityVersion: String(visit.activityVersion),
    },
    title: getI18n(context).t("visits.reportTitle", { title: name }),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const actor = { userId: user.id };
  const id = idParam(params);
  const form = await request.formData();
  let input: Awaited<ReturnType<typeof visitReport>> | undefined;
  return dispatchIntent(form, {
    save: () =>
      saveForm(form, visitReportSchema, {
        save: async (value) => {
          const versions = { version: value.version ?? 0, activityVersion: value.activityVersion ?? 0 };
          const stored = await getVisitForEdit(db, id);
          const current = stored && stored.version === versions.version ? stored : null;
          input = await visitReport(
            value,
            current && { outcomes: current.outcomes, lessons: current.activity.lessons },
          );
          return saveVisitReport(db, actor, id, versions, input);
        },
        done: () => redirectWithNotice(`/visits/${id}`, "visits.reportSaved"),
        gone: "visits.notFoundAnyMore",
        conflict: (value, current) => {
          const saved = current as VisitSnapshot;
          return describeConflict(db, {
            entityType: "visit",
            entityId: id,
            version: value.version ?? 0,
            yours: { outcomesText: input?.outcomes?.text ?? "", lessonsText: input?.lessons?.text ?? "" },
            theirs: {
              outcomesText: saved.outcomes?.text ?? "",
              lessonsText: saved.activity.lessons?.text ?? "",
              activityVersion: String(saved.activityVersion),
            },
            currentVersion: saved.version,
            fields: ["outcomesText", "lessonsText"],
          });
        },
      }),
    written: async () => {
      const version = Number(form.get("version"));
      try {
        const saved = await markReportWritten(db, actor, id, Number.isInteger(version) ? version : 0);
        if (!saved) notFound();
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return refuse("written", { key: "visits.conflictTitle" }, 409);
      }
      return redirectWithNotice(`/visits/${id}/report`, "visits.reportMarked");
    },
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function VisitReport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const navigation = useNavigation();
  const { id, name } = loaderData;
  const saveResult = resultFor(actionData, "save");
  const writtenResult = resultFor(actionData, "written");
  const [form, fields] = useRecordForm<string>({ id: "report", result: saveResult, defaultValue: loaderData.values });
  const rows: ConflictRow[] = [
    {
      key: "outcomesText",
      label: t("visits.report.outcomes"),
      show: (v) => [valueOf(v, "outcomesText")].filter(Boolean),
    },
    { key: "lessonsText", label: t("visits.report.lessons"), show: (v) => [valueOf(v, "lessonsText")].filter(Boolean) },
  ];
  const rich = (name: "outcomes" | "lessons") => {
    const lexical = textOf(fields[`${name}Format`]!) === "lexical";
    return (
      <RichTextField
        name={name}
        label={t(`visits.report.${name}`)}
        hint={t(`visits.report.${name}Hint`)}
        initialJson={lexical ? textOf(fields[name]!) : null}
        initialText={lexical ? textOf(fields[`${name}Text`]!) : textOf(fields[name]!)}
        shown={textOf(fields[`${name}Shown`]!) || undefined}
        plainTextHint={t("visits.form.plainTextHint")}
        error={fields[name]!.errors?.[0]}
      />
    );
  };
  const conflict = saveResult?.conflict;
  const writtenError = writtenResult?.reply.error?.[""]?.[0];
  return (
    <div className="page">
      <p>
        <Link to={`/visits/${id}`}>← {t("visits.backToVisit")}</Link>
      </p>
      <h1>{t("visits.reportTitle", { title: name })}</h1>
      <p className="hint">{t("visits.report.intro")}</p>
      {conflict ? (
        <RecordConflict
          conflict={conflict}
          rows={rows}
          submitted={{ ...saveResult.reply.initialValue, activityVersion: conflict.theirs.activityVersion }}
          discardTo={`/visits/${id}/report`}
          title={t("visits.conflictTitle")}
        />
      ) : (
        <>
          <ErrorSummary formId={form.id} errors={form.allErrors} />
          {saveResult?.revised ? <RevisedNotice /> : null}
          <Form method="post" className="form activity-form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={textOf(fields.version!)} />
            <input type="hidden" name="activityVersion" value={textOf(fields.activityVersion!)} />
            {rich("outcomes")}
            {rich("lessons")}
            <div className="activity-form__actions">
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("visits.report.save")}
              </button>
            </div>
          </Form>
        </>
      )}

      <Attachments
        subject={{ kind: "activity", id }}
        documents={loaderData.documents}
        choices={loaderData.documentChoices}
        choiceSearch={loaderData.documentSearch}
        canEdit
        returnTo={`/visits/${id}/report`}
      />

      <section aria-labelledby="written-title">
        <h2 id="written-title">{t("visits.page.report")}</h2>
        {loaderData.reportWrittenAt ? (
          <p>{t("visits.report.written", { date: format.dateTime(loaderData.reportWrittenAt) })}</p>
        ) : (
          <Form method="post">
            {writtenError ? (
              <p role="alert" className="alert">
                {t(writtenError.key, writtenError.values)}
              </p>
            ) : null}
            <input type="hidden" name="intent" value="written" />
            <input type="hidden" name="version" value={loaderData.version} />
            <p id="written-hint" className="hint">
              {t("visits.report.markWrittenHint")}
            </p>
            <button type="submit" className="button" aria-describedby="written-hint">
              {t("visits.report.markWritten")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
