import { textOf, type FieldMeta } from "./form-field";

/** A yes-or-no field: ticked, it posts "on" (as the form schemas read it); unticked, nothing. */
export function CheckboxField({ meta, label }: { meta: FieldMeta; label: string }) {
  return (
    <div className="field">
      <label>
        <input type="checkbox" name={meta.name} id={meta.id} defaultChecked={textOf(meta) === "on"} /> {label}
      </label>
    </div>
  );
}
