/**
 * A visit's itinerary as an iCalendar file: each item an event at the place's own time (DTSTART
 * with the TZID of the item's zone, and a VTIMEZONE for every zone used). An item keeps its UID
 * for life and the file carries the itinerary's version as every event's SEQUENCE, so a calendar
 * that imports the file again updates its events instead of adding copies.
 */
import { calendar, escapeText, utcStamp } from "./icalendar";
import { vtimezone, zonedStamp } from "./icalendar-zones";

export interface CalendarItem {
  id: number;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** In the reader's language. */
  title: string;
  agenda: string;
  placeName: string | null;
  address: string | null;
}

export interface ItineraryCalendar {
  /** The calendar's name as a client lists it: the visit's title (and the member's name). */
  name: string;
  /** The visit's itinerary version: every save of the itinerary raises it. */
  sequence: number;
  /** The host part of every UID (the app's public host name). */
  host: string;
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** The visit's page, given as each event's URL. */
  url: string;
  items: CalendarItem[];
}

/** The UID an itinerary item keeps through every change: `itinerary-item-<id>@<host>`. */
export const itemUid = (id: number, host: string) => `itinerary-item-${id}@${host}`;

export function itineraryIcs(cal: ItineraryCalendar): string {
  const zones = [...new Set(cal.items.map((item) => item.timeZone))].sort();
  const years = cal.items.flatMap((item) => [item.startsAt.getUTCFullYear(), item.endsAt.getUTCFullYear()]);
  const fromYear = Math.min(...years);
  const toYear = Math.max(...years);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Jembatan//Visit itinerary//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...zones.flatMap((zone) => vtimezone(zone, fromYear, toYear)),
  ];
  for (const item of cal.items) {
    const location = [item.placeName, item.address].filter(Boolean).join(", ");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${itemUid(item.id, cal.host)}`,
      `SEQUENCE:${cal.sequence}`,
      `DTSTAMP:${utcStamp(cal.now)}`,
      `DTSTART;TZID=${item.timeZone}:${zonedStamp(item.startsAt, item.timeZone)}`,
      `DTEND;TZID=${item.timeZone}:${zonedStamp(item.endsAt, item.timeZone)}`,
      `SUMMARY:${escapeText(item.title)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      ...(item.agenda ? [`DESCRIPTION:${escapeText(item.agenda)}`] : []),
      `URL:${cal.url}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return calendar(lines);
}
