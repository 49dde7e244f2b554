import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { commitmentStatuses } from "../lib/enums";
import { SectionAlert, type SectionState } from "./commitment-section";
import { EnumField, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

/** Moves a commitment to another status, from the version the editor sees. */
export function StatusForm({ status, version, result, formKey }: { status: string; version: number } & SectionState) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-title" className="card">
      <h2 id="status-title">{t("commitments.changeStatus")}</h2>
      <SectionAlert result={result} />
      {/* A saved change starts the form afresh from the new status and version. */}
      <StatusFields key={formKey} status={status} version={version} result={result} />
    </section>
  );
}

function StatusFields({
  status,
  version,
  result,
}: {
  status: string;
  version: number;
  result?: SectionState["result"];
}) {
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<"status">({ id: "status", result, defaultValue: { status } });
  return (
    <Form method="post" className="form inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="status" />
      {/* The version shown now: after a refused stale change, the one the alert describes. */}
      <input type="hidden" name="version" value={version} />
      <EnumField
        meta={fields.status}
        label={t("commitments.newStatus")}
        hint={t("commitments.form.statusHint")}
        choices={commitmentStatuses}
        group="commitmentStatus"
        value={textOf(fields.status) || status}
      />
      <div>
        <button type="submit" className="button">
          {t("commitments.changeStatusButton")}
        </button>
      </div>
    </Form>
  );
}
