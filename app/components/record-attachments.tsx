// A record's documents on its staff pages, with the editors' forms: apart from the public list
// (attachments.tsx), so the library's case page does not carry them.
import { Form, Link, useLocation } from "react-router";
import { useTranslation } from "../i18n/translation";
import { documentChoicesLimit, documentSearchParam, type DocumentSubject } from "../lib/record-subject";
import { DocumentLink, type DocumentItem } from "./attachments";
import "../styles/documents.css";

/** What the file picker offers: the kinds the upload takes (the server reads the content anyway). */
const accepted = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt";

/**
 * A record's documents on its staff page: each a download link, and for editors a button to
 * remove it, a form to upload and attach another, and one to attach a document already uploaded
 * (`choices`). The forms post to /documents, which sends the browser back here; they work the
 * same without JavaScript.
 */
export function Attachments({
  subject,
  documents,
  choices,
  choiceSearch = null,
  canEdit,
  returnTo,
  headingLevel = 2,
  label,
}: {
  subject: DocumentSubject;
  documents: DocumentItem[];
  /** The latest documents the record does not carry, for editors; none offered without. */
  choices?: DocumentItem[] | null;
  /** What `choices` were narrowed by (the address's `documents`), if anything. */
  choiceSearch?: string | null;
  canEdit: boolean;
  /** The page to come back to after an upload or removal, when it is not the record's own. */
  returnTo?: string;
  headingLevel?: 2 | 3 | 4 | 5;
  /** What the upload is for, for a screen reader where a page has several (an item's title). */
  label?: string;
}) {
  const { t } = useTranslation();
  const formId = `upload-${subject.kind}-${subject.id}`;
  const Heading = `h${headingLevel}` as const;
  // The record each form acts on, and where to come back to.
  const subjectFields = (
    <>
      <input type="hidden" name="subjectKind" value={subject.kind} />
      <input type="hidden" name="subjectId" value={subject.id} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
    </>
  );
  return (
    <section aria-labelledby={`${formId}-heading`} className="attachments">
      <Heading id={`${formId}-heading`}>
        {t("documents.title")}
        {label ? <span className="visually-hidden">: {label}</span> : null}
      </Heading>
      {documents.length ? (
        <ul className="plain documents">
          {documents.map((d) => (
            <li key={d.id}>
              <DocumentLink document={d} />
              {canEdit ? (
                <Form method="post" action="/documents" className="inline-action">
                  <input type="hidden" name="intent" value="detach" />
                  <input type="hidden" name="documentId" value={d.id} />
                  {subjectFields}
                  <button type="submit" className="button button--quiet">
                    {t("documents.detach")}
                    <span className="visually-hidden">: {d.title ?? d.fileName}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("documents.none")}</p>
      )}
      {canEdit ? (
        <details className="add-form">
          <summary>
            {t("documents.uploadTitle")}
            {label ? <span className="visually-hidden">: {label}</span> : null}
          </summary>
          <Form
            method="post"
            action="/documents"
            encType="multipart/form-data"
            reloadDocument
            className="form"
            id={formId}
          >
            {subjectFields}
            <div className="field">
              <label htmlFor={`${formId}-file`}>{t("documents.file")}</label>
              <p id={`${formId}-file-hint`} className="hint">
                {t("documents.fileHint")}
              </p>
              <input
                id={`${formId}-file`}
                name="file"
                type="file"
                accept={accepted}
                required
                aria-describedby={`${formId}-file-hint`}
              />
            </div>
            <div className="field">
              <label htmlFor={`${formId}-title`}>
                {t("documents.documentTitle")}
                <span className="field__optional"> ({t("form.optional")})</span>
              </label>
              <input id={`${formId}-title`} name="title" type="text" maxLength={200} />
            </div>
            <div>
              <button type="submit" className="button">
                {t("documents.upload")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {canEdit && choices && (choices.length || choiceSearch) ? (
        <details className="add-form" open={!!choiceSearch}>
          <summary>
            {t("documents.existingTitle")}
            {label ? <span className="visually-hidden">: {label}</span> : null}
          </summary>
          <DocumentSearch formId={formId} search={choiceSearch} found={choices.length} />
          {choices.length ? (
            <Form method="post" action="/documents" className="form" id={`${formId}-existing`}>
              <input type="hidden" name="intent" value="attach" />
              {subjectFields}
              <div className="field">
                <label htmlFor={`${formId}-document`}>{t("documents.existingDocument")}</label>
                <p id={`${formId}-document-hint`} className="hint">
                  {choiceSearch
                    ? t("documents.foundHint", { search: choiceSearch, max: documentChoicesLimit })
                    : t("documents.existingHint", { max: documentChoicesLimit })}
                </p>
                <select
                  id={`${formId}-document`}
                  name="documentId"
                  required
                  defaultValue=""
                  aria-describedby={`${formId}-document-hint`}
                >
                  <option value="" disabled>
                    {t("documents.choose")}
                  </option>
                  {choices.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title ? `${d.title} (${d.fileName})` : d.fileName}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <button type="submit" className="button">
                  {t("documents.attach")}
                </button>
              </div>
            </Form>
          ) : null}
        </details>
      ) : null}
    </section>
  );
}

/**
 * Narrows the documents offered to attach to those whose title or file name holds some words: a
 * GET of the record page itself (its other parameters kept), so it works the same without
 * JavaScript, and the address can be shared or kept.
 */
function DocumentSearch({ formId, search, found }: { formId: string; search: string | null; found: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const kept = [...new URLSearchParams(location.search)].filter(([name]) => name !== documentSearchParam);
  const latest = new URLSearchParams(kept);
  return (
    <>
      <Form
        method="get"
        action={location.pathname}
        // The search is part of the documents' section: the page stays where the reader is.
        preventScrollReset
        role="search"
        aria-label={t("documents.searchUploads")}
        className="form document-search"
      >
        {kept.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor={`${formId}-search`}>{t("documents.searchLabel")}</label>
          <input
            id={`${formId}-search`}
            name={documentSearchParam}
            type="search"
            maxLength={100}
            defaultValue={search ?? ""}
          />
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t("documents.search")}
          </button>
        </div>
      </Form>
      {search ? (
        <p role="status">
          {found ? null : `${t("documents.noneFound", { search })} `}
          <Link to={`${location.pathname}${latest.size ? `?${latest}` : ""}`}>{t("documents.showLatest")}</Link>
        </p>
      ) : null}
    </>
  );
}
