import { useTranslation } from "../i18n/translation";
import { useFormatter } from "../lib/use-formatter";

export interface SourceInfo {
  publisher: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
}

/** A citation: publisher, title and date, linked when the source is online. */
export function SourceLink({ source }: { source: SourceInfo }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const label = [source.publisher, source.publishedOn ? format.day(source.publishedOn) : null]
    .filter(Boolean)
    .join(", ");
  const text = `${label}: “${source.title}”`;
  return (
    <cite className="source">
      {t("landing.source", { source: "" })}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </cite>
  );
}
