import type { KeysUnder, TranslationKey } from "../i18n/keys";
import type { TFunction } from "../i18n/translator";
import type { Language } from "../i18n/config";
import type { ActivityRow } from "../models/activity-search.server";
import { csvRecord, utf8Bom } from "./csv";
import { calendar, dateValue, escapeText, utcStamp } from "./icalendar";
import { exportFormatter } from "./export-formatter.server";
import { placeName } from "./localized";
import { isoAtPrecision, sourcedDate } from "./sourced-date";
import { zonedClock } from "./zoned-time";

interface ExportContext {
  t: TFunction;
  lang: Language;
  timeZone: string;
  origin: string;
}

/**
 * Streams the rows a batch at a time as they come from the database, so a large export never sits
 * in memory whole: one write per batch.
 */
function stream(head: string, batches: AsyncIterable<ActivityRow[]>, line: (row: ActivityRow) => string, tail = "") {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (tail) controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      let chunk = "";
      for (const row of next.value) chunk += line(row);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `t` for keys without options, remembered: an export asks for the same few labels on every row. */
function labelLookup(t: TFunction) {
  const labels = new Map<TranslationKey, string>();
  return (key: TranslationKey) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = t(key)));
    return label;
  };
}

export function activitiesCsv(rows: AsyncIterable<ActivityRow[]>, ctx: ExportContext) {
  const { t, lang, timeZone, origin } = ctx;
  const label = labelLookup(t);
  const clock = zonedClock(timeZone);
  const h = (key: KeysUnder<"activityList.csvHeaders">) => t(`activityList.csvHeaders.${key}`, { zone: timeZone });
  const format = exportFormatter(lang, timeZone);
  const header = csvRecord([
    h("id"),
    h("date"),
    h("start"),
    h("end"),
    h("allDay"),
    h("title"),
    h("type"),
    h("status"),
    h("mode"),
    h("city"),
    h("country"),
    h("agreement"),
    h("link"),
    h("example"),
  ]);
  // A month or year stays one in the start and end columns too ("2017-09"): no day its source lacks.
  const when = (date: Date, r: ActivityRow) => {
    if (r.allDay) return isoAtPrecision(date, r.datePrecision);
    const local = clock(date);
    return `${local.date} ${local.time}`;
  };
  return stream(utf8Bom + header, rows, (r) =>
    csvRecord([
      r.id,
      sourcedDate(format, t, r),
      when(r.startsAt, r),
      when(r.endsAt, r),
      label(r.allDay ? "activityList.yes" : "activityList.no"),
      r.title,
      label(`activityType.${r.type}`),
      label(`activityStatus.${r.status}`),
      label(`activityMode.${r.mode}`),
      r.city,
      r.countryName,
      r.agreementTitle,
      `${origin}/activities/${r.id}`,
      label(r.example ? "activityList.yes" : "activityList.no"),
    ]),
  );
}

const icalStatus: Record<string, string> = {
  planned: "TENTATIVE",
  confirmed: "CONFIRMED",
  completed: "CONFIRMED",
  postponed: "TENTATIVE",
  cancelled: "CANCELLED",
};

/**
 * Every activity is an event: one whose source gives only a month or year is an all-day event
 * spanning that month or year (stored so), its description saying so, as the feed's does.
 */
export function activitiesIcs(rows: AsyncIterable<ActivityRow[]>, ctx: ExportContext & { now: Date }) {
  const { t, lang, origin } = ctx;
  const label = labelLookup(t);
  const format = exportFormatter(lang, ctx.timeZone);
  const host = new URL(origin).hostname;
  const head = calendar([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Jembatan//Activities//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(t("activityList.calendarName"))}`,
    `X-WR-CALDESC:${escapeText(t("activityList.calendarDescription"))}`,
    "X-PUBLISHED-TTL:PT1H",
  ]);
  return stream(
    head,
    rows,
    (r) => {
      const dayAfterEnd = new Date(r.endsAt.getTime());
      dayAfterEnd.setUTCDate(dayAfterEnd.getUTCDate() + 1);
      const place = placeName(r.city, r.countryName, lang);
      const url = `${origin}/activities/${r.id}`;
      // The date as its source gives it, where the event's own dates say more than that.
      const shown = r.datePrecision !== "day" || r.dateApproximate ? sourcedDate(format, t, r) : null;
      const description = [
        r.datePrecision !== "day" ? t("activityList.calendarPeriod", { date: shown }) : shown,
        `${label(`activityType.${r.type}`)} · ${label(`activityStatus.${r.status}`)}`,
        r.agreementTitle,
        r.example ? t("activityList.calendarExample") : null,
        url,
      ]
        .filter(Boolean)
        .join("\n");
      return calendar([
        "BEGIN:VEVENT",
        `UID:activity-${r.id}@${host}`,
        `DTSTAMP:${utcStamp(ctx.now)}`,
        ...(r.allDay
          ? [`DTSTART;VALUE=DATE:${dateValue(r.startsAt)}`, `DTEND;VALUE=DATE:${dateValue(dayAfterEnd)}`]
          : [
              `DTSTART:${utcStamp(r.startsAt)}`,
              `DTEND:${utcStamp(r.endsAt > r.startsAt ? r.endsAt : new Date(r.startsAt.getTime() + 3_600_000))}`,
            ]),
        `SUMMARY:${escapeText(r.title)}`,
        ...(place ? [`LOCATION:${escapeText(place)}`] : []),
        `DESCRIPTION:${escapeText(description)}`,
        `STATUS:${icalStatus[r.status] ?? "CONFIRMED"}`,
        `URL:${url}`,
        "END:VEVENT",
      ]);
    },
    "END:VCALENDAR\r\n",
  );
}
