import type { Route } from "./+types/visits.$id.calendar.ics";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { requireSessionOrLink } from "../lib/visit-link-access.server";
import { visitCalendarResponse } from "../lib/visit-calendar.server";
import { visitCalendar } from "../models/briefing-calendar.server";

/** The whole delegation's programme as an iCalendar file: signed-in staff, or a calendar link (decision 21). */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const visitId = idParam(params);
  await requireSessionOrLink(context, request, { visitId, purpose: "calendar", memberId: null });
  const calendar = await visitCalendar(db, visitId, null);
  if (!calendar) notFound();
  return visitCalendarResponse(calendar, {
    lang: getLanguage(context),
    t: getI18n(context).t,
    origin: env.APP_URL ?? new URL(request.url).origin,
  });
}
