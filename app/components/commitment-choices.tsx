import { localized } from "../lib/localized";
import type { FieldMessage } from "../lib/forms";
import { useLanguage } from "../lib/use-formatter";
import type { ActivityFormOptions } from "../models/activity-queries.server";
import { FieldError } from "./field-error";

/**
 * The commitments a record serves, as checkboxes grouped under their agreements (an activity's, a
 * visit's). Works without JavaScript: each ticked box posts `commitmentIds`.
 */
export function CommitmentChoices({
  options,
  chosen,
  error,
  errorId,
  words,
}: {
  options: Pick<ActivityFormOptions, "agreements" | "commitments">;
  chosen: Set<string>;
  error: FieldMessage | undefined;
  errorId: string;
  words: { legend: string; hint: string; none: string };
}) {
  const lang = useLanguage();
  const groups = options.agreements
    .map((a) => ({ agreement: a, items: options.commitments.filter((c) => c.agreementId === a.id) }))
    .filter((g) => g.items.length);
  return (
    <fieldset
      id="commitments-group"
      className="activity-form__group"
      aria-describedby={["commitments-hint", error ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend>{words.legend}</legend>
      <p id="commitments-hint" className="hint">
        {words.hint}
      </p>
      <FieldError id={errorId} error={error} />
      {groups.length ? null : <p className="muted">{words.none}</p>}
      {groups.map(({ agreement, items }) => (
        <fieldset key={agreement.id} className="activity-form__subgroup">
          <legend>{localized(agreement.title, lang)}</legend>
          <ul className="plain activity-form__choices">
            {items.map((c) => (
              <li key={c.id}>
                <input
                  type="checkbox"
                  id={`commitment-${c.id}`}
                  name="commitmentIds"
                  value={c.id}
                  defaultChecked={chosen.has(String(c.id))}
                />{" "}
                <label htmlFor={`commitment-${c.id}`}>{localized(c.text, lang)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
