import { useTranslation } from "../i18n/translation";
import type { SourceInfo } from "../lib/source-info";
import { useFormatter } from "../lib/use-formatter";

/**
 * A citation a reader can check: publisher, date, the headline in quotation marks (or our own
 * description of the source, in brackets and labelled as such), linked when the source is online,
 * and a short quotation from it in its own language.
 */
export function SourceLink({ source }: { source: SourceInfo }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const lang = source.language ?? undefined;
  const date = source.publishedOn
    ? source.publishedOn.length === 4
      ? source.publishedOn
      : format.day(source.publishedOn)
    : null;
  const label = [source.publisher, date].filter(Boolean).join(", ");
  // Descriptive titles are written in English (content/sources.yaml), whatever the source's language.
  const title = source.titleIsDescriptive ? (
    <span className="source__title source__title--descriptive">
      [{t("citation.descriptiveTitle")}: <span lang="en">{source.title}</span>]
    </span>
  ) : (
    <cite className="source__title" lang={lang}>
      “{source.title}”
    </cite>
  );
  return (
    <span className="source">
      {t("citation.source")} {label}:{" "}
      {source.url ? (
        <a href={source.url} hrefLang={lang} rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        title
      )}
      {source.quote ? (
        <>
          {" "}
          <q className="source__quote" lang={lang}>
            {source.quote}
          </q>
        </>
      ) : null}
    </span>
  );
}
