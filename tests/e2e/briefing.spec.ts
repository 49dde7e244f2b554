import type { Browser, BrowserContextOptions } from "@playwright/test";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { zonedToUtc } from "../../app/lib/zoned-time";
import { makeUser, makeVisit } from "../support/model-factories";
import { startFixtureServer } from "../support/fixture-server";
import type { RunningServer } from "../support/server-process";
import { addSession, expect, gotoHydrated, installHydrationProbe, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * A visit's briefing pack (issue 12 items 6, 7, 10): the whole delegation's briefing in English and
 * Indonesian, a member's own version, who sees dietary needs, the printed page, the PDF and the
 * calendars, and issuing it. The visit, its delegation and itinerary are made in the database before
 * this file's own server starts (PGlite is one process's database), as the delegation's tests do.
 */

test.describe.configure({ mode: "serial" });

const password = "a long enough password";
const editor = { email: `briefing-editor-${uniqueSuffix()}@example.org`, password };
/** A viewer who is the delegation's head: her own version shows her needs. */
const head = { email: `briefing-head-${uniqueSuffix()}@example.org`, password };
const viewer = { email: `briefing-viewer-${uniqueSuffix()}@example.org`, password };
const fixture = { visit: 0, head: 0, budi: 0 };

let server: RunningServer;
let stop: (() => Promise<void>) | undefined;

async function fill(db: Database) {
  await makeUser(db, { ...editor, role: "editor" });
  const headUser = await makeUser(db, { ...head, name: "Rini Widyantini", role: "viewer" });
  await makeUser(db, { ...viewer, role: "viewer" });
  const { visit } = await makeVisit(db, {
    title: { en: "Study visit to ASAN Xidmat", id: "Kunjungan studi ke ASAN Xidmat" },
    objectives: { en: "Learn how one-stop centres are run", id: "Mempelajari cara pusat layanan terpadu dikelola" },
  });
  fixture.visit = visit.activityId;
  const [rini, budi, ulvi] = await db
    .insert(t.people)
    .values([
      { slug: `briefing-e2e-rini-${uniqueSuffix()}`, name: "Rini Widyantini", userId: headUser.id },
      { slug: `briefing-e2e-budi-${uniqueSuffix()}`, name: "Budi Santoso", email: "budi@example.org" },
      { slug: `briefing-e2e-ulvi-${uniqueSuffix()}`, name: "Ulvi Mehdiyev" },
    ])
    .returning();
  const [headMember, budiMember] = await db
    .insert(t.visitMembers)
    .values([
      {
        visitId: fixture.visit,
        personId: rini!.id,
        role: "head",
        position: 0,
        dietaryNeeds: "Halal meals",
        hotel: "Hotel Excelsior Baku",
        arrivalMode: "flight",
        arrivalRef: "J2 9001",
        arrivalAt: new Date("2025-06-09T16:00:00Z"),
      },
      { visitId: fixture.visit, personId: budi!.id, position: 1, dietaryNeeds: "Vegetarian", hotel: "Park Inn" },
      { visitId: fixture.visit, personId: ulvi!.id, side: "host", role: "counterpart" },
    ])
    .returning();
  fixture.head = headMember!.id;
  fixture.budi = budiMember!.id;
  const at = (date: string, start: string, end: string, zone: string) => ({
    startsAt: zonedToUtc(date, start, zone),
    endsAt: zonedToUtc(date, end, zone),
    timeZone: zone,
  });
  const [, call, dinner] = await db
    .insert(t.itineraryItems)
    .values([
      {
        visitId: fixture.visit,
        ...at("2025-06-10", "09:00", "11:00", "Asia/Baku"),
        title: { en: "Opening meeting at ASAN Xidmat", id: "Pertemuan pembuka di ASAN Xidmat" },
        placeName: "ASAN Xidmat Centre No. 1",
        address: "Baku",
      },
      {
        visitId: fixture.visit,
        ...at("2025-06-11", "10:00", "11:00", "Asia/Jakarta"),
        title: { en: "Video call with Jakarta" },
        allMembers: false,
      },
      {
        visitId: fixture.visit,
        ...at("2025-06-10", "19:00", "21:00", "Asia/Baku"),
        title: { en: "Dinner with the agency's chair" },
        allMembers: false,
      },
    ])
    .returning();
  await db.insert(t.itineraryItemMembers).values([
    { itemId: call!.id, memberId: fixture.budi },
    { itemId: dinner!.id, memberId: fixture.head },
  ]);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ server, stop } = await startFixtureServer("briefing", fill));
});
test.afterAll(() => stop?.());

async function signedIn(browser: Browser, who: typeof editor, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB", ...options });
  await installHydrationProbe(context);
  await addSession(context, server.url, who);
  return { context, page: await context.newPage() };
}

const briefing = (member?: number) => `/visits/${fixture.visit}/briefing${member ? `?member=${member}` : ""}`;

