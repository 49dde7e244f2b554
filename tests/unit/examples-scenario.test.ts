import { describe, expect, it } from "vitest";
import { addDays } from "../../app/lib/calendar-days";
import { exampleScenario } from "../../app/seed/examples-scenario";

/** The first day of `day`'s quarter, moved by `offset` quarters. */
function quarterOf(day: string, offset = 0) {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 4 + Math.floor((m - 1) / 3) + offset;
  return `${Math.floor(index / 4)}-${String((index % 4) * 3 + 1).padStart(2, "0")}-01`;
}

// Every day of two years, a leap day and each quarter's first and last days among them.
const dates = Array.from({ length: 2 * 366 }, (_, i) => addDays("2026-01-01", i));

describe("the example scenario", () => {
  it("has an action plan in force on the day it is dated from, for any date", () => {
    for (const today of dates) {
      const { plan } = exampleScenario(today);
      expect(plan.inForceFrom <= today && today <= plan.inForceUntil, today).toBe(true);
    }
  });

  it("has at least one activity in the next 30 days, for any date and a few days after it", () => {
    for (const today of dates) {
      const scenario = exampleScenario(today);
      const starts = [...scenario.activities.map((a) => a.startsOn), scenario.visit.startsOn];
      // The demo re-dates examples older than a few days: they must still hold until then.
      for (const later of [0, 3, 4].map((d) => addDays(today, d))) {
        expect(
          starts.some((s) => s >= later && s < addDays(later, 30)),
          `${today} seen on ${later}`,
        ).toBe(true);
      }
    }
  });

  it("has activities in each of the last four quarters, this one included", () => {
    for (const today of dates) {
      const scenario = exampleScenario(today);
      const starts = [...scenario.activities.map((a) => a.startsOn), scenario.visit.startsOn];
      for (const back of [0, -1, -2, -3]) {
        const from = quarterOf(today, back);
        const until = quarterOf(today, back + 1);
        expect(
          starts.some((s) => s >= from && s < until),
          `${today}: quarter from ${from}`,
        ).toBe(true);
      }
    }
  });

  it("says in every title, in each language, that it is an example, and rates commitments at every stage", () => {
    const scenario = exampleScenario("2026-11-28");
    const titles = [
      scenario.plan.title,
      scenario.visit.title,
      ...scenario.activities.map((a) => a.title),
      ...scenario.commitments.map((c) => c.text),
      ...scenario.visit.followUps.map((f) => f.title),
    ];
    for (const title of titles) {
      expect(title.en).toMatch(/^Example: /);
      expect(title.id).toMatch(/^Contoh: /);
      expect(title.az).toMatch(/^Nümunə: /);
    }
    expect(new Set(scenario.commitments.map((c) => c.status))).toEqual(
      new Set(["not_assessed", "not_started", "limited", "substantial", "complete"]),
    );
    for (const c of scenario.commitments) expect(c.assessment === null).toBe(c.status === "not_assessed");
    for (const c of scenario.commitments) if (c.assessment) expect(c.assessment.assessedOn <= "2026-11-28").toBe(true);
    expect(scenario.visit.followUps.some((f) => f.status === "open" && f.dueOn < "2026-11-28")).toBe(true);
    expect(scenario.people.every((p) => /Example/.test(p.name))).toBe(true);
  });

  it("dates the itinerary within the visit and the past sessions as completed", () => {
    const scenario = exampleScenario("2026-11-28");
    for (const item of scenario.visit.itinerary) expect(item.day).toBeLessThan(scenario.visit.days);
    for (const a of scenario.activities) expect(a.status === "completed").toBe(a.startsOn < "2026-11-28");
  });
});
