import { useTranslation } from "../i18n/translation";
import { shownText } from "../lib/case-text";
import type { SourceInfo } from "../lib/source-info";
import type { PublishedCase } from "../models/case-public.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { ShownInline } from "./shown-text";
import { dateFormat } from "../lib/date-format";

/** A result's date as precise as its source: a year, a month, or a day. */
function useResultDate() {
  const format = useFormatter();
  const lang = useLanguage();
  const months = dateFormat(lang, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (date: string) => {
    if (/^\d{4}$/.test(date)) return date;
    if (/^\d{4}-\d{2}$/.test(date)) return months.format(new Date(`${date}-01T00:00:00Z`));
    return format.day(date);
  };
}

/** The case's results, each a figure with its unit, its date and the source that gives it. */
export function CaseResults(props: { results: PublishedCase["results"]; sources: Record<string, SourceInfo> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dateText = useResultDate();
  if (!props.results.length) return null;
  return (
    <section aria-labelledby="results-title" className="case-section">
      <h2 id="results-title">{t("libraryCase.results")}</h2>
      <ul className="case-results">
        {props.results.map((r, i) => {
          const source = r.sourceSlug ? props.sources[r.sourceSlug] : undefined;
          const sourceName = source
            ? [source.publisher, source.publishedOn?.slice(0, 4)].filter(Boolean).join(", ")
            : null;
          return (
            <li key={i} className="case-result">
              <span className="case-result__figure">
                <span className="case-result__value">{r.value}</span>
                {r.unit ? (
                  <>
                    {" "}
                    <ShownInline shown={shownText(r.unit, lang)} />
                  </>
                ) : null}
              </span>{" "}
              <span className="case-result__label">
                <ShownInline shown={shownText(r.label, lang)} />
              </span>
              {r.date || sourceName ? (
                <span className="case-result__meta">
                  {r.date ? <time dateTime={r.date}>{dateText(r.date)}</time> : null}
                  {r.date && sourceName ? " · " : null}
                  {source && sourceName ? (
                    source.url ? (
                      <a href={source.url} hrefLang={source.language ?? undefined} rel="noopener noreferrer">
                        {t("libraryCase.resultSource", { source: sourceName })}
                      </a>
                    ) : (
                      t("libraryCase.resultSource", { source: sourceName })
                    )
                  ) : null}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