test("an editor reads the whole briefing in English and Indonesian, and issues it", async ({ browser }) => {
  const { context, page } = await signedIn(browser, editor, { viewport: phone });
  try {
    await gotoHydrated(page, briefing());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Briefing: Study visit to ASAN Xidmat");
    await expect(page.getByRole("region", { name: "Delegation" })).toContainText("Head of delegation");
    await expect(page.getByRole("region", { name: "Host counterparts" })).toContainText("Ulvi Mehdiyev");
    const programme = page.getByRole("region", { name: "Programme" });
    await expect(programme.getByRole("heading", { level: 3 })).toHaveText([
      "Tuesday, 10 June 2025",
      "Wednesday, 11 June 2025",
    ]);
    await expect(programme).toContainText("Baku 09:00–11:00");
    await expect(programme).toContainText("Jakarta 10:00–11:00");
    // The editors see the delegation's needs.
    await expect(page.getByRole("region", { name: "Needs" })).toContainText("Halal meals");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.getByRole("button", { name: "Issue the briefing" }).click();
    await expect(page.getByText("The briefing was issued to the delegation.")).toBeVisible();
    await expect(page.getByText(/^Issued on /)).toBeVisible();
    await expect(page.getByRole("button", { name: "Issue the briefing again" })).toBeVisible();
  } finally {
    await context.close();
  }

  const indonesian = await signedIn(browser, editor, { locale: "id-ID" });
  try {
    await gotoHydrated(indonesian.page, briefing());
    await expect(indonesian.page.getByRole("heading", { level: 1 })).toHaveText(
      "Pengarahan: Kunjungan studi ke ASAN Xidmat",
    );
    await expect(indonesian.page.getByText("Mempelajari cara pusat layanan terpadu dikelola")).toBeVisible();
    const programme = indonesian.page.getByRole("region", { name: "Program" });
    await expect(programme.getByRole("heading", { level: 3 }).first()).toHaveText("Selasa, 10 Juni 2025");
    await expect(programme).toContainText("Pertemuan pembuka di ASAN Xidmat");
    await expectNoAxeViolations(indonesian.page);
  } finally {
    await indonesian.context.close();
  }
});

