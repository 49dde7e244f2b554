import type { Route } from "./+types/activities.ics";
import { db } from "../db.server";
import { env } from "../env.server";
import { isLanguage } from "../i18n/config";
import { getI18n, getLanguage, translatorFor } from "../i18n/i18n.server";
import { activitiesIcs } from "../lib/activity-export.server";
import { appSecret, optionalUser } from "../lib/auth.server";
import { parseActivityQuery } from "../models/activity-query.server";
import { eachActivityBatch } from "../models/activity-search.server";
import { findUserByCalendarToken } from "../models/user-calendar.server";

/**
 * The current filter of /activities as an iCalendar feed. Outlook and Google Calendar cannot
 * sign in, so besides a session the feed accepts the user's calendar token (?token=…, see /account).
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const viewer = optionalUser(context) ?? (token ? await findUserByCalendarToken(db, await appSecret(), token) : null);
  if (!viewer) {
    return new Response(getI18n(context).t("activityList.calendarSignIn"), {
      status: 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const query = parseActivityQuery(url.searchParams);
  // A calendar client asks in its own language; the feed is in the one its owner chose, if any.
  const lang = isLanguage(viewer.locale) ? viewer.locale : getLanguage(context);
  const body = activitiesIcs(eachActivityBatch(db, query, { lang, timeZone: viewer.timeZone }), {
    t: translatorFor(lang).t,
    lang,
    timeZone: viewer.timeZone,
    origin: env.APP_URL ?? url.origin,
    now: new Date(),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="jembatan-activities.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
