import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { activities, activityCommitments, agreements, commitments, countries } from "../../db/schema";
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from "../lib/enums";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import { activitySortKeys, type ActivityQuery, type ActivitySortKey } from "../lib/activity-query";
import { calendarDate, countryCode, idField } from "../lib/form-schema";
import { zonedToUtc } from "../lib/zoned-time";
import type { DataVersion } from "./data-version.server";
import { memoUnderVersion } from "./version-memo.server";

const activityPageSize = 25;
/**
 * Counting every match of a broad filter costs a scan of the whole table on each page view;
 * beyond this many the list says "more than" instead, as search engines do.
 */
const activityCountCap = 1_000;

/** Anything odd in a URL is ignored rather than refused: a shared link should still open. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const querySchema = z.object({
  type: z
    .array(z.string())
    .transform((v) => v.filter((x): x is ActivityType => activityTypes.includes(x as ActivityType))),
  status: z
    .array(z.string())
    .transform((v) => v.filter((x): x is ActivityStatus => activityStatuses.includes(x as ActivityStatus))),
  country: lenient(countryCode),
  agreement: lenient(idField),
  commitment: lenient(idField),
  // Past 1900–2100 a bound filters nothing out of this cooperation's records, and years like
  // 9999 would reach dates PostgreSQL cannot hold: such a bound is ignored like any odd value.
  from: lenient(calendarDate),
  to: lenient(calendarDate),
  q: lenient(z.string().trim().min(1).max(200)),
  sort: z.enum(activitySortKeys).catch("startsAt"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The list's state lives in the URL: `?type=visit&status=completed&q=baku&sort=title&dir=asc&page=2`. */
export function parseActivityQuery(params: URLSearchParams): ActivityQuery {
  const raw = {
    // Each once: `?type=visit&type=visit` is the same list, and the same prepared statement.
    type: [...new Set(params.getAll("type").filter(Boolean))],
    status: [...new Set(params.getAll("status").filter(Boolean))],
    country: params.get("country") || undefined,
    agreement: params.get("agreement") || undefined,
    commitment: params.get("commitment") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    q: params.get("q") || undefined,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
    page: params.get("page") ?? undefined,
  };
  const parsed = querySchema.parse(raw);
  return { ...parsed, dir: parsed.dir ?? (parsed.sort === "startsAt" ? "desc" : "asc") };
}

