import { describe, expect, it } from "vitest";
import { namesTag, pageTag, type PageInputs } from "../../app/lib/page-tag.server";

const page: PageInputs = {
  buildVersion: "build-1",
  url: "http://127.0.0.1:3000/activities?type=visit",
  userId: 7,
  language: "en",
  timeZone: "Asia/Jakarta",
  // 10:00 in Jakarta
  now: new Date("2026-11-28T03:00:00Z"),
  version: { auditId: 120, auditRecent: 120 },
};

describe("a page's ETag", () => {
  it("is the same for the same inputs at another hour of the same day", () => {
    expect(pageTag({ ...page, now: new Date("2026-11-28T16:59:00Z") })).toBe(pageTag(page));
  });

  it("changes with the viewer's day, in the viewer's zone", () => {
    // 00:00 of the 29th in Jakarta, still the 28th in UTC
    expect(pageTag({ ...page, now: new Date("2026-11-28T17:00:00Z") })).not.toBe(pageTag(page));
    expect(pageTag({ ...page, timeZone: "UTC", now: new Date("2026-11-28T17:00:00Z") })).toBe(
      pageTag({ ...page, timeZone: "UTC" }),
    );
  });

  it("changes with every other input", () => {
    const tag = pageTag(page);
    const changed: Partial<PageInputs>[] = [
      { buildVersion: "build-2" },
      { url: "http://127.0.0.1:3000/activities?type=workshop" },
      { url: "http://127.0.0.1:3000/activities.data?type=visit" },
      { url: "https://jembatan.example.org/activities?type=visit" },
      { userId: 8 },
      { language: "id" },
      { timeZone: "Asia/Baku" },
      { version: { auditId: 121, auditRecent: 121 } },
      // a change that committed after a later one: same newest id, one more row among the recent
      { version: { auditId: 120, auditRecent: 121 } },
    ];
    for (const change of changed) expect(pageTag({ ...page, ...change }), JSON.stringify(change)).not.toBe(tag);
  });

  it("moves with the clock period of a page that asks for one", () => {
    const periodMs = 5 * 60_000;
    const at = (iso: string) => pageTag({ ...page, periodMs, now: new Date(iso) });
    expect(at("2026-11-28T03:01:00Z")).toBe(at("2026-11-28T03:04:59Z"));
    expect(at("2026-11-28T03:04:59Z")).not.toBe(at("2026-11-28T03:05:00Z"));
  });

  it("is weak and matched weakly, in a list or as *", () => {
    const tag = pageTag(page);
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(namesTag(tag, tag)).toBe(true);
    expect(namesTag(tag.slice(2), tag)).toBe(true);
    expect(namesTag(`W/"other", ${tag}`, tag)).toBe(true);
    expect(namesTag("*", tag)).toBe(true);
    expect(namesTag(`W/"other"`, tag)).toBe(false);
    expect(namesTag(null, tag)).toBe(false);
  });
});
