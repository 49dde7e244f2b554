import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import { commitmentStatuses } from "../lib/enums";
import { messageOf, SectionAlert, type SectionState, typedOf } from "./commitment-section";
import { EnumField } from "./form-field";

/** Moves a commitment to another status, from the version the editor sees. */
export function StatusForm({ status, version, result, formKey }: { status: string; version: number } & SectionState) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-title" className="card">
      <h2 id="status-title">{t("commitments.changeStatus")}</h2>
      <SectionAlert result={result} />
      <Form method="post" className="form inline-form" key={`status-${formKey}`}>
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name="version" value={version} />
        <EnumField
          id="status-status"
          name="status"
          label={t("commitments.newStatus")}
          hint={t("commitments.form.statusHint")}
          error={messageOf(result, "status")}
          choices={commitmentStatuses}
          group="commitmentStatus"
          value={typedOf(result, "status") || status}
        />
        <div>
          <button type="submit" className="button">
            {t("commitments.changeStatusButton")}
          </button>
        </div>
      </Form>
    </section>
  );
}
