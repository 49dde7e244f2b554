import { describe, expect, it } from "vitest";
import {
  agreementStateAt,
  agreementStateOf,
  expiringDays,
  type Renewal,
  type StatusDates,
} from "../../app/lib/agreement-status";

const plan: StatusDates = { status: "in_force", inForceFrom: "2024-07-01", inForceUntil: "2026-07-01" };
const at = (a: StatusDates, today: string, renewals: Renewal[] = []) => agreementStateOf(a, renewals, today);

describe("an agreement's one status", () => {
  it("is signed before its first day and in force from it", () => {
    expect(at(plan, "2024-06-30")).toBe("signed");
    expect(at(plan, "2024-07-01")).toBe("in_force");
    // The recorded status does not hold against the dates: a plan recorded as signed is in force once its day comes.
    expect(at({ ...plan, status: "signed" }, "2025-01-01")).toBe("in_force");
    expect(at({ ...plan, status: "in_force" }, "2024-06-30")).toBe("signed");
  });

  it(`is expiring with ${expiringDays} days or fewer left, its last day included, and expired the day after`, () => {
    expect(at(plan, "2026-04-01")).toBe("in_force"); // 91 days left
    expect(at(plan, "2026-04-02")).toBe("expiring"); // 90 days left
    expect(at(plan, "2026-07-01")).toBe("expiring"); // its last day
    expect(at(plan, "2026-07-02")).toBe("expired");
  });

  it("never expires without an end date", () => {
    expect(at({ ...plan, inForceUntil: null }, "2099-01-01")).toBe("in_force");
  });

  it("keeps draft and terminated as recorded, whatever the dates and renewals say", () => {
    const renewal: Renewal = { status: "in_force", inForceFrom: "2025-01-01" };
    for (const today of ["2024-01-01", "2025-06-01", "2026-06-01", "2027-01-01"]) {
      expect(at({ ...plan, status: "draft" }, today, [renewal])).toBe("draft");
      expect(at({ ...plan, status: "terminated" }, today, [renewal])).toBe("terminated");
    }
  });

  it("is renewed once a renewal takes effect, not before, and never by a draft", () => {
    const mou: StatusDates = { status: "signed", inForceFrom: "2017-07-24", inForceUntil: null };
    const renewal: Renewal = { status: "in_force", inForceFrom: "2024-07-01" };
    expect(at(mou, "2024-06-30", [renewal])).toBe("in_force");
    expect(at(mou, "2024-07-01", [renewal])).toBe("renewed");
    expect(at(mou, "2024-07-01", [{ ...renewal, status: "draft" }])).toBe("in_force");
    // A renewal with no start date is in effect as soon as it is recorded beyond a draft.
    expect(at(mou, "2020-01-01", [{ status: "signed", inForceFrom: null }])).toBe("renewed");
    // Renewed outranks expired: the agreement did not lapse, it was continued.
    expect(at({ ...mou, inForceUntil: "2024-06-30" }, "2025-01-01", [renewal])).toBe("renewed");
  });

  it("falls back on the recorded status when no start date is given", () => {
    const undated = { inForceFrom: null, inForceUntil: null };
    expect(at({ ...undated, status: "signed" }, "2025-01-01")).toBe("signed");
    expect(at({ ...undated, status: "in_force" }, "2025-01-01")).toBe("in_force");
    expect(at({ ...undated, status: "expired" }, "2025-01-01")).toBe("expired");
    // An end date still decides, with or without a start.
    expect(at({ status: "in_force", inForceFrom: null, inForceUntil: "2025-02-01" }, "2025-01-01")).toBe("expiring");
    expect(at({ status: "in_force", inForceFrom: null, inForceUntil: "2024-12-31" }, "2025-01-01")).toBe("expired");
    expect(at({ status: "signed", inForceFrom: null, inForceUntil: "2025-02-01" }, "2025-01-01")).toBe("signed");
  });

  it("is computed on the viewer's calendar: one instant, two days, two statuses", () => {
    // 19:00 UTC on 1 July 2026 is already 2 July in Jakarta (UTC+7) and still 1 July in Baku (UTC+4).
    const instant = new Date("2026-07-01T19:00:00Z");
    expect(agreementStateAt(plan, [], instant, "Asia/Jakarta")).toBe("expired");
    expect(agreementStateAt(plan, [], instant, "Asia/Baku")).toBe("expiring");
    expect(agreementStateAt(plan, [], instant, "UTC")).toBe("expiring");
    // 22:00 UTC on 30 June 2024: 1 July, the first day, in Jakarta; still 30 June in London.
    const eve = new Date("2024-06-30T22:00:00Z");
    expect(agreementStateAt(plan, [], eve, "Asia/Jakarta")).toBe("in_force");
    expect(agreementStateAt(plan, [], eve, "Europe/London")).toBe("signed");
  });
});
