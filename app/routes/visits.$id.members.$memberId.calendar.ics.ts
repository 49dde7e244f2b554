import type { Route } from "./+types/visits.$id.members.$memberId.calendar.ics";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n, getLanguage } from "../i18n/i18n.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { requireSessionOrLink } from "../lib/visit-link-access.server";
import { visitCalendarResponse } from "../lib/visit-calendar.server";
import { visitCalendar } from "../models/briefing-calendar.server";

/**
 * One delegation member's programme (the items for everyone and those naming them) as an
 * iCalendar file: for a signed-in user, or by a calendar link for this member (decision 21).
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const visitId = idParam(params);
  const memberId = idParam({ id: params.memberId });
  await requireSessionOrLink(context, request, { visitId, purpose: "calendar", memberId });
  const calendar = await visitCalendar(db, visitId, memberId);
  if (!calendar) notFound();
  return visitCalendarResponse(calendar, {
    lang: getLanguage(context),
    t: getI18n(context).t,
    origin: env.APP_URL ?? new URL(request.url).origin,
  });
}
