import type { Route } from "./+types/activities.csv";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { activitiesCsv } from "../lib/activity-export.server";
import { requireUser } from "../lib/auth.server";
import { viewerTimeZone } from "../lib/time-zone.server";
import { calendarToday } from "../lib/zoned-time";
import { httpCache } from "../lib/http-cache.server";
import { parseActivityQuery } from "../models/activity-query.server";
import { eachActivityBatch } from "../models/activity-search.server";

// Viewed again and again between changes: a repeat view is answered 304 (lib/http-cache.server.ts).
export const middleware: Route.MiddlewareFunction[] = [httpCache()];

/** The current filter of /activities as a spreadsheet, for leadership reports. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const url = new URL(request.url);
  const query = parseActivityQuery(url.searchParams);
  const lang = getLanguage(context);
  const timeZone = viewerTimeZone(request, user);
  const body = activitiesCsv(eachActivityBatch(db, query, { lang, timeZone }), {
    t: getI18n(context).t,
    lang,
    timeZone,
    origin: env.APP_URL ?? url.origin,
  });
  // The reader's date, as the page's ETag has it: a kept export is named for the day it was made.
  const day = calendarToday(timeZone);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="jembatan-activities-${day}.csv"`,
    },
  });
}
