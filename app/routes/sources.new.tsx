import { getFormProps } from "@conform-to/react";
import type { z } from "zod";
import { Form, Link } from "react-router";
import type { Route } from "./+types/sources.new";
import { ErrorSummary } from "../components/form-errors";
import { Field, FormActions, textOf } from "../components/form-field";
import { useRecordForm } from "../components/use-record-form";
import { db } from "../db.server";
import { saveForm } from "../forms/save.server";
import { sourceForm, sourceLanguages } from "../forms/sources";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { notFound } from "../lib/http";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { recordKinds, recordPage, type RecordSubject } from "../lib/record-subject";
import { idParam } from "../lib/route-params";
import { subjectTitle } from "../models/record-subject.server";
import { createSource } from "../models/source-writes.server";

/** The record the new source is for, from `?kind=activity&id=5`; anything else is a 404. */
function subjectOf(request: Request): RecordSubject {
  const query = new URL(request.url).searchParams;
  const kind = recordKinds.find((k) => k === query.get("kind"));
  if (!kind) notFound();
  return { kind, id: idParam({ id: query.get("id") ?? "" }) };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request, "editor");
  const subject = subjectOf(request);
  const title = await subjectTitle(db, subject);
  if (!title) notFound();
  return {
    subject,
    record: localized(title, getLanguage(context)),
    title: getI18n(context).t("sources.newTitle"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  return saveForm(await request.formData(), sourceForm, {
    save: (v) =>
      createSource(
        db,
        { userId: user.id },
        {
          publisher: v.publisher,
          title: v.title,
          titleIsDescriptive: v.titleIsDescriptive,
          language: v.language,
          publishedOn: v.publishedOn ?? null,
          url: v.url ?? null,
          quote: v.quote ?? null,
          citeOn: { kind: v.subjectKind, id: v.subjectId },
          note: v.note ?? null,
        },
      ).then((created) => (created ? { subject: { kind: v.subjectKind, id: v.subjectId } } : null)),
    done: ({ subject }) => redirectWithNotice(recordPage(subject), "sources.created"),
    gone: "sources.recordGone",
  });
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

type SourceField = keyof z.input<typeof sourceForm>;

/** A new source, cited on the record the editor came from; that page is where the form leads back. */
export default function NewSource({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { subject, record } = loaderData;
  const [form, fields] = useRecordForm<SourceField>({
    id: "source",
    result: actionData,
    defaultValue: { subjectKind: subject.kind, subjectId: String(subject.id), language: "en" },
    schema: sourceForm,
  });
  const labels: Partial<Record<SourceField, string>> = {
    publisher: t("sources.publisher"),
    title: t("sources.sourceTitle"),
    language: t("sources.language"),
    publishedOn: t("sources.publishedOn"),
    url: t("sources.url"),
    quote: t("sources.quote"),
    note: t("sources.note"),
  };
  const text =
    (name: SourceField, type: "text" | "url" = "text", maxLength = 500) =>
    (a: object) => <input {...a} type={type} maxLength={maxLength} defaultValue={textOf(fields[name])} />;
  const page = recordPage(subject);
  return (
    <div className="page">
      <p>
        <Link to={page}>← {record}</Link>
      </p>
      <h1>{t("sources.newTitle")}</h1>
      <p>{t("sources.newIntro", { record })}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} />
        <input type="hidden" name="subjectKind" value={subject.kind} />
        <input type="hidden" name="subjectId" value={subject.id} />
        <Field meta={fields.publisher} label={labels.publisher!}>
          {text("publisher", "text", 200)}
        </Field>
        <Field meta={fields.title} label={labels.title!} hint={t("sources.sourceTitleHint")}>
          {text("title")}
        </Field>
        <div className="field field--checkbox">
          <input
            id={fields.titleIsDescriptive.id}
            name={fields.titleIsDescriptive.name}
            type="checkbox"
            defaultChecked={textOf(fields.titleIsDescriptive) === "on"}
          />
          <label htmlFor={fields.titleIsDescriptive.id}>{t("sources.titleIsDescriptive")}</label>
        </div>
        <Field meta={fields.language} label={labels.language!}>
          {(a) => (
            <select {...a} defaultValue={textOf(fields.language) || "en"}>
              {sourceLanguages.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field meta={fields.publishedOn} label={labels.publishedOn!} hint={t("sources.publishedOnHint")} optional>
          {text("publishedOn", "text", 10)}
        </Field>
        <Field meta={fields.url} label={labels.url!} hint={t("sources.urlHint")} optional>
          {text("url", "url", 2000)}
        </Field>
        <Field meta={fields.quote} label={labels.quote!} hint={t("sources.quoteHint")} optional>
          {(a) => <textarea {...a} rows={3} maxLength={2000} defaultValue={textOf(fields.quote)} />}
        </Field>
        <Field meta={fields.note} label={labels.note!} hint={t("sources.noteHint")} optional>
          {text("note")}
        </Field>
        <FormActions submitLabel={t("sources.create")} cancelTo={page} />
      </Form>
    </div>
  );
}
