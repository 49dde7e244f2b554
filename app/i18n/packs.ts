/**
 * Strings the browser loads only for the pages that need them. Every language's core strings are
 * one chunk that every signed-in page loads; a pack is a further chunk per language, named by the
 * routes that use it (`export const handle = { strings: ["library"] }`) and by a notice's key.
 * The server always has every string.
 */
export const packNamespaces = {
  library: ["replication", "enquiries", "library", "libraryCase"],
  cases: ["caseEditor"],
  dashboard: ["dashboard"],
  mail: ["mail"],
  account: ["account", "delivery", "access"],
  visits: ["visits", "delegation", "itinerary", "briefing", "followUps"],
  people: ["people", "organizations"],
  activities: ["activities", "activityList"],
  agreements: ["agreements", "commitments"],
} as const;

export type StringPack = keyof typeof packNamespaces;

const packOf = new Map<string, StringPack>(
  Object.entries(packNamespaces).flatMap(([pack, namespaces]) => namespaces.map((ns) => [ns, pack as StringPack])),
);

export function isStringPack(value: string): value is StringPack {
  return Object.hasOwn(packNamespaces, value);
}

/** The pack a key's namespace is in; null for the core strings. */
export function packOfKey(key: string): StringPack | null {
  return packOf.get(key.slice(0, key.indexOf("."))) ?? null;
}

/** The packs the matched routes ask for, and the one a notice's key needs, in a fixed order. */
export function packsFor(matches: readonly { handle?: unknown }[], notice?: string | null): StringPack[] {
  const wanted = new Set<StringPack>();
  for (const match of matches) {
    const strings = (match.handle as { strings?: readonly StringPack[] } | undefined)?.strings;
    for (const pack of strings ?? []) wanted.add(pack);
  }
  const noticePack = notice ? packOfKey(notice) : null;
  if (noticePack) wanted.add(noticePack);
  return (Object.keys(packNamespaces) as StringPack[]).filter((pack) => wanted.has(pack));
}

/** The `handle` of a page that shows the library's strings. */
export const libraryPage = { strings: ["library"] as const satisfies readonly StringPack[] };
/** The staff's case pages: the library's strings and the case editor's. */
export const casesPage = { strings: ["library", "cases"] as const satisfies readonly StringPack[] };
/** The dashboard: its own strings, and the agreements' for their status and progress. */
export const dashboardPage = { strings: ["dashboard", "agreements"] as const satisfies readonly StringPack[] };
export const accountPage = { strings: ["account"] as const satisfies readonly StringPack[] };
export const mailPage = { strings: ["mail"] as const satisfies readonly StringPack[] };
/** A visit's pages; they name people, so the people pack comes too. */
export const visitsPage = { strings: ["visits", "people"] as const satisfies readonly StringPack[] };
export const peoplePage = { strings: ["people"] as const satisfies readonly StringPack[] };
export const activitiesPage = { strings: ["activities"] as const satisfies readonly StringPack[] };
/** An activity's page: it shows the status of the agreement it serves. */
export const activityPage = { strings: ["activities", "agreements"] as const satisfies readonly StringPack[] };
/** The agreements' and the commitments' pages. */
export const agreementsPage = { strings: ["agreements"] as const satisfies readonly StringPack[] };
