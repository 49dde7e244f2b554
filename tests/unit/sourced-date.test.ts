import { describe, expect, it } from "vitest";
import type { Language } from "../../app/i18n/config";
import { translatorFor } from "../../app/i18n/i18n.server";
import { createFormatter } from "../../app/lib/format";
import { isoAtPrecision, periodSpan, sourcedDate, sourcedRange, type SourcedDate } from "../../app/lib/sourced-date";

const shown = (lang: Language, d: Partial<SourcedDate> & { endsAt?: Date }) => {
  const date = {
    startsAt: new Date("2017-09-01T00:00:00Z"),
    endsAt: new Date("2017-09-30T23:59:59Z"),
    allDay: true,
    datePrecision: "day" as const,
    dateApproximate: false,
    ...d,
  };
  const format = createFormatter(lang, "Asia/Jakarta");
  const { t } = translatorFor(lang);
  return { one: sourcedDate(format, t, date), range: sourcedRange(format, t, date) };
};

describe("a date as precise as its source", () => {
  it("shows a day as every date is shown", () => {
    expect(shown("en", {}).one).toBe("1 Sept 2017");
    expect(shown("id", {}).one).toBe("1 Sep 2017");
    const timed = { startsAt: new Date("2023-10-10T06:00:00Z"), allDay: false };
    expect(shown("en", timed).one).toBe(createFormatter("en", "Asia/Jakarta").when(timed.startsAt, false));
  });

  it("shows a month by its short name, as each language abbreviates it", () => {
    expect(shown("en", { datePrecision: "month" }).one).toBe("Sept 2017");
    expect(shown("id", { datePrecision: "month" }).one).toBe("Sep 2017");
    // The whole month is one date, not a range of its first and last days.
    expect(shown("en", { datePrecision: "month" }).range).toBe("Sept 2017");
  });

  it("shows a year alone", () => {
    expect(shown("en", { datePrecision: "year" }).one).toBe("2017");
    expect(shown("id", { datePrecision: "year" }).one).toBe("2017");
  });

  it("marks an approximate date in the reader's language", () => {
    expect(shown("en", { datePrecision: "month", dateApproximate: true }).one).toBe("c. Sept 2017");
    expect(shown("id", { datePrecision: "month", dateApproximate: true }).one).toBe("sekitar Sep 2017");
    expect(shown("en", { dateApproximate: true }).one).toBe("c. 1 Sept 2017");
    expect(shown("id", { datePrecision: "year", dateApproximate: true }).one).toBe("sekitar 2017");
  });

  it("joins months that differ into a range", () => {
    const span = { datePrecision: "month" as const, endsAt: new Date("2017-10-31T23:59:59Z") };
    expect(shown("en", span).range).toBe("Sept 2017 to Oct 2017");
  });
});

describe("the period a month or year is stored as", () => {
  const day = new Date("2017-09-14T00:00:00Z");
  const end = new Date("2017-09-14T23:59:59Z");

  it("spans from the first day to the last second of the last day, all day", () => {
    expect(periodSpan("month", day, end)).toEqual({
      startsAt: new Date("2017-09-01T00:00:00Z"),
      endsAt: new Date("2017-09-30T23:59:59Z"),
      allDay: true,
    });
    expect(periodSpan("year", day, end)).toEqual({
      startsAt: new Date("2017-01-01T00:00:00Z"),
      endsAt: new Date("2017-12-31T23:59:59Z"),
      allDay: true,
    });
    // December's month ends with the year; an end before the start counts as the start's period.
    expect(periodSpan("month", new Date("2023-12-05T00:00:00Z"), day).endsAt).toEqual(new Date("2023-12-31T23:59:59Z"));
  });

  it("leaves a day as given", () => {
    expect(periodSpan("day", day, end)).toEqual({ startsAt: day, endsAt: end });
  });

  it("writes ISO 8601 at the source's precision", () => {
    expect(isoAtPrecision(day, "day")).toBe("2017-09-14");
    expect(isoAtPrecision(day, "month")).toBe("2017-09");
    expect(isoAtPrecision(day, "year")).toBe("2017");
  });
});
