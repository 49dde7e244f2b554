import { Form, Link } from "react-router";
import type { Route } from "./+types/library";
import { Pager } from "../components/pager";
import { PlainLinks } from "../components/plain-links";
import { db } from "../db.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { useTranslation } from "../i18n/translation";
import { awardKeys, caseSectors } from "../lib/enums";
import { hasLibraryFilters, libraryQueryString, type LibraryQuery } from "../lib/library-query";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { useFormatter } from "../lib/use-formatter";
import { parseLibraryQuery } from "../models/library-search-query.server";
import { searchLibrary } from "../models/library-search.server";
import { countryName } from "../models/country-name.server";
import { dataVersion } from "../models/data-version.server";
import { httpCache, requestDataVersion } from "../lib/http-cache.server";
import type { FacetCount } from "../models/library-search-facets.server";
import "../styles/filters.css";
import "../styles/library.css";
import { libraryPage } from "../i18n/packs";
import { readerText } from "../lib/reader-text";
import { ListText } from "../components/shown-text";

type Option = { value: string; label?: string; count: number };

/** A filter's choices: `values` (a fixed list) or those with cases, and the chosen one whatever its count. */
function options(counts: FacetCount[], chosen: string | undefined, values?: readonly string[]): Option[] {
  const byValue = new Map(counts.map((c) => [c.value, c]));
  const list = [...(values ?? counts.map((c) => c.value))];
  if (chosen && !list.includes(chosen)) list.push(chosen);
  return list.map((value) => ({ value, count: byValue.get(value)?.count ?? 0 }));
}

// The same page for every visitor in a language: any cache may keep it, and a repeat view of an
// unchanged library is answered 304 before the search runs (lib/http-cache.server.ts).
export const middleware: Route.MiddlewareFunction[] = [httpCache({ visitors: true })];

