import { supportedLanguages, type Language } from "../i18n/config";
import { caseSlugFor, shownText } from "./case-text";
import { localized, type LocalizedText } from "./localized";

/** What a case's page says about itself to search engines and link previews (<head>). */
export interface CaseHead {
  site: string;
  title: string;
  description: string;
  canonical: string;
  alternates: { hrefLang: string; href: string }[];
  locale: string;
  localeAlternates: string[];
  jsonLd: Record<string, unknown>;
}

/** The parts of a publication the head describes. */
export interface CaseHeadInput {
  slug: string;
  slugId: string | null;
  title: LocalizedText;
  summary: LocalizedText;
  countryCode: string;
  countryName: LocalizedText;
  place: LocalizedText | null;
  latitude: number | null;
  longitude: number | null;
  startedYear: number | null;
  stoppedYear: number | null;
  sdgGoals: number[];
  sdgTargets: string[];
  awards: { title: LocalizedText; year: number; category?: LocalizedText }[];
  organization: { name: LocalizedText } | null;
  publishedAt: Date | string;
}

const ogLocales: Record<Language, string> = { en: "en_GB", id: "id_ID", az: "az_AZ" };
const descriptionLength = 200;

/** A description short enough for a search result or a link preview, cut at a word. */
export function shortDescription(text: string, max = descriptionLength): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[\s,;:.–-]+$/, "");
  return `${atWord}…`;
}

const casePath = (slug: string) => `/library/${slug}`;

/**
 * The page is always shown in the reader's language (cookie, else Accept-Language), whichever of
 * the case's slugs the address uses: the canonical address is the slug of the language shown, and
 * each language's slug is its alternate (docs/decisions/0015-public-case-pages.md).
 */
export function caseHead(
  c: CaseHeadInput,
  lang: Language,
  origin: string,
  labels: { sector: string; site: string },
): CaseHead {
  const title = localized(c.title, lang);
  const description = shortDescription(shownText(c.summary, lang)?.value ?? title);
  const url = (l: Language) => origin + casePath(caseSlugFor(c, l));
  const canonical = url(lang);
  const distinct = c.slugId && c.slugId !== c.slug;
  const alternates = distinct
    ? [
        // Only English and Indonesian have a slug of their own; Azerbaijani readers get the English address.
        ...(["en", "id"] as const).map((l) => ({ hrefLang: l, href: url(l) })),
        { hrefLang: "x-default", href: url("en") },
      ]
    : [];
  const country = localized(c.countryName, lang);
  const place = shownText(c.place, lang)?.value;
  const geo =
    c.latitude !== null && c.longitude !== null
      ? { geo: { "@type": "GeoCoordinates", latitude: c.latitude, longitude: c.longitude } }
      : {};
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: title,
    name: title,
    description,
    inLanguage: lang,
    url: canonical,
    mainEntityOfPage: canonical,
    datePublished: new Date(c.publishedAt).toISOString(),
    publisher: { "@type": "Organization", name: labels.site },
    about: {
      "@type": "GovernmentService",
      name: title,
      serviceType: labels.sector,
      areaServed: { "@type": "Country", name: country, identifier: c.countryCode },
      ...(c.organization
        ? { provider: { "@type": "GovernmentOrganization", name: localized(c.organization.name, lang) } }
        : {}),
    },
    spatialCoverage: {
      "@type": "Place",
      name: place ? `${place}, ${country}` : country,
      address: { "@type": "PostalAddress", addressCountry: c.countryCode },
      ...geo,
    },
    keywords: [labels.sector, ...c.sdgGoals.map((g) => `SDG ${g}`), ...c.sdgTargets.map((target) => `SDG ${target}`)],
  };
  if (c.startedYear) jsonLd.temporalCoverage = `${c.startedYear}/${c.stoppedYear ?? ".."}`;
  if (c.awards.length) {
    jsonLd.award = c.awards.map((a) =>
      [localized(a.title, lang), a.category ? localized(a.category, lang) : null, a.year].filter(Boolean).join(", "),
    );
  }
  return {
    site: labels.site,
    title,
    description,
    canonical,
    alternates,
    locale: ogLocales[lang],
    localeAlternates: supportedLanguages.filter((l) => l !== lang).map((l) => ogLocales[l]),
    jsonLd,
  };
}

/** The head as React Router's meta descriptors: title, description, links, Open Graph and JSON-LD. */
export function caseMeta(head: CaseHead | undefined) {
  if (!head) return [];
  const site = head.site;
  return [
    { title: `${head.title} · ${site}` },
    { name: "description", content: head.description },
    { tagName: "link", rel: "canonical", href: head.canonical },
    ...head.alternates.map((a) => ({ tagName: "link", rel: "alternate", hrefLang: a.hrefLang, href: a.href })),
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: site },
    { property: "og:title", content: head.title },
    { property: "og:description", content: head.description },
    { property: "og:url", content: head.canonical },
    { property: "og:locale", content: head.locale },
    ...head.localeAlternates.map((l) => ({ property: "og:locale:alternate", content: l })),
    { name: "twitter:card", content: "summary" },
    // React Router writes it as <script type="application/ld+json">, with <, > and & escaped.
    { "script:ld+json": head.jsonLd },
  ];
}
