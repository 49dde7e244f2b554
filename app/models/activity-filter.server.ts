// The activity list's filter: its values from the URL's query, as SQL, and what the planner
// expects it to match.
import { and, inArray, sql, type SQL } from "drizzle-orm";
import { activities, activityCommitments } from "../../db/schema";
import type { Database } from "../../db/client";
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from "../lib/enums";
import type { ActivityQuery } from "../lib/activity-query";
import { zonedToUtc } from "../lib/zoned-time";

/** The words of a search, as the index holds them: at most eight, letters and digits only. */
function searchWords(q: string) {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/** Words become prefix matches joined by AND: "bak vis" finds "Baku visit". */
function prefixQuery(q: string): string | undefined {
  const words = searchWords(q);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : undefined;
}

export type FilterValues = Record<string, string | number>;

/**
 * The filter's values by name. The names (and the types and statuses chosen) decide the SQL, so
 * the list's statements are prepared once per combination of filters (preparedFilter).
 */
export function filterValues(query: ActivityQuery, timeZone: string): FilterValues {
  const values: FilterValues = {};
  // Sorted: the same choice in another order in the URL is the same statement.
  [...query.type].sort().forEach((v, i) => (values[`type${i}`] = v));
  [...query.status].sort().forEach((v, i) => (values[`status${i}`] = v));
  if (query.country) values.country = query.country;
  if (query.agreement) values.agreement = query.agreement;
  if (query.commitment) values.commitment = query.commitment;
  // Dates are the viewer's calendar days.
  if (query.from) values.from = zonedToUtc(query.from, "00:00", timeZone).toISOString();
  if (query.to) values.to = nextDay(query.to, timeZone).toISOString();
  const tsquery = query.q ? prefixQuery(query.q) : undefined;
  if (tsquery) values.q = tsquery;
  return values;
}

/** The filter as SQL, each value given by `value`: a placeholder to prepare, or the value itself. */
export function filterWhere(names: string[], value: (name: string) => unknown): SQL | undefined {
  const has = (name: string) => names.includes(name);
  const numbered = (prefix: string) => names.filter((n) => new RegExp(`^${prefix}\\d+$`).test(n)).map(value);
  const types = numbered("type");
  const statuses = numbered("status");
  const conditions: (SQL | undefined)[] = [
    types.length ? inArray(activities.type, types as ActivityType[]) : undefined,
    statuses.length ? inArray(activities.status, statuses as ActivityStatus[]) : undefined,
    has("country") ? sql`${activities.countryCode} = ${value("country")}` : undefined,
    has("agreement") ? sql`${activities.agreementId} = ${value("agreement")}` : undefined,
    has("commitment")
      ? sql`exists (select 1 from ${activityCommitments} where ${activityCommitments.activityId} = ${activities.id} and ${activityCommitments.commitmentId} = ${value("commitment")})`
      : undefined,
    has("from") ? sql`${activities.startsAt} >= ${value("from")}` : undefined,
    has("to") ? sql`${activities.startsAt} < ${value("to")}` : undefined,
    // A subquery, so the query is parsed once per statement: a prepared statement's generic plan
    // would call to_tsquery again for every row it tests.
    has("q") ? sql`${activities.search} @@ (select to_tsquery('simple', ${value("q")}))` : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

/** The filters whose values come from a fixed list. */
const fixedList = /^(type|status)\d+$/;

/**
 * The filter as a prepared statement gets it: `key` names the statement, `where` builds its SQL,
 * `bound` holds the values sent with each execution. Types and statuses come from fixed lists, so
 * they are written into the SQL and the key: sent as parameters, PostgreSQL planned every view
 * afresh (its generic plan for "some type and some status" costs more than the plan it finds for
 * the actual values; a quarter of the filtered list's database time), while a statement with no
 * parameter left is planned once per connection. Dates, ids and words stay parameters.
 */
export function preparedFilter(values: FilterValues) {
  const names = Object.keys(values);
  const written = (name: string) => fixedList.test(name);
  return {
    key: names.map((name) => (written(name) ? `${name}=${values[name]}` : name)).join(","),
    where: () => filterWhere(names, (name) => (written(name) ? listValue(values[name]) : sql.placeholder(name))),
    bound: Object.fromEntries(Object.entries(values).filter(([name]) => !written(name))),
  };
}

function listValue(value: string | number | undefined) {
  const known: readonly unknown[] = [...activityTypes, ...activityStatuses];
  // The query parser admits nothing else; checked again because it becomes SQL text.
  if (!known.includes(value)) throw new Error(`not an activity type or status: ${String(value)}`);
  return sql.raw(`'${String(value)}'`);
}

function nextDay(date: string, timeZone: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return zonedToUtc(d.toISOString().slice(0, 10), "00:00", timeZone);
}

type ExplainRow = { "QUERY PLAN"?: { Plan?: { "Plan Rows"?: number } }[] };

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
export async function plannerExpectsMany(db: Database, query: ActivityQuery, timeZone: string, cap: number) {
  const words = query.q ? searchWords(query.q) : [];
  if (!words.length) return false;
  // The value bound, not a subquery: the planner estimates from the words it is given.
  const exactWords = sql`${activities.search} @@ to_tsquery('simple', ${words.join(" & ")})`;
  const { q: _q, ...values } = filterValues(query, timeZone);
  const where = and(
    filterWhere(Object.keys(values), (name) => values[name]),
    exactWords,
  );
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
