/**
 * A visit's secret links over HTTP (decision 21), on the production build and both drivers: the
 * calendars and a member's personal briefing answer a live token without a session and 404 for a
 * revoked, expired, garbled or another visit's one; a token opens nothing else; the briefing page
 * makes a link (shown once) and stops it; only editors touch a member's personal link. The model:
 * visit-links.test.ts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "../../db/schema";
import { issueVisitLink } from "../../app/models/visit-links.server";
import { decodeHtml, match } from "../support/http";
import { makePerson, makeVisit } from "../support/model-factories";
import { seededServer } from "../support/seeded-server";
import { drivers } from "../support/test-database";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

describe.each(drivers)("secret visit links over HTTP on %s", (driver) => {
  const app = seededServer(driver, "visit-links");
  const { cookies, users } = app;
  const ids = { visit: 0, other: 0, budi: 0, sari: 0 };
  const tokens = { calendar: "", budiCalendar: "", budiBriefing: "", revoked: "", expired: "" };

  beforeAll(() =>
    app.start(async (db) => {
      const actor = { userId: users.editor };
      ids.visit = (await makeVisit(db, {}, actor)).visit.activityId;
      ids.other = (await makeVisit(db, {}, actor)).visit.activityId;
      const member = async (name: string, dietaryNeeds: string) => {
        const person = await makePerson(db, { name }, actor);
        const [row] = await db
          .insert(t.visitMembers)
          .values({ visitId: ids.visit, personId: person.id, dietaryNeeds })
          .returning();
        return row!.id;
      };
      await db.insert(t.followUps).values({
        visitId: ids.visit,
        title: { en: "Internal follow-up for staff" },
        ownerId: users.editor,
        dueOn: "2025-07-01",
      });
      ids.budi = await member("Budi Linked", "Vegetarian meals");
      ids.sari = await member("Sari Linked", "Gluten-free meals");
      const link = async (purpose: "calendar" | "briefing", memberId: number | null, userId: number | null) =>
        (await issueVisitLink(db, actor, { visitId: ids.visit, purpose, memberId, userId }))!;
      tokens.calendar = (await link("calendar", null, users.viewer)).token;
      tokens.budiCalendar = (await link("calendar", ids.budi, null)).token;
      tokens.revoked = (await link("briefing", ids.budi, null)).token;
      // Made anew: the one before is revoked.
      tokens.budiBriefing = (await link("briefing", ids.budi, null)).token;
      const expired = await link("briefing", ids.sari, null);
      tokens.expired = expired.token;
      await db
        .update(t.visitLinks)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(t.visitLinks.id, expired.id));
    }),
  );
  afterAll(() => app.stop());

  const get = (address: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${address}`, { headers, redirect: "manual" });
  const post = (address: string, form: Record<string, string>, cookie: string) =>
    fetch(`${app.url}${address}`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { Origin: app.url, Cookie: cookie },
      redirect: "manual",
    });
  const q = (token: string) => `?${new URLSearchParams({ token })}`;
  const calendar = (visitId: number, memberId: number | null, token: string) =>
    get(`/visits/${visitId}/${memberId ? `members/${memberId}/` : ""}calendar.ics${q(token)}`);
  const personal = (visitId: number, memberId: number, token: string) =>
    get(`/visits/${visitId}/members/${memberId}/briefing${q(token)}`);

  it("answers a live calendar link without a session, and only for its own visit and calendar", async () => {
    const whole = await calendar(ids.visit, null, tokens.calendar);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(whole.headers.get("cache-control")).toBe("private, no-store");
    expect(await whole.text()).toContain("BEGIN:VCALENDAR");
    expect((await calendar(ids.visit, ids.budi, tokens.budiCalendar)).status).toBe(200);

    expect((await calendar(ids.other, null, tokens.calendar)).status).toBe(404);
    expect((await calendar(ids.visit, ids.budi, tokens.calendar)).status).toBe(404);
    expect((await calendar(ids.visit, ids.sari, tokens.budiCalendar)).status).toBe(404);
    expect((await calendar(ids.visit, null, tokens.budiCalendar)).status).toBe(404);
    expect((await calendar(ids.visit, null, "x".repeat(43))).status).toBe(404);
    // A token never falls back to a session, nor a session to a wrong token.
    expect((await get(`/visits/${ids.visit}/calendar.ics${q("nope")}`, { Cookie: cookies.viewer })).status).toBe(404);
    const anonymous = await get(`/visits/${ids.visit}/calendar.ics`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?/);
  });

  it("opens a member's own briefing by their link, with their needs only, and nothing else", async () => {
    const page = await personal(ids.visit, ids.budi, tokens.budiBriefing);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = decodeHtml(await page.text());
    expect(html).toContain("Budi Linked");
    expect(html).toContain("Vegetarian meals");
    expect(html).not.toContain("Gluten-free meals");
    // The cooperation's history stays behind sign-in, in the page and in its data.
    expect(html).not.toContain("Internal follow-up for staff");
    expect(html).toContain('name="robots" content="noindex"');
    // No editing form, no other member's version.
    expect(html).not.toContain('value="issue"');
    expect(html).not.toContain("makeCalendarLink");
    expect(html).not.toContain(`?member=${ids.sari}`);

    expect((await personal(ids.visit, ids.sari, tokens.budiBriefing)).status).toBe(404);
    expect((await personal(ids.other, ids.budi, tokens.budiBriefing)).status).toBe(404);
    expect((await personal(ids.visit, ids.budi, tokens.revoked)).status).toBe(404);
    expect((await personal(ids.visit, ids.sari, tokens.expired)).status).toBe(404);
    expect((await personal(ids.visit, ids.budi, tokens.budiCalendar)).status).toBe(404);
    expect((await get(`/visits/${ids.visit}/members/${ids.budi}/briefing`)).status).toBe(404);
    // The briefing's link is no calendar's, and opens no staff page.
    expect((await calendar(ids.visit, ids.budi, tokens.budiBriefing)).status).toBe(404);
    for (const staff of [`/visits/${ids.visit}/briefing`, `/visits/${ids.visit}/briefing.pdf`]) {
      const answer = await get(`${staff}${q(tokens.budiBriefing)}`);
      expect(answer.status, staff).toBe(302);
      expect(answer.headers.get("location"), staff).toMatch(/^\/login\?/);
    }
  });

  /** The address a "make a link" answer shows once. */
  async function made(answer: Response, pathPart: string) {
    expect(answer.status).toBe(200);
    const html = decodeHtml(await answer.text());
    return match(html, new RegExp(`value="${app.url}(${pathPart}\\?token=[A-Za-z0-9_-]{43})"`), pathPart);
  }

  it("makes a reader's calendar link on the briefing page, shown once; a new one retires it, stopping ends it", async () => {
    const page = `/visits/${ids.visit}/briefing?member=${ids.sari}`;
    const address = `/visits/${ids.visit}/members/${ids.sari}/calendar.ics`;
    const first = await made(
      await post(page, { intent: "makeCalendarLink", member: String(ids.sari) }, cookies.viewer),
      address,
    );
    expect((await get(first)).status).toBe(200);
    // The page read again says a link exists, never its address.
    const again = decodeHtml(await (await get(page, { Cookie: cookies.viewer })).text());
    expect(again).not.toContain(first.split("token=")[1]);

    const second = await made(
      await post(page, { intent: "makeCalendarLink", member: String(ids.sari) }, cookies.viewer),
      address,
    );
    expect((await get(first)).status).toBe(404);
    expect((await get(second)).status).toBe(200);
    const stopped = await post(page, { intent: "stopCalendarLink", member: String(ids.sari) }, cookies.viewer);
    expect(stopped.status).toBe(302);
    expect(stopped.headers.get("location")).toBe(page);
    expect((await get(second)).status).toBe(404);
    // A member of no such visit: no link.
    const ghost = await post(page, { intent: "makeCalendarLink", member: "2000000000" }, cookies.viewer);
    expect(ghost.status).toBe(404);
  });

  it("lets only editors make and stop a member's personal link; stopping ends the member's calendar link too", async () => {
    const page = `/visits/${ids.visit}/briefing?member=${ids.budi}`;
    const form = { intent: "makeMemberLink", member: String(ids.budi) };
    expect((await post(page, form, cookies.viewer)).status).toBe(403);
    expect((await post(page, { ...form, intent: "stopMemberLink" }, cookies.viewer)).status).toBe(403);
    expect((await personal(ids.visit, ids.budi, tokens.budiBriefing)).status).toBe(200);

    const fresh = await made(
      await post(page, form, cookies.editor),
      `/visits/${ids.visit}/members/${ids.budi}/briefing`,
    );
    expect((await personal(ids.visit, ids.budi, tokens.budiBriefing)).status).toBe(404);
    expect((await get(fresh)).status).toBe(200);
    expect((await post(page, { ...form, intent: "stopMemberLink" }, cookies.editor)).status).toBe(302);
    expect((await get(fresh)).status).toBe(404);
    expect((await calendar(ids.visit, ids.budi, tokens.budiCalendar)).status).toBe(404);
  });
});
