import type { Route } from "./+types/visits.$id.members.$memberId.calendar.ics";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { requireUser } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { visitCalendarResponse } from "../lib/visit-calendar.server";
import { visitCalendar } from "../models/briefing-calendar.server";

/** One delegation member's programme (the items for everyone and those naming them) as an iCalendar file. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireUser(context, request, "viewer");
  const calendar = await visitCalendar(db, idParam(params), idParam({ id: params.memberId }));
  if (!calendar) notFound();
  return visitCalendarResponse(calendar, {
    lang: getLanguage(context),
    t: getI18n(context).t,
    origin: env.APP_URL ?? new URL(request.url).origin,
  });
}
