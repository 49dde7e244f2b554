import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { enquiryFieldOrder, enquiryMessageMax, honeypotField, type EnquiryField } from "../forms/enquiry-fields";
import type { ActionResult } from "../forms/result";
import { useTranslation } from "../i18n/translation";
import { ErrorSummary } from "./form-errors";
import { Field, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

/**
 * "Request a knowledge-sharing session about this innovation": the form a visitor without an
 * account sends from a case page. A plain HTML form (visitor pages carry no script), posted to
 * `action`, which answers with the thanks or with this form again, as typed, and its messages.
 * Checked on the server alone: zod stays out of the page. Its styles come with the pages that show
 * it (styles/enquiries.css), so the module has no effects of its own and a browser build that
 * never renders it leaves it out (app/routes/library.$slug.tsx).
 */
export function EnquiryForm({ action, result }: { action: string; result?: ActionResult }) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<EnquiryField>({ id: "enquiry", result });
  const labels = {
    name: t("enquiries.form.name"),
    organization: t("enquiries.form.organization"),
    country: t("enquiries.form.country"),
    email: t("enquiries.form.email"),
    message: t("enquiries.form.message"),
  };
  return (
    <section className="enquiry" aria-labelledby="enquiry-title">
      <h2 id="enquiry-title">{t("enquiries.form.title")}</h2>
      <p>{t("enquiries.form.intro")}</p>
      <ErrorSummary formId={form.id} errors={form.allErrors} labels={labels} order={enquiryFieldOrder} />
      <Form method="post" action={action} className="form enquiry-form" {...getFormProps(form)}>
        <Field meta={fields.name} label={labels.name}>
          {(a) => (
            <input {...a} type="text" autoComplete="name" required maxLength={120} defaultValue={textOf(fields.name)} />
          )}
        </Field>
        <Field meta={fields.organization} label={labels.organization}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="organization"
              required
              maxLength={200}
              defaultValue={textOf(fields.organization)}
            />
          )}
        </Field>
        <Field meta={fields.country} label={labels.country}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="country-name"
              required
              maxLength={100}
              defaultValue={textOf(fields.country)}
            />
          )}
        </Field>
        <Field meta={fields.email} label={labels.email}>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={textOf(fields.email)}
            />
          )}
        </Field>
        <Field
          meta={fields.message}
          label={labels.message}
          hint={t("enquiries.form.messageHint", { max: enquiryMessageMax })}
        >
          {(a) => (
            <textarea
              {...a}
              rows={6}
              required
              minLength={10}
              maxLength={enquiryMessageMax}
              defaultValue={textOf(fields.message)}
            />
          )}
        </Field>
        {/* The honeypot: hidden from eyes and from assistive technology, out of the tab order. */}
        <div className="enquiry-form__trap" aria-hidden="true">
          <label htmlFor="enquiry-trap">{t("enquiries.form.trap")}</label>
          <input id="enquiry-trap" name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p className="hint">{t("enquiries.form.privacy")}</p>
        <button type="submit" className="button">
          {t("enquiries.form.submit")}
        </button>
      </Form>
    </section>
  );
}