test("a member's version holds only their items and their own travel", async ({ browser }) => {
  const { context, page } = await signedIn(browser, editor, { viewport: phone });
  try {
    await gotoHydrated(page, briefing());
    await page.getByText("Versions of the briefing").click();
    await page.getByRole("link", { name: "Version for Budi Santoso" }).click();
    await expect(page).toHaveURL(new RegExp(`member=${fixture.budi}$`));
    await expect(page.getByText("Version for Budi Santoso").first()).toBeVisible();
    const programme = page.getByRole("region", { name: "Your programme" });
    await expect(programme).toContainText("Opening meeting at ASAN Xidmat");
    await expect(programme).toContainText("Video call with Jakarta");
    await expect(programme).not.toContainText("Dinner with the agency's chair");
    const travel = page.getByRole("region", { name: "Your travel and hotel" });
    await expect(travel).toContainText("Park Inn");
    await expect(page.getByText("Hotel Excelsior Baku")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Your needs" })).toContainText("Vegetarian");
    await expect(page.getByText("Halal meals")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Calendar (.ics)" })).toHaveAttribute(
      "href",
      `/visits/${fixture.visit}/members/${fixture.budi}/calendar.ics`,
    );
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
  } finally {
    await context.close();
  }
});

test("a viewer's briefing shows no dietary needs; the member sees her own in her version", async ({ browser }) => {
  const reader = await signedIn(browser, viewer, { viewport: phone });
  try {
    for (const address of [briefing(), briefing(fixture.head), briefing(fixture.budi)]) {
      await gotoHydrated(reader.page, address);
      await expect(reader.page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(reader.page.getByText("Halal meals")).toHaveCount(0);
      await expect(reader.page.getByText("Vegetarian")).toHaveCount(0);
    }
    await expect(reader.page.getByRole("button", { name: /Issue the briefing/ })).toHaveCount(0);
    const post = await reader.page.request.post(briefing(), {
      form: { intent: "issue", version: "1", itineraryVersion: "1", delegationVersion: "1" },
      headers: { Origin: server.url },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    await expectNoAxeViolations(reader.page);
  } finally {
    await reader.context.close();
  }

  const member = await signedIn(browser, head);
  try {
    await gotoHydrated(member.page, briefing(fixture.head));
    await expect(member.page.getByRole("region", { name: "Your needs" })).toContainText("Halal meals");
    await expect(member.page.getByRole("region", { name: "Your programme" })).toContainText(
      "Dinner with the agency's chair",
    );
    // Her briefing for the whole delegation is a viewer's like any other's.
    await gotoHydrated(member.page, briefing());
    await expect(member.page.getByText("Halal meals")).toHaveCount(0);
  } finally {
    await member.context.close();
  }
});

test("printed, the briefing leaves out the navigation, its tools and the buttons", async ({ browser }) => {
  const { context, page } = await signedIn(browser, editor);
  try {
    await gotoHydrated(page, briefing());
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Programme" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Briefing" })).toBeHidden();
    await expect(page.getByRole("button", { name: /Issue the briefing/ })).toBeHidden();
    const visibleButtons = await page
      .locator("button, .button, input[type=submit]")
      .evaluateAll((all) => all.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML));
    expect(visibleButtons).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the PDF and the calendars download for staff, and for nobody else", async ({ browser, playwright }) => {
  const { context, page } = await signedIn(browser, viewer);
  try {
    const pdf = await page.request.get(`/visits/${fixture.visit}/briefing.pdf?member=${fixture.budi}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toBe(
      'attachment; filename="briefing-study-visit-to-asan-xidmat-2025-06-10-budi-santoso.pdf"',
    );
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const ics = await page.request.get(`/visits/${fixture.visit}/members/${fixture.budi}/calendar.ics`);
    expect(ics.status()).toBe(200);
    const text = await ics.text();
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Baku");
    expect(text).toContain("DTSTART;TZID=Asia/Jakarta:20250611T100000");
    expect((await page.request.get(`/visits/${fixture.visit}/calendar.ics`)).status()).toBe(200);
    expect((await page.request.get(`/visits/${fixture.visit}/briefing.pdf?member=abc`)).status()).toBe(404);
  } finally {
    await context.close();
  }
  const anonymous = await playwright.request.newContext({ baseURL: server.url });
  try {
    for (const address of [
      `/visits/${fixture.visit}/briefing.pdf`,
      `/visits/${fixture.visit}/calendar.ics`,
      briefing(),
    ]) {
      const response = await anonymous.get(address, { maxRedirects: 0 });
      expect(response.status(), address).toBe(302);
      expect(response.headers()["location"], address).toMatch(/^\/login\?/);
    }
  } finally {
    await anonymous.dispose();
  }
});

const linksRegion = "Links that open without signing in";

test("a calendar subscription is made on the briefing page, shown once, and answers a calendar app without a session", async ({
  browser,
  playwright,
}) => {
  const { context, page } = await signedIn(browser, viewer, { viewport: phone });
  let address = "";
  try {
    await gotoHydrated(page, briefing(fixture.budi));
    const links = page.getByRole("region", { name: linksRegion });
    await expect(links).toContainText("You have no subscription link for this calendar.");
    // A viewer makes calendar links for herself, never a member's personal link.
    await expect(links.getByRole("button", { name: "Make a personal link" })).toHaveCount(0);
    await links.getByRole("button", { name: "Make a subscription link" }).click();
    address = await links.getByLabel("Link address").inputValue();
    expect(address).toMatch(
      new RegExp(`/visits/${fixture.visit}/members/${fixture.budi}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}$`),
    );
    await expect(links).toContainText("You made a subscription link on");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    // Read again, the page says a link is live but shows it no more.
    await gotoHydrated(page, briefing(fixture.budi));
    await expect(links.getByLabel("Link address")).toHaveCount(0);
    await expect(links.getByRole("button", { name: "Stop the link" })).toBeVisible();
  } finally {
    await context.close();
  }
  const calendarApp = await playwright.request.newContext();
  try {
    const ics = await calendarApp.get(address, { maxRedirects: 0 });
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
  } finally {
    await calendarApp.dispose();
  }
});

test("an editor makes a member's personal link; the member, without an account, reads her own briefing by it", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, editor);
  let address = "";
  try {
    await gotoHydrated(page, briefing(fixture.budi));
    const links = page.getByRole("region", { name: linksRegion });
    // Issuing the briefing (above) mailed him one already: a new one retires it.
    await links.getByRole("button", { name: /^Make a (new|personal) link$/ }).click();
    address = await links.getByLabel("Link address").inputValue();
    expect(address).toMatch(new RegExp(`/visits/${fixture.visit}/members/${fixture.budi}/briefing\\?token=`));
  } finally {
    await context.close();
  }
  const member = await browser.newContext({ baseURL: server.url, locale: "en-GB", viewport: phone });
  await installHydrationProbe(member);
  try {
    const memberPage = await member.newPage();
    await gotoHydrated(memberPage, address);
    await expect(memberPage.getByText("Version for Budi Santoso").first()).toBeVisible();
    await expect(memberPage.getByRole("region", { name: "Your needs" })).toContainText("Vegetarian");
    await expect(memberPage.getByRole("region", { name: "Your programme" })).toContainText("Video call with Jakarta");
    await expect(memberPage.getByText("Halal meals")).toHaveCount(0);
    await expect(memberPage.getByRole("region", { name: linksRegion })).toHaveCount(0);
    await expectNoAxeViolations(memberPage);
    await expectFitsPhone(memberPage);
  } finally {
    await member.close();
  }
});