/** The library with the suggested search instead of the reader's, the filters kept, from its first page. */
function suggestionHref(url: string, q: string) {
  const params = new URL(url).searchParams;
  params.set("q", q);
  params.delete("page");
  return `/library?${params}`;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const query = parseLibraryQuery(params);
  const lang = getLanguage(context);
  // Without a search the counts are kept under the data version (searchLibrary says which); the
  // middleware has read it unless the request carries a notice.
  const version = query.q ? undefined : (requestDataVersion(context) ?? (await dataVersion(db)));
  const found = await searchLibrary(db, query, { lang, version });
  const countryNames = new Map(found.country.map((c) => [c.value, localized(c.label, lang)]));
  // A chosen country none of the matches is in still shows its name ("Azerbaijan (0)").
  if (query.country && !countryNames.has(query.country)) {
    const name = await countryName(db, query.country);
    if (name) countryNames.set(query.country, localized(name, lang));
  }
  // Only what the page shows, in the reader's language: every field is serialized into the page.
  return {
    query,
    // The order the form offers: best match unless the reader chose another, so that a search typed
    // on the library's first page is ranked (without a search the list itself is newest first).
    sortChoice: query.q || params.get("sort") === query.sort ? query.sort : "relevance",
    total: found.total,
    pageSize: found.pageSize,
    byNames: found.mode === "names",
    suggestion: found.suggestion && { text: found.suggestion, href: suggestionHref(request.url, found.suggestion) },
    rows: found.rows.map((r) => ({
      slug: r.slug,
      title: readerText(r.title, lang),
      country: localized(r.countryName, lang),
      sector: r.sector,
      startedYear: r.startedYear,
      stoppedYear: r.stoppedYear,
      snippet: r.snippet,
    })),
    facets: {
      country: options(found.country, query.country)
        .map((o) => ({ ...o, label: countryNames.get(o.value) ?? o.value }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
      sector: options(found.sector, query.sector, [...caseSectors]),
      sdg: options(found.sdg, query.sdg?.toString()),
      award: options(found.award, query.award, [...awardKeys]),
      state: options(found.state, query.state, ["running", "stopped"]),
    },
    title: getI18n(context).t("library.title"),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

function FacetSelect({
  name,
  label,
  chosen,
  list,
  labelOf,
}: {
  name: keyof LibraryQuery;
  label: string;
  chosen: string | undefined;
  list: Option[];
  labelOf: (o: Option) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <div className="field">
      <label htmlFor={`library-${name}`}>{label}</label>
      <select id={`library-${name}`} name={name} defaultValue={chosen ?? ""}>
        <option value="">{t("library.any")}</option>
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {t("library.withCount", { label: labelOf(o), n: format.number(o.count) })}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Library({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const format = useFormatter();
  const { query, sortChoice, rows, total, pageSize, byNames, facets, suggestion } = loaderData;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // An address past the last page (an old link, a list that shrank): no rows, no range, no pager.
  const pastEnd = total > 0 && rows.length === 0;
  const first = (query.page - 1) * pageSize + 1;
  const years = (r: (typeof rows)[number]) =>
    r.startedYear === null
      ? null
      : r.stoppedYear === null
        ? t("library.since", { year: String(r.startedYear) })
        : t("library.between", { from: String(r.startedYear), to: String(r.stoppedYear) });

  return (
    <div className="page">
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.intro")}</p>

      <Form method="get" className="filters" aria-labelledby="library-filters-title">
        <h2 id="library-filters-title" className="visually-hidden">
          {t("library.filters")}
        </h2>
        <div className="field filters__search">
          <label htmlFor="library-q">{t("library.search")}</label>
          <input
            id="library-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={query.q ?? ""}
            aria-describedby="library-q-hint"
          />
          <p id="library-q-hint" className="hint">
            {t("library.searchHint")}
          </p>
        </div>
        <FacetSelect
          name="country"
          label={t("library.country")}
          chosen={query.country}
          list={facets.country}
          labelOf={(o) => o.label ?? o.value}
        />
        <FacetSelect
          name="sector"
          label={t("library.sector")}
          chosen={query.sector}
          list={facets.sector}
          labelOf={(o) => t(`caseSector.${o.value as (typeof caseSectors)[number]}`)}
        />
        <FacetSelect
          name="sdg"
          label={t("library.sdg")}
          chosen={query.sdg?.toString()}
          list={facets.sdg}
          labelOf={(o) => t("library.sdgGoal", { goal: o.value })}
        />
        <FacetSelect
          name="award"
          label={t("library.award")}
          chosen={query.award}
          list={facets.award}
          labelOf={(o) => t(`awardKey.${o.value as (typeof awardKeys)[number]}`)}
        />
        <FacetSelect
          name="state"
          label={t("library.state")}
          chosen={query.state}
          list={facets.state}
          labelOf={(o) => (o.value === "running" ? t("library.running") : t("library.stopped"))}
        />
        <div className="field">
          <label htmlFor="library-year">{t("library.year")}</label>
          <input
            id="library-year"
            name="year"
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            defaultValue={query.year ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="library-sort">{t("library.sort")}</label>
          <select id="library-sort" name="sort" defaultValue={sortChoice} aria-describedby="library-sort-hint">
            <option value="relevance">{t("library.sortRelevance")}</option>
            <option value="newest">{t("library.sortNewest")}</option>
            <option value="title">{t("library.sortTitle")}</option>
          </select>
          <p id="library-sort-hint" className="hint">
            {t("library.sortHint")}
          </p>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("library.apply")}
          </button>
          {query.q || hasLibraryFilters(query) ? (
            <Link to="/library" className="button button--secondary">
              {t("library.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <section aria-labelledby="library-results-title">
        <h2 id="library-results-title" className="visually-hidden">
          {t("library.results")}
        </h2>
        <p role="status" className="muted">
          {total === 0
            ? query.q || hasLibraryFilters(query)
              ? t("library.none")
              : t("library.empty")
            : total === 1
              ? t("library.foundOne")
              : total > pageSize && !pastEnd
                ? t("library.showing", {
                    from: format.number(first),
                    to: format.number(first + rows.length - 1),
                    total: format.number(total),
                  })
                : t("library.found", { n: format.number(total) })}
        </p>
        {byNames && total > 0 ? <p className="notice">{t("library.byNames")}</p> : null}
        {total === 0 && suggestion ? (
          <p className="notice">
            {t("library.didYouMean")} <Link to={suggestion.href}>{suggestion.text}</Link>
          </p>
        ) : null}
        {pastEnd ? (
          <p className="notice">
            {t("library.pastEnd")}{" "}
            <Link to={`/library${libraryQueryString(query, { page: 1 })}`}>{t("library.firstPage")}</Link>
          </p>
        ) : null}
        {rows.length ? (
          // Plain links, followed in the app by PlainLinks: twenty <Link>s were a thirtieth of a search's time.
          <PlainLinks>
            <ul className="case-list">
              {rows.map((c) => (
                <li key={c.slug} className="card library-result">
                  <h3>
                    <a href={`/library/${c.slug}`}>
                      <ListText text={c.title} />
                    </a>
                  </h3>
                  <p className="meta">
                    {[c.country, t(`caseSector.${c.sector as (typeof caseSectors)[number]}`), years(c)]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <p className="library-result__snippet">
                    {c.snippet.map((f, i) => (f.mark ? <mark key={i}>{f.text}</mark> : f.text))}
                  </p>
                </li>
              ))}
            </ul>
          </PlainLinks>
        ) : null}
        {pages > 1 && !pastEnd ? (
          <Pager
            label={t("library.pagination")}
            previous={query.page > 1 ? libraryQueryString(query, { page: query.page - 1 }) || "?" : undefined}
            next={query.page < pages ? libraryQueryString(query, { page: query.page + 1 }) : undefined}
          >
            {t("pager.page", { page: format.number(query.page), pages: format.number(pages) })}
          </Pager>
        ) : null}
      </section>
    </div>
  );
}

// The library's strings are a chunk of their own in the browser (i18n/packs.ts).
export const handle = libraryPage;
