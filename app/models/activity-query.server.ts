// The activity list's state in the URL, read leniently: a shared link should still open.
import { z } from "zod";
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from "../lib/enums";
import { activitySortKeys, type ActivityQuery } from "../lib/activity-query";
import { calendarDate, countryCode, idField } from "../lib/form-schema";

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
