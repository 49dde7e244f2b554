import { describe, expect, it } from "vitest";
import { canonicalTimeZone, createFormatter, isTimeZone } from "../../app/lib/format";
import { exportFormatter } from "../../app/lib/export-formatter.server";
import { en } from "../../app/i18n/locales/en";
import { id } from "../../app/i18n/locales/id";

describe("dates in the viewer's time zone", () => {
  const instant = "2024-06-30T20:30:00Z";

  it("shows an instant on the local calendar day: Jakarta is UTC+7, Baku UTC+4", () => {
    expect(createFormatter("en", "Asia/Jakarta").dateTime(instant)).toMatch(/1 Jul 2024.*03:30/);
    expect(createFormatter("en", "Asia/Baku").dateTime(instant)).toMatch(/1 Jul 2024.*00:30/);
    expect(createFormatter("en", "UTC").dateTime(instant)).toMatch(/30 Jun 2024.*20:30/);
  });

  it("shows a calendar date as the same day in every zone", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Baku", "America/Los_Angeles"]) {
      expect(createFormatter("en", zone).day("2017-07-24")).toBe("24 Jul 2017");
    }
    expect(createFormatter("id", "Asia/Jakarta").day("2017-07-24")).toBe("24 Jul 2017");
    expect(createFormatter("id", "Asia/Jakarta").when(new Date("2016-11-10T00:00:00Z"), true)).toMatch(/10 Nov 2016/);
  });

  it("writes the exports' instants as Intl does, put together from the day and the zone's clock", () => {
    // Every 7 hours and 13 minutes over two years: all hours, both sides of midnight, DST changes.
    const instants = Array.from({ length: 2500 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 433 * 60_000));
    for (const lang of ["en", "id", "az"] as const) {
      for (const zone of ["Asia/Jakarta", "Asia/Baku", "Europe/London", "America/Los_Angeles", "Asia/Kolkata"]) {
        const intl = createFormatter(lang, zone);
        const fast = exportFormatter(lang, zone);
        // Put together, not Intl's own (which it returns where it cannot learn the shape).
        expect(fast).not.toBe(intl);
        for (const instant of instants) {
          expect(fast.dateTime(instant), `${lang} ${zone} ${instant.toISOString()}`).toBe(intl.dateTime(instant));
          expect(fast.when(instant, false)).toBe(intl.when(instant, false));
        }
        expect(fast.when(new Date("2016-11-10T00:00:00Z"), true)).toBe(
          intl.when(new Date("2016-11-10T00:00:00Z"), true),
        );
      }
    }
  });

  it("recognises time zones", () => {
    expect(isTimeZone("Asia/Baku")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    // One spelling per zone: it keys caches.
    expect(canonicalTimeZone("asia/JAKARTA")).toBe("Asia/Jakarta");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(isTimeZone(undefined)).toBe(false);
  });
});

describe("translations", () => {
  it("give every English string an Indonesian one, with the same placeholders", () => {
    const flatten = (o: object, prefix = ""): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
      );
    const idStrings = new Map(flatten(id));
    for (const [key, text] of flatten(en)) {
      const translated = idStrings.get(key);
      expect(translated, key).toBeTruthy();
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(translated!), key).toEqual(placeholders(text));
    }
  });
});

describe("zoned wall-clock time", async () => {
  const { zonedToUtc, utcToZoned, zonedClock } = await import("../../app/lib/zoned-time");

  it("converts Jakarta (UTC+7) and Baku (UTC+4) local times to UTC and back", () => {
    expect(zonedToUtc("2024-07-01", "09:00", "Asia/Jakarta").toISOString()).toBe("2024-07-01T02:00:00.000Z");
    expect(zonedToUtc("2023-10-10", "00:30", "Asia/Baku").toISOString()).toBe("2023-10-09T20:30:00.000Z");
    expect(utcToZoned(new Date("2023-10-09T20:30:00Z"), "Asia/Baku")).toEqual({ date: "2023-10-10", time: "00:30" });
  });

  it("handles a daylight-saving zone on both sides of the change", () => {
    expect(zonedToUtc("2024-03-30", "12:00", "Europe/Berlin").toISOString()).toBe("2024-03-30T11:00:00.000Z");
    expect(zonedToUtc("2024-04-01", "12:00", "Europe/Berlin").toISOString()).toBe("2024-04-01T10:00:00.000Z");
  });

  it("converts many instants alike, also through the day a zone changes its clock", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Baku", "Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe"]) {
      const clock = zonedClock(zone);
      // Every 17 minutes across Berlin's March and October 2024 changes and beyond.
      for (let ms = Date.UTC(2024, 2, 29); ms < Date.UTC(2024, 9, 29); ms += 17 * 60_000 * 31) {
        expect(clock(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toEqual(utcToZoned(new Date(ms), zone));
      }
      for (let ms = Date.UTC(2024, 9, 26); ms < Date.UTC(2024, 9, 28); ms += 7 * 60_000) {
        expect(clock(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toEqual(utcToZoned(new Date(ms), zone));
      }
    }
  });
});
