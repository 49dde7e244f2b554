import { getFormProps } from "@conform-to/react";
import { useTranslation } from "../i18n/translation";
import { Form } from "react-router";
import type { LocalizedText } from "../lib/localized";
import { localized } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";
import { SectionAlert, type SectionState, typedOf } from "./commitment-section";
import { Field, textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

type Side = { code: string; name: LocalizedText };

/** Each side's person to ask about the commitment; editors choose from that side's people. */
export function FocalPointsSection({
  sides,
  focalPoints,
  candidates,
  canEdit,
  result,
  formKey,
}: {
  sides: Side[];
  focalPoints: Record<string, { personId: number; name: string; title: LocalizedText | null }>;
  candidates: { id: number; name: string; countryCode: string | null; acronym: string | null }[];
  canEdit: boolean;
} & SectionState) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="focal-title">
      <h2 id="focal-title">{t("commitments.focalPoints")}</h2>
      <SectionAlert result={result} />
      <ul className="plain side-list">
        {sides.map((side) => {
          const person = focalPoints[side.code];
          // The refused change is shown again beside the side it was for.
          const mine = typedOf(result, "countryCode") === side.code ? result : undefined;
          return (
            <li key={side.code}>
              <strong>{localized(side.name, lang)}:</strong>{" "}
              {person ? (
                <>
                  {person.name}
                  {person.title ? <span className="muted"> ({localized(person.title, lang)})</span> : null}
                </>
              ) : (
                <span className="muted">{t("commitments.noFocalPoint")}</span>
              )}
              {canEdit ? (
                // Once saved, the form starts again from the side's focal point.
                <FocalPointForm
                  key={formKey}
                  side={side}
                  personId={person?.personId}
                  candidates={candidates.filter((p) => p.countryCode === side.code)}
                  result={mine}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function FocalPointForm({
  side,
  personId,
  candidates,
  result,
}: {
  side: Side;
  personId?: number;
  candidates: { id: number; name: string; acronym: string | null }[];
  /** The refused change, when it was for this side. */
  result?: SectionState["result"];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useRecordForm<"personId">({
    id: `focal-${side.code}`,
    result,
    defaultValue: { personId: String(personId ?? "") },
  });
  return (
    <Form method="post" className="form inline-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="focal-point" />
      <input type="hidden" name="countryCode" value={side.code} />
      <input type="hidden" name="previousPersonId" value={personId ?? ""} />
      <Field meta={fields.personId} label={t("commitments.focalPointFor", { side: localized(side.name, lang) })}>
        {(a) => (
          <select {...a} defaultValue={textOf(fields.personId)}>
            <option value="">{t("commitments.noFocalPoint")}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.acronym ? ` (${p.acronym})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" className="button button--secondary">
          {t("commitments.saveFocalPoint", { side: localized(side.name, lang) })}
        </button>
      </div>
    </Form>
  );
}
