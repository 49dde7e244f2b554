// The HTTP answer of a visit's calendar file: the whole delegation's or one member's programme.
import type { Language } from "../i18n/config";
import type { TFunction } from "../i18n/translator";
import type { visitCalendar } from "../models/briefing-calendar.server";
import { itineraryIcs } from "./itinerary-ics";
import { localized } from "./localized";

type VisitCalendar = NonNullable<Awaited<ReturnType<typeof visitCalendar>>>;

export function visitCalendarResponse(
  { visit, member, items }: VisitCalendar,
  ctx: { lang: Language; t: TFunction; origin: string; now?: Date },
): Response {
  const title = localized(visit.title, ctx.lang);
  const body = itineraryIcs({
    name: member ? ctx.t("briefing.memberCalendarName", { title, name: member.name }) : title,
    sequence: visit.itineraryVersion,
    host: new URL(ctx.origin).hostname,
    now: ctx.now ?? new Date(),
    url: `${ctx.origin}/visits/${visit.id}/briefing${member ? `?member=${member.id}` : ""}`,
    items: items.map((item) => ({
      id: item.id,
      startsAt: new Date(item.startsAt),
      endsAt: new Date(item.endsAt),
      timeZone: item.place.timeZone,
      title: localized(item.title, ctx.lang),
      agenda: localized(item.agenda, ctx.lang),
      placeName: item.placeName,
      address: item.address,
    })),
  });
  const file = member ? `visit-${visit.id}-member-${member.id}.ics` : `visit-${visit.id}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
