import { useTranslation } from "../i18n/translation";
import type { FieldErrors } from "../forms/submission";

/**
 * The summary above a refused form, one for every form: an alert naming the problem (the form's
 * own message, or "correct the fields marked below") and, where the form is long, a list of the
 * wrong fields in page order, each a link to its input. The details stay beside each field.
 */
export function ErrorSummary({
  formId,
  errors,
  id = `${formId}-errors`,
  labels,
  order = labels ? Object.keys(labels) : [],
  anchors = {},
}: {
  /** The form's id: its fields' ids are `<formId>-<name>`, as Conform makes them. */
  formId: string;
  /** Every message of the form by field ("" for the form's own), as Conform's `allErrors` holds them. */
  errors: Record<string, FieldErrors | null | undefined>;
  id?: string;
  /** The label of each field that the list names; without labels, no list. */
  labels?: Record<string, string>;
  /** The order of the fields on the page (default: the labels' order). */
  order?: readonly string[];
  /** Where a field's link leads when not to its input, e.g. a checkbox group's fieldset. */
  anchors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const own = errors[""]?.[0];
  const problems = labels ? order.filter((f) => errors[f]?.length && labels[f]) : [];
  const any = own || Object.entries(errors).some(([, list]) => list?.length);
  if (!any) return null;
  return (
    <div role="alert" className="alert" id={id}>
      <p>{own ? t(own.key, own.values) : t("validation.formErrors")}</p>
      {problems.length ? (
        <ul>
          {problems.map((f) => {
            const message = errors[f]![0]!;
            return (
              <li key={f}>
                <a href={`#${anchors[f] ?? `${formId}-${f}`}`}>{labels![f]}</a>: {t(message.key, message.values)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
