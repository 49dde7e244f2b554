// One page of the activity list, and every row of it for the exports.
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { activities, agreements, countries } from "../../db/schema";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import type { ActivityQuery, ActivitySortKey } from "../lib/activity-query";
import { sourcedDateColumns } from "./activity.server";
import { fixedLimit, fixedOffsetKey, pageOffset, preparedOnce } from "./prepared.server";
import { filterValues, plannerExpectsMany, preparedFilter } from "./activity-filter.server";
import { readerTextLanguageSql, readerTextSql } from "./reader-text-sql.server";

const activityPageSize = 25;
/**
 * Counting every match of a broad filter costs a scan of the whole table on each page view;
 * beyond this many the list says "more than" instead, as search engines do.
 */
const activityCountCap = 1_000;

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
  ...sourcedDateColumns,
  city: activities.city,
  countryName: countries.name,
  /** Part of the demo's example scenario: badged wherever it is shown. */
  example: activities.example,
};

/** A row of the list and the exports, its texts in the reader's language. */
const rowFields = (lang: Language) => ({
  ...activityListFields,
  title: readerTextSql(activities.title, lang),
  titleLanguage: readerTextLanguageSql(activities.title, lang),
  countryName: readerTextSql<string | null>(countries.name, lang),
  mode: activities.mode,
  endsAt: activities.endsAt,
  agreementId: activities.agreementId,
  agreementTitle: readerTextSql<string | null>(agreements.title, lang),
});

/**
 * How many rows a filter matches, counted up to `cap + 1`: cheap however broad the filter is. A
 * text search the statistics call common is not counted (plannerExpectsMany); one they call rare
 * is counted through the full-text index, which for a rare word takes well under a millisecond.
 * (Reading the table's first pages before asking the index was tried for common words: it cost
 * every rare word five times its 1 ms, and rare words are what people search for.)
 */
async function countMatches(db: Database, query: ActivityQuery, timeZone: string, cap: number) {
  if (await plannerExpectsMany(db, query, timeZone, cap)) return cap + 1;
  const filter = preparedFilter(filterValues(query, timeZone));
  const statement = preparedOnce(db, `activity_count:${filter.key}:${cap}`, () => {
    const where = filter.where();
    const matches = db
      .select({ one: sql`1` })
      .from(activities)
      .where(where)
      .limit(fixedLimit(cap + 1));
    return db
      .select({ n: sql<string>`(select count(*) from (${matches}) as matches)` })
      .from(sql`(select 1) as one`)
      .prepare("activity_count");
  });
  const [row] = await statement.execute(filter.bound);
  return Number(row?.n ?? 0);
}

/**
 * The matching rows in the list's order. When the filter is known to match few rows, they are
 * found first and then sorted: walking the sort order's index and testing every row, the plan
 * that suits a broad filter, reads the whole table for a rare word.
 * Built and prepared once per combination of filters, sort, plan and language.
 */
function rowsStatement(
  db: Database,
  query: ActivityQuery,
  options: { lang: Language; few: boolean; limit: number; offset: number },
  filter: ReturnType<typeof preparedFilter>,
) {
  const key = [
    filter.key,
    query.sort,
    query.dir,
    options.lang,
    options.few,
    options.limit,
    fixedOffsetKey(options.offset, options.limit),
  ].join("|");
  return preparedOnce(db, `activity_rows:${key}`, () => {
    const where = filter.where();
    return db
      .select(rowFields(options.lang))
      .from(activities)
      .leftJoin(countries, eq(countries.code, activities.countryCode))
      .leftJoin(agreements, eq(agreements.id, activities.agreementId))
      .where(
        options.few && where
          ? sql`${activities.id} = any(array(${db.select({ id: activities.id }).from(activities).where(where)}))`
          : where,
      )
      .orderBy(...orderFor(query, options.lang))
      .limit(fixedLimit(options.limit))
      .offset(pageOffset(options.offset, options.limit))
      .prepare("activity_rows");
  });
}

/** A page of the matching rows in the list's order (see rowsStatement). */
function matchingRows(
  db: Database,
  query: ActivityQuery,
  options: { lang: Language; timeZone: string; few: boolean; limit: number; offset: number },
) {
  const filter = preparedFilter(filterValues(query, options.timeZone));
  return rowsStatement(db, query, options, filter).execute({ ...filter.bound, offset: options.offset });
}

export type ActivityRow = Awaited<ReturnType<typeof matchingRows>>[number];

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
  const rows = n ? await matchingRows(db, query, { ...options, few: n <= cap, limit: pageSize, offset }) : [];
  // A short page is the last one, which tells the exact total even where counting was skipped.
  if (n > cap && rows.length < pageSize && (rows.length || offset === 0)) {
    return { rows, total: offset + rows.length, capped: false, pageSize };
  }
  return { rows, total: Math.min(n, cap), capped: n > cap, pageSize };
}

/**
 * Every row the filter matches, for the CSV and calendar exports, a batch at a time: the exports
 * turn a whole batch into text between two awaits, rather than awaiting each row.
 */
export async function* eachActivityBatch(
  db: Database,
  query: ActivityQuery,
  options: { lang: Language; timeZone: string; batchSize?: number },
): AsyncGenerator<ActivityRow[]> {
  const batchSize = options.batchSize ?? 2000;
  const n = await countMatches(db, query, options.timeZone, activityCountCap);
  if (!n) return;
  for (let offset = 0; ; offset += batchSize) {
    const batch = await matchingRows(db, query, {
      ...options,
      few: n <= activityCountCap,
      limit: batchSize,
      offset,
    });
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
  }
}
