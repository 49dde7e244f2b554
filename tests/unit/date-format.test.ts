import { describe, expect, it } from "vitest";
import { dateFormat, numberFormat } from "../../app/lib/date-format";

// Node's Intl has Azerbaijani (full ICU); the hand-written format must read the same, so a page the
// server rendered reads the same once a browser without Azerbaijani hydrates it.
const instants = ["2024-01-05T08:30:00Z", "2023-10-10T23:15:00Z", "2017-09-30T12:00:00Z", "2026-05-01T00:00:00Z"];
const styles: Intl.DateTimeFormatOptions[] = [
  { dateStyle: "medium", timeZone: "UTC" },
  { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Baku" },
  { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" },
  { dateStyle: "full", timeZone: "UTC" },
  { month: "long", year: "numeric", timeZone: "UTC" },
  { month: "short", year: "numeric", timeZone: "UTC" },
  { year: "numeric", timeZone: "UTC" },
];

describe("Azerbaijani dates and numbers", () => {
  it("read as Intl's Azerbaijani", () => {
    for (const options of styles) {
      for (const instant of instants) {
        const date = new Date(instant);
        expect(dateFormat("az", options).format(date), JSON.stringify(options)).toBe(
          new Intl.DateTimeFormat("az", options).format(date),
        );
      }
    }
  });

  it("name the months in Azerbaijani", () => {
    expect(dateFormat("az", { dateStyle: "full", timeZone: "UTC" }).format(new Date("2024-07-01T00:00:00Z"))).toBe(
      "1 iyul 2024, bazar ertəsi",
    );
  });

  it("group and separate numbers as Azerbaijani does", () => {
    expect(numberFormat("az").format(12345.6)).toBe(new Intl.NumberFormat("az").format(12345.6));
  });
});
