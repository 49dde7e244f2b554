import { useTranslation } from "../i18n/translation";
import { numberFormat } from "../lib/date-format";
import { useLanguage } from "../lib/use-formatter";
import "../styles/documents.css";

/** What a page shows of a document (app/models/attachments.server.ts reads it). */
export interface DocumentItem {
  id: number;
  fileName: string;
  title: string | null;
  mediaType: string;
  byteSize: number;
}

/** The address a document is downloaded from: its id decides, the name is what the reader sees. */
export const documentHref = (d: Pick<DocumentItem, "id" | "fileName">) =>
  `/documents/${d.id}/${encodeURIComponent(d.fileName)}`;

function useSize() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const number = numberFormat(lang, { maximumFractionDigits: 1 });
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t("documents.megabytes", { size: number.format(bytes / (1024 * 1024)) })
      : t("documents.kilobytes", { size: number.format(Math.max(0.1, bytes / 1024)) });
}

/** A document's link: its title (or file name), with the file's extension and size. */
export function DocumentLink({ document: d }: { document: DocumentItem }) {
  const size = useSize();
  const extension = d.fileName.split(".").pop()?.toUpperCase() ?? "";
  return (
    <>
      <a href={documentHref(d)} download={d.fileName}>
        {d.title ?? d.fileName}
      </a>{" "}
      <span className="muted">({[d.title ? d.fileName : extension, size(d.byteSize)].join(", ")})</span>
    </>
  );
}

/** The documents of a published case, as the library shows them; nothing when there are none. */
export function PublicDocuments({ documents }: { documents: DocumentItem[] }) {
  const { t } = useTranslation();
  if (!documents.length) return null;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t("documents.title")}</h2>
      <ul className="plain documents">
        {documents.map((d) => (
          <li key={d.id}>
            <DocumentLink document={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}
