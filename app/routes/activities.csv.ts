import type { Route } from "./+types/activities.csv";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { activitiesCsv } from "../lib/activity-export.server";
import { requireUser } from "../lib/auth.server";
import { viewerTimeZone } from "../lib/time-zone.server";
import { eachActivity, parseActivityQuery } from "../models/activity-search.server";
import { pageCache } from "../lib/page-cache.server";

/** The current filter of /activities as a spreadsheet, for leadership reports. */
// Read far more often than the data changes.
export const middleware: Route.MiddlewareFunction[] = [pageCache()];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const url = new URL(request.url);
  const query = parseActivityQuery(url.searchParams);
  const lang = getLanguage(context);
  const timeZone = viewerTimeZone(request, user);
  const body = activitiesCsv(eachActivity(db, query, { lang, timeZone }), {
    t: getI18n(context).t,
    lang,
    timeZone,
    origin: env.APP_URL ?? url.origin,
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="jembatan-activities-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
