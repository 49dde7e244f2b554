import { useTranslation } from "../i18n/translation";
import type { FormValues } from "../lib/forms";
import { useFormatter } from "../lib/use-formatter";
import type { ConflictInfo } from "../models/conflict.server";

/**
 * Shown with a 409: what is saved now, field by field beside what the editor typed, and who
 * changed it. The form below keeps the editor's values; saving again replaces the saved ones.
 */
export function ConflictDetails({
  conflict,
  yours,
  label,
  display,
}: {
  conflict: ConflictInfo;
  yours: FormValues;
  label: (field: string) => string;
  display: (field: string, value: string | string[] | undefined) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const last = conflict.changes.at(-1);
  return (
    <section className="card conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("agreements.conflictTitle")}</h2>
      {last ? (
        <p>
          {last.by
            ? t("agreements.conflictBy", { name: last.by, when: format.dateTime(last.at) })
            : t("agreements.conflictAt", { when: format.dateTime(last.at) })}
        </p>
      ) : null}
      {conflict.changed.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("agreements.conflictField")}</th>
              <th scope="col">{t("agreements.conflictSaved")}</th>
              <th scope="col">{t("agreements.conflictYours")}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changed.map((f) => (
              <tr key={f}>
                <th scope="row">{label(f)}</th>
                <td>{display(f, conflict.current[f]) || <span className="muted">{t("agreements.empty")}</span>}</td>
                <td>{display(f, yours[f]) || <span className="muted">{t("agreements.empty")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("agreements.conflictNoFields")}</p>
      )}
      <p className="hint">{t("agreements.conflictHint")}</p>
    </section>
  );
}
