import { useTranslation } from "../i18n/translation";
import type { SourceInfo } from "../lib/source-info";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { Language } from "../i18n/config";
import { dateFormat } from "../lib/date-format";

/** A month of a source's date (YYYY-MM), in the reader's language: no day is made up. */
const monthOf = (value: string, lang: Language) =>
  dateFormat(lang, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${value}-01T00:00:00Z`));

/**
 * A citation a reader can check: publisher, date, the headline in quotation marks (or our own
 * description of the source, in brackets and labelled as such), linked when the source is online,
 * and a short quotation from it in its own language.
 */
export function SourceLink({ source }: { source: SourceInfo }) {
  const { t } = useTranslation();
  const format = useFormatter();
  const reader = useLanguage();
  const lang = source.language ?? undefined;
  // YYYY, YYYY-MM or YYYY-MM-DD: as much of the date as is known, and no more.
  const date = source.publishedOn
    ? source.publishedOn.length === 4
      ? source.publishedOn
      : source.publishedOn.length === 7
        ? monthOf(source.publishedOn, reader)
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
