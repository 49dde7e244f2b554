import { Form, Link } from "react-router";
import { useTranslation } from "../i18n/translation";
import type { RecordSubject } from "../lib/record-subject";
import type { SourceInfo } from "../lib/source-info";
import { SourceLink } from "./source-link";
import "../styles/documents.css";

/** A source a record cites, with the citation's note. */
export interface CitedSourceItem extends SourceInfo {
  id: number;
  note: string | null;
}

/** A source the cite form offers. */
export interface SourceChoiceItem {
  id: number;
  publisher: string;
  title: string;
  publishedOn: string | null;
}

/** The address of the new-source form for a record. */
export const newSourceHref = (subject: RecordSubject) =>
  `/sources/new?${new URLSearchParams({ kind: subject.kind, id: String(subject.id) })}`;

/**
 * A record's sources on its staff page (case, activity, agreement): each a citation a reader can
 * check, with its note; editors stop citing one, cite one from the list, or add a new one on its
 * own page. Readers see nothing when the record cites none. Works without JavaScript.
 */
export function RecordSources({
  subject,
  sources,
  choices,
  canEdit,
}: {
  subject: RecordSubject;
  sources: CitedSourceItem[];
  /** Every source, for editors; null for readers. */
  choices: SourceChoiceItem[] | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  if (!sources.length && !canEdit) return null;
  const cited = new Set(sources.map((s) => s.id));
  const offered = (choices ?? []).filter((c) => !cited.has(c.id));
  const formId = `cite-${subject.kind}-${subject.id}`;
  const hidden = (
    <>
      <input type="hidden" name="subjectKind" value={subject.kind} />
      <input type="hidden" name="subjectId" value={subject.id} />
    </>
  );
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t("sources.title")}</h2>
      {sources.length ? (
        <ul className="sources record-sources">
          {sources.map((s) => (
            <li key={s.id}>
              <SourceLink source={s} />
              {s.note ? <span className="muted"> ({s.note})</span> : null}
              {canEdit ? (
                <Form method="post" action="/citations" className="inline-action">
                  <input type="hidden" name="intent" value="remove" />
                  {hidden}
                  <input type="hidden" name="sourceId" value={s.id} />
                  <button type="submit" className="button button--quiet">
                    {t("sources.remove")}
                    <span className="visually-hidden">: {s.title}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("sources.none")}</p>
      )}
      {canEdit ? (
        <details className="add-form">
          <summary>{t("sources.citeTitle")}</summary>
          {offered.length ? (
            <Form method="post" action="/citations" className="form" id={formId}>
              <input type="hidden" name="intent" value="cite" />
              {hidden}
              <div className="field">
                <label htmlFor={`${formId}-source`}>{t("sources.source")}</label>
                <select id={`${formId}-source`} name="sourceId" required defaultValue="">
                  <option value="" disabled>
                    {t("sources.choose")}
                  </option>
                  {offered.map((c) => (
                    <option key={c.id} value={c.id}>
                      {[c.publisher, c.publishedOn].filter(Boolean).join(", ")}: {c.title.slice(0, 120)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${formId}-note`}>
                  {t("sources.note")}
                  <span className="field__optional"> ({t("form.optional")})</span>
                </label>
                <p id={`${formId}-note-hint`} className="hint">
                  {t("sources.noteHint")}
                </p>
                <input
                  id={`${formId}-note`}
                  name="note"
                  type="text"
                  maxLength={500}
                  aria-describedby={`${formId}-note-hint`}
                />
              </div>
              <div>
                <button type="submit" className="button">
                  {t("sources.cite")}
                </button>
              </div>
            </Form>
          ) : null}
          <p>
            <Link to={newSourceHref(subject)}>{t("sources.addNew")}</Link>
          </p>
        </details>
      ) : null}
    </section>
  );
}
