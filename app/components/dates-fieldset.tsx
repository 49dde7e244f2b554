import type { ReactNode } from "react";
import { Field, textOf, type FieldMeta } from "./form-field";

/** One input of the fieldset: its Conform field and label. */
type Part = { meta: FieldMeta; label: string };

/**
 * When a record happens: its first day and, optionally, its last, each with its time where the
 * record has times (an activity's), typed as the hint says. What else qualifies the dates (how
 * precise they are) comes in as children, after the dates.
 */
export function DatesFieldset({
  legend,
  hint,
  startsOn,
  endsOn,
  startTime,
  endTime,
  children,
}: {
  legend: string;
  hint?: string;
  startsOn: Part;
  endsOn: Part & { hint?: string };
  startTime?: Part;
  endTime?: Part;
  children?: ReactNode;
}) {
  const start = (
    <Field meta={startsOn.meta} label={startsOn.label}>
      {(a) => <input {...a} type="date" required defaultValue={textOf(startsOn.meta)} />}
    </Field>
  );
  const end = (
    <Field meta={endsOn.meta} label={endsOn.label} hint={endsOn.hint}>
      {(a) => <input {...a} type="date" defaultValue={textOf(endsOn.meta)} />}
    </Field>
  );
  // The end-before-start message sits under the end date; it concerns the end time too.
  const endErrors = [endTime, endsOn].flatMap((p) => (p?.meta.errors?.[0] ? [p.meta.errorId] : []));
  return (
    <fieldset className="activity-form__group" aria-describedby={hint ? "when-hint" : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id="when-hint" className="hint">
          {hint}
        </p>
      ) : null}
      {startTime && endTime ? (
        <>
          <div className="activity-form__row">
            {start}
            <Field meta={startTime.meta} label={startTime.label}>
              {(a) => <input {...a} type="time" defaultValue={textOf(startTime.meta)} />}
            </Field>
          </div>
          <div className="activity-form__row">
            {end}
            <Field meta={endTime.meta} label={endTime.label}>
              {(a) => (
                <input
                  {...a}
                  type="time"
                  defaultValue={textOf(endTime.meta)}
                  aria-describedby={endErrors.join(" ") || undefined}
                />
              )}
            </Field>
          </div>
        </>
      ) : (
        <div className="activity-form__row">
          {start}
          {end}
        </div>
      )}
      {children}
    </fieldset>
  );
}
