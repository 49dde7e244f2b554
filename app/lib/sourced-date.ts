// An activity's date as precise as its source: a day (as every date is shown), a month or a year,
// and marked when the source gives it only roughly or it is inferred.
import type { TFunction } from "../i18n/translator";
import type { DatePrecision } from "./enums";
import type { Formatter } from "./format";

export interface SourcedDate {
  startsAt: Date | string;
  allDay: boolean;
  datePrecision: DatePrecision;
  dateApproximate: boolean;
}

/** The start as its source gives it: "12 Oct 2023", "Sept 2017", "2017", "c. Sept 2017". */
export function sourcedDate(format: Formatter, t: TFunction, d: SourcedDate, value: Date | string = d.startsAt) {
  const date = d.datePrecision === "day" ? format.when(value, d.allDay) : format.period(value, d.datePrecision);
  return d.dateApproximate ? t("dates.approximate", { date }) : date;
}

/**
 * Start to end, or one date when both read the same (a day, or the one month or year it spans);
 * `range` joins the two as the page words it.
 */
export function sourcedRange(
  format: Formatter,
  t: TFunction,
  d: SourcedDate & { endsAt: Date | string },
  range: "dates.range" | "visits.range" = "dates.range",
) {
  const start = sourcedDate(format, t, d);
  const end = sourcedDate(format, t, d, d.endsAt);
  return end !== start ? t(range, { start, end }) : start;
}

const lastSecond = 1000;

/**
 * A month or year is kept as the whole period: from 00:00Z of its first day to 23:59:59Z of its
 * last, all day (as all-day events are stored), so lists sort it by its first day and calendars
 * span it. A day precision leaves the times as given.
 */
export function periodSpan(precision: DatePrecision, startsAt: Date, endsAt: Date) {
  if (precision === "day") return { startsAt, endsAt };
  const end = endsAt > startsAt ? endsAt : startsAt;
  const first = (d: Date) =>
    precision === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) : Date.UTC(d.getUTCFullYear(), 0, 1);
  const next = (d: Date) =>
    precision === "month"
      ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
      : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return { startsAt: new Date(first(startsAt)), endsAt: new Date(next(end) - lastSecond), allDay: true as const };
}

/** ISO 8601 at the source's precision, for exports: "2017-09-01", "2017-09" or "2017". */
export function isoAtPrecision(value: Date, precision: DatePrecision) {
  return value.toISOString().slice(0, precision === "day" ? 10 : precision === "month" ? 7 : 4);
}
