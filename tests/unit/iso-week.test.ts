import { expect, it } from "vitest";
import { isoWeek } from "../../app/mail/digest-due.server";

// The weekly digest's dedupe key names the ISO week of the reader's Monday: a year's last days may
// belong to the next year's week 1, and its first days to the last year's week 52 or 53.
it("names the ISO week of a day, across year boundaries", () => {
  expect(isoWeek("2026-11-30")).toBe("2026-W49");
  expect(isoWeek("2026-12-28")).toBe("2026-W53");
  expect(isoWeek("2027-01-01")).toBe("2026-W53");
  expect(isoWeek("2024-12-30")).toBe("2025-W01");
  expect(isoWeek("2021-01-04")).toBe("2021-W01");
  expect(isoWeek("2020-12-31")).toBe("2020-W53");
});