/** The words of a search, as the index holds them: at most eight, letters and digits only. */
function searchWords(q: string) {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/** Words become prefix matches joined by AND: "bak vis" finds "Baku visit". */
function textQuery(q: string): SQL | undefined {
  const words = searchWords(q);
  if (!words.length) return undefined;
  const tsquery = words.map((w) => `${w}:*`).join(" & ");
  // A subquery, so the query is parsed once per statement: a prepared statement's generic plan
  // would call to_tsquery again for every row it tests.
  return sql`${activities.search} @@ (select to_tsquery('simple', ${tsquery}))`;
}

function whereFor(query: ActivityQuery, timeZone: string): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    query.type.length ? inArray(activities.type, query.type) : undefined,
    query.status.length ? inArray(activities.status, query.status) : undefined,
    query.country ? eq(activities.countryCode, query.country) : undefined,
    query.agreement ? eq(activities.agreementId, query.agreement) : undefined,
    query.commitment
      ? sql`exists (select 1 from ${activityCommitments} where ${activityCommitments.activityId} = ${activities.id} and ${activityCommitments.commitmentId} = ${query.commitment})`
      : undefined,
    // Dates are the viewer's calendar days.
    query.from ? gte(activities.startsAt, zonedToUtc(query.from, "00:00", timeZone)) : undefined,
    query.to ? lt(activities.startsAt, nextDay(query.to, timeZone)) : undefined,
    query.q ? textQuery(query.q) : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

function nextDay(date: string, timeZone: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return zonedToUtc(d.toISOString().slice(0, 10), "00:00", timeZone);
}

function orderFor(query: ActivityQuery, lang: Language): SQL[] {
  const by = query.dir === "asc" ? asc : desc;
  const column: Record<ActivitySortKey, SQL | AnyPgColumn> = {
    startsAt: activities.startsAt,
    // The same expressions as the title indexes, so the sort can use them.
    title:
      lang === "id"
        ? sql`lower(coalesce(${activities.title}->>'id', ${activities.title}->>'en'))`
        : sql`lower(${activities.title}->>'en')`,
    type: activities.type,
    status: activities.status,
    // The place reads "city, country": by city, with its own index.
    place: activities.city,
    agreement: activities.agreementId,
  };
  const tieBreak = query.sort === "startsAt" ? [] : [by(activities.startsAt)];
  return [by(column[query.sort]), ...tieBreak, by(activities.id)];
}

/** What any list shows of an activity: what, in what state, when and where (with `countries` joined). */
export const activityListFields = {
  id: activities.id,
  title: activities.title,
  type: activities.type,
  status: activities.status,
  startsAt: activities.startsAt,
  allDay: activities.allDay,
  city: activities.city,
  countryName: countries.name,
};

const rowFields = {
  ...activityListFields,
  mode: activities.mode,
  endsAt: activities.endsAt,
  countryCode: activities.countryCode,
  agreementId: activities.agreementId,
  agreementTitle: agreements.title,
};

/**
 * Whether PostgreSQL's statistics say a text search matches far more rows than the list counts,
 * so that counting them can be skipped. The index hands a common word's every match over before
 * the first is counted (17,000 for "baku" on 100,000 rows: 4-6 ms), while the planner knows from
 * the column's statistics how often each word occurs (16,868 estimated against 16,669 found). It
 * is asked about the whole words, not the prefixes the search matches: a word's prefix matches
 * include its exact ones, so many exact matches mean at least as many prefix matches. A word the
 * statistics do not list is estimated as rare, and rare matches are counted as before; the margin
 * of five times the cap allows for the estimate's error on several words.
 */
type ExplainRow = { "QUERY PLAN"?: { Plan?: { "Plan Rows"?: number } }[] };

async function plannerExpectsMany(db: Database, query: ActivityQuery, timeZone: string, cap: number) {
  const words = query.q ? searchWords(query.q) : [];
  if (!words.length) return false;
  // The value bound, not a subquery: the planner estimates from the words it is given.
  const exactWords = sql`${activities.search} @@ to_tsquery('simple', ${words.join(" & ")})`;
  const where = and(whereFor({ ...query, q: undefined }, timeZone), exactWords);
  const result: unknown = await db.execute(
    sql`explain (format json) ${db
      .select({ one: sql`1` })
      .from(activities)
      .where(where)}`,
  );
  // postgres.js answers with the rows, PGlite with a result that holds them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as ExplainRow[];
  const estimate = rows[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0;
  return estimate >= cap * 5;
}

/**
 * How many rows a filter matches, counted up to `cap + 1`: cheap however broad the filter is. A
 * text search the statistics call common is not counted (plannerExpectsMany); one they call rare
 * is counted through the full-text index, which for a rare word takes well under a millisecond.
 * (Reading the table's first pages before asking the index was tried for common words: it cost
 * every rare word five times its 1 ms, and rare words are what people search for.)
 */
async function countMatches(db: Database, query: ActivityQuery, timeZone: string, cap: number) {
  if (await plannerExpectsMany(db, query, timeZone, cap)) return cap + 1;
  const where = whereFor(query, timeZone);
  const [row] = await db
    .select({
      n: sql<string>`(select count(*) from (${db
        .select({ one: sql`1` })
        .from(activities)
        .where(where)
        .limit(cap + 1)}) as matches)`,
    })
    .from(sql`(select 1) as one`);
  return Number(row?.n ?? 0);
}

/**
 * The matching rows in the list's order. When the filter is known to match few rows, they are
 * found first and then sorted: walking the sort order's index and testing every row, the plan
 * that suits a broad filter, reads the whole table for a rare word.
 */
function rowsQuery(db: Database, query: ActivityQuery, options: { lang: Language; timeZone: string; few: boolean }) {
  const where = whereFor(query, options.timeZone);
  return db
    .select(rowFields)
    .from(activities)
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .leftJoin(agreements, eq(agreements.id, activities.agreementId))
    .where(
      options.few && where
        ? sql`${activities.id} = any(array(${db.select({ id: activities.id }).from(activities).where(where)}))`
        : where,
    )
    .orderBy(...orderFor(query, options.lang));
}

export type ActivityRow = Awaited<ReturnType<typeof rowsQuery>>[number];

/**
 * One page of the filtered, sorted list, and how many rows the filter matches: exactly up to
 * `activityCountCap`, after which `capped` is true and `total` is the cap.
 */
export async function searchActivities(
  db: Database,
  query: ActivityQuery,
  options: { lang: Language; timeZone: string; pageSize?: number; countCap?: number },
) {
  const pageSize = options.pageSize ?? activityPageSize;
  const cap = options.countCap ?? activityCountCap;
  const n = await countMatches(db, query, options.timeZone, cap);
  const offset = (query.page - 1) * pageSize;
  const rows = n
    ? await rowsQuery(db, query, { ...options, few: n <= cap })
        .limit(pageSize)
        .offset(offset)
    : [];
  // A short page is the last one, which tells the exact total even where counting was skipped.
  if (n > cap && rows.length < pageSize && (rows.length || offset === 0)) {
    return { rows, total: offset + rows.length, capped: false, pageSize };
  }
  return { rows, total: Math.min(n, cap), capped: n > cap, pageSize };
}

/** Every row the filter matches, in batches, for the CSV and calendar exports. */
export async function* eachActivity(
  db: Database,
  query: ActivityQuery,
  options: { lang: Language; timeZone: string; batchSize?: number },
): AsyncGenerator<ActivityRow> {
  const batchSize = options.batchSize ?? 2000;
  const n = await countMatches(db, query, options.timeZone, activityCountCap);
  if (!n) return;
  for (let offset = 0; ; offset += batchSize) {
    const batch = await rowsQuery(db, query, { ...options, few: n <= activityCountCap })
      .limit(batchSize)
      .offset(offset);
    yield* batch;
    if (batch.length < batchSize) return;
  }
}

/**
 * The choices the filter form offers. Commitments are listed for the chosen agreement only:
 * there may be thousands of them, and a commitment belongs to one agreement anyway. The agreements
 * and countries, the same on every view, are kept while `version` (the request's) is current.
 */
export async function activityFilterOptions(db: Database, query: ActivityQuery, version?: DataVersion) {
  const commitmentScope = query.agreement
    ? eq(commitments.agreementId, query.agreement)
    : query.commitment
      ? eq(commitments.id, query.commitment)
      : undefined;
  const [agreementList, countryList, commitmentList] = await Promise.all([
    memoUnderVersion("activity-filter-agreements", version, () =>
      db.select({ id: agreements.id, title: agreements.title }).from(agreements).orderBy(asc(agreements.id)),
    ),
    memoUnderVersion("activity-filter-countries", version, () =>
      db.select({ code: countries.code, name: countries.name }).from(countries).orderBy(asc(countries.code)),
    ),
    commitmentScope
      ? db
          .select({ id: commitments.id, text: commitments.text })
          .from(commitments)
          .where(commitmentScope)
          .orderBy(asc(commitments.position), asc(commitments.id))
          .limit(500)
      : [],
  ]);
  return { agreements: agreementList, countries: countryList, commitments: commitmentList };
}
