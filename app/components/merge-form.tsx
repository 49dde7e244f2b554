import { getFormProps } from "@conform-to/react";
import { Form, Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { ActionResult } from "../forms/result";
import { ErrorSummary } from "./form-errors";
import { Field, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

/**
 * The page that merges a duplicate into the record on screen (a person, an organisation): pick the
 * duplicate, confirm. The words are the caller's; the form, its errors and its conflict handling
 * are the same for every kind.
 */
export function MergeForm({
  back,
  title,
  intro,
  version,
  candidates,
  actionData,
  words,
}: {
  back: { to: string; label: string };
  title: string;
  intro: string;
  version: string;
  candidates: { id: number; label: string }[];
  actionData: ActionResult | undefined;
  words: { duplicate: string; choose: string; submit: string };
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<"duplicateId" | "version">({
    id: "merge",
    result: actionData,
    defaultValue: { version },
  });
  return (
    <div className="page">
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1>{title}</h1>
      <p>{intro}</p>
      <ErrorSummary formId={form.id} errors={form.allErrors} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        <Field meta={fields.duplicateId} label={words.duplicate}>
          {(a) => (
            <select {...a} required defaultValue={textOf(fields.duplicateId)}>
              <option value="">{words.choose}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button">
            {words.submit}
          </button>
          <Link to={back.to} className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
