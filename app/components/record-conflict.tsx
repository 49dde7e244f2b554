import { useTranslation } from "../i18n/translation";
import { Form, Link } from "react-router";
import type { ReactNode } from "react";
import type { ActionResult, ConflictView, FormValues } from "../forms/result";
import { cellsOf } from "../forms/row-cells";
import { useFormatter } from "../lib/use-formatter";
import "../styles/record-conflict.css";
import { TableScroll } from "./table-scroll";

/** One row of the comparison: a field (or fields shown together) and how its value reads. */
export interface ConflictRow {
  key: string;
  label: string;
  show: (v: FormValues) => string[];
  /** What makes two versions differ, where it is not what `show` gives (e.g. a list in any order). */
  compare?: (v: FormValues) => string;
  /** The form's fields the row shows, where not just `key`: someone else changing one marks the row. */
  fields?: readonly string[];
}

/**
 * Someone saved the record between loading the form and submitting it: both versions side by
 * side, and a choice between taking one's changes back to the form (the `revise` intent, with the
 * version saved now) or opening the current version. Used for every record with a version.
 */
export function RecordConflict({
  conflict,
  rows,
  submitted,
  discardTo,
  title,
}: {
  conflict: ConflictView;
  rows: ConflictRow[];
  /** The fields as typed (the reply's values), to put back into the form. */
  submitted: Record<string, unknown>;
  /** The record's edit page: opening it afresh shows the current version. */
  discardTo: string;
  /** The heading, where the record's kind says it better than "this record". */
  title?: string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { savedBy } = conflict;
  const changedByOthers = new Set(conflict.changed);
  const who = savedBy
    ? (savedBy.name ?? t(`history.${savedBy.label ?? "unknown"}`, { defaultValue: savedBy.label ?? "" }))
    : null;

  // Everything typed goes back through the form (the lessons' plain text too, for the textarea
  // shown until or unless the editor loads), except the intent and the version, set here.
  const carried = Object.entries(submitted).filter(([name]) => name !== "intent" && name !== "version");

  return (
    <section className="record-conflict" aria-labelledby="conflict-title">
      <div role="alert" className="alert">
        <h2 id="conflict-title">{title ?? t("form.conflict.title")}</h2>
        <p>{t("form.conflict.intro")}</p>
        {who && savedBy ? <p>{t("form.conflict.savedBy", { name: who, when: format.dateTime(savedBy.at) })}</p> : null}
      </div>
      <TableScroll labelledBy="conflict-title">
        <table className="table record-conflict__table" aria-labelledby="conflict-title">
          <thead>
            <tr>
              <th scope="col">{t("form.conflict.field")}</th>
              <th scope="col">{t("form.conflict.yours")}</th>
              <th scope="col">{t("form.conflict.theirs")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("form.conflict.differs")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = row.compare ?? ((v: FormValues) => row.show(v).join("\n"));
              const differs = key(conflict.yours) !== key(conflict.theirs);
              const theirChange = (row.fields ?? [row.key]).some((f) => changedByOthers.has(f));
              return (
                <tr
                  key={row.key}
                  className={differs ? "record-conflict__differs" : undefined}
                  data-field={row.key}
                  data-changed-by-others={theirChange || undefined}
                >
                  <th scope="row">{row.label}</th>
                  <td>
                    <Shown lines={row.show(conflict.yours)} />
                  </td>
                  <td>
                    <Shown lines={row.show(conflict.theirs)} />
                  </td>
                  <td>
                    {differs ? (
                      <strong className="badge record-conflict__badge">{t("form.conflict.differs")}</strong>
                    ) : (
                      <span className="muted">{t("form.conflict.same")}</span>
                    )}
                    {theirChange ? (
                      <strong className="badge record-conflict__theirs">{t("form.conflict.changedByOthers")}</strong>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="record-conflict__choices">
        <Form method="post" className="record-conflict__choice">
          <input type="hidden" name="intent" value="revise" />
          <input type="hidden" name="version" value={conflict.version} />
          {carried.flatMap(([name, value]) =>
            // A reply gives an empty cell of a row as null: it keeps its place, or the cells after
            // it would move into the wrong row.
            (Array.isArray(value) ? cellsOf(value) : [value])
              .filter((v): v is string => typeof v === "string")
              .map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
          )}
          <button type="submit" className="button" aria-describedby="keep-mine-hint">
            {t("form.conflict.keepMine")}
          </button>
          <p id="keep-mine-hint" className="hint">
            {t("form.conflict.keepMineHint")}
          </p>
        </Form>
        <p className="record-conflict__choice">
          <Link to={discardTo} className="button button--secondary">
            {t("form.conflict.discard")}
          </Link>
        </p>
      </div>
    </section>
  );
}

/** The notice above the form once the editor took their changes back from the conflict view. */
export function RevisedNotice() {
  const { t } = useTranslation();
  return (
    <p role="status" className="notice">
      {t("form.conflict.revised")}
    </p>
  );
}

/** A row's value: muted "(empty)", one line, or a list. */
function Shown({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  if (!lines.length) return <span className="muted">{t("form.conflict.empty")}</span>;
  if (lines.length === 1) return <span className="record-conflict__text">{lines[0]}</span>;
  return (
    <ul className="plain">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** Rows of one field each, named by `label` and shown by `display` ("" for nothing). */
export function fieldRows(
  fields: readonly string[],
  label: (field: string) => string,
  display: (field: string, value: string | string[] | undefined) => string,
): ConflictRow[] {
  return fields.map((key) => ({
    key,
    label: label(key),
    show: (v) => {
      const shown = display(key, v[key]);
      return shown ? [shown] : [];
    },
  }));
}

/**
 * An edit page's body, the same for every record with a version: the conflict view when the save
 * met a newer version, else the form, given the notice to show above it once the editor took their
 * changes back from that view.
 */
export function ConflictOrForm({
  result,
  rows,
  discardTo,
  title,
  form,
}: {
  result?: ActionResult;
  rows: ConflictRow[] | ((conflict: ConflictView) => ConflictRow[]);
  discardTo: string;
  title?: string;
  form: (notice: ReactNode) => ReactNode;
}) {
  if (!result?.conflict) return form(result?.revised ? <RevisedNotice /> : undefined);
  return (
    <RecordConflict
      conflict={result.conflict}
      rows={typeof rows === "function" ? rows(result.conflict) : rows}
      submitted={result.reply.initialValue ?? {}}
      discardTo={discardTo}
      title={title}
    />
  );
}
