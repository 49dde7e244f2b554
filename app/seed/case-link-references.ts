import type { Content } from "./content-schema";

/** How content/ and the seed's report name a replication link: its two cases' slugs. */
export const caseLinkKey = (l: { from: string; to: string }) => `${l.from} > ${l.to}`;

/**
 * What is wrong with content/case-links.yaml against the rest of content/: a case, country or
 * source it names that does not exist, a link of a case to itself, or two cases linked twice.
 * (The seed's model refuses a cycle.)
 */
export function caseLinkProblems(c: Pick<Content, "caseLinks" | "cases" | "countries" | "sources">) {
  const cases = new Set(c.cases.map((k) => k.slug));
  const countries = new Set(c.countries.map((k) => k.code));
  const sources = new Set(c.sources.map((s) => s.slug));
  const pairs = new Set<string>();
  const problems: string[] = [];
  for (const l of c.caseLinks) {
    const key = caseLinkKey(l);
    for (const slug of [l.from, l.to]) if (!cases.has(slug)) problems.push(`case link ${key}: unknown case "${slug}"`);
    if (l.from === l.to) problems.push(`case link ${key}: a case cannot be linked to itself`);
    if (l.country && !countries.has(l.country)) problems.push(`case link ${key}: unknown country "${l.country}"`);
    if (!sources.has(l.source)) problems.push(`case link ${key}: unknown source "${l.source}"`);
    const pair = [l.from, l.to].sort().join(" ");
    if (pairs.has(pair)) problems.push(`case link ${key}: these two cases are linked twice`);
    pairs.add(pair);
  }
  return problems;
}
