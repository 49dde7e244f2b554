import type { APIResponse, Browser, BrowserContextOptions, Page } from "@playwright/test";
import ICAL from "ical.js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { makeUser } from "../support/model-factories";
import { startFixtureServer } from "../support/fixture-server";
import type { RunningServer } from "../support/server-process";
import {
  addSession,
  expect,
  gotoHydrated,
  installHydrationProbe,
  test,
  uniqueSuffix,
  waitForHydration,
} from "./fixtures";

/*
 * Issue 12 end to end, through the pages as an editor uses them: an incoming visit made on
 * /visits/new, its delegation of three (one person new to the app, added from the delegation form),
 * a two-day itinerary in Baku's and Jakarta's time, two follow-ups; then the visit's page, the
 * briefing, its PDF (read by pdf.js) and each member's calendar (read by ical.js) all show them.
 * Then who sees a member's dietary needs. (The overdue follow-up on the dashboard and its owner's
 * account page is proven by follow-ups.spec.ts.) Only the users and two known people are made
 * through the database (with the content, for the partners' zones) before this file's own server
 * starts.
 */

test.describe.configure({ mode: "serial" });

const password = "a long enough password";
const editor = { email: `journey-editor-${uniqueSuffix()}@example.org`, password, name: "Fitri Rahmawati" };
/** A viewer who is a member of the delegation (its head): her own version shows her needs. */
const member = { email: `journey-member-${uniqueSuffix()}@example.org`, password, name: "Ratna Kusuma" };
const viewer = { email: `journey-viewer-${uniqueSuffix()}@example.org`, password, name: "Andi Pratama" };

const title = "Study visit to ASAN Xidmat";
const members = ["Ratna Kusuma", "Budi Santoso", "Dewi Lestari"];
const items = { first: "Visit to ASAN Xidmat No. 1", second: "Debrief with the ministry in Jakarta" };
const followUps = ["Send the MPP handbook to ASAN", "Agree the dates of the return visit"];
const dietary = "Halal meals, no nuts";
const journey = { visit: 0 };

let server: RunningServer;
let stop: (() => Promise<void>) | undefined;

async function fill(db: Database) {
  // The partners' countries and zones: an item's other side's clock comes from them.
  await seedContent(db, { demo: false });
  await makeUser(db, { ...editor, role: "editor" });
  const memberUser = await makeUser(db, { ...member, role: "viewer" });
  await makeUser(db, { ...viewer, role: "viewer" });
  await db.insert(t.people).values([
    { slug: `journey-e2e-ratna-${uniqueSuffix()}`, name: "Ratna Kusuma", userId: memberUser.id },
    { slug: `journey-e2e-budi-${uniqueSuffix()}`, name: "Budi Santoso" },
  ]);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ server, stop } = await startFixtureServer("journey", fill));
});
test.afterAll(async () => {
  await stop?.();
});

async function signedIn(browser: Browser, who: typeof editor, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB", ...options });
  await installHydrationProbe(context);
  await addSession(context, server.url, who);
  return { context, page: await context.newPage() };
}

/** Each page's text, as a PDF reader extracts it. */
async function pdfPages(response: APIResponse): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(await response.body()), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => ("str" in x ? x.str : "")).join(" "));
  }
  await task.destroy();
  return pages;
}

/** The href of a link on the page, fetched with the page's own (signed-in) cookies. */
async function download(page: Page, name: string) {
  const href = await page.getByRole("link", { name }).getAttribute("href");
  expect(href, `the link "${name}"`).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status(), href!).toBe(200);
  return response;
}

test("an editor prepares an incoming visit, and every page, the PDF and each member's calendar show it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await signedIn(browser, editor);
  try {
    // 1. The visit, from the visits list's form.
    await gotoHydrated(page, "/visits/new");
    await page.getByLabel("Title (English)").fill(title);
    await page.getByLabel("Direction").selectOption({ label: "Incoming (we host)" });
    await page.getByLabel("First day").fill("2031-06-10");
    await page.getByLabel("Last day").fill("2031-06-11");
    await page.getByLabel("Cities").fill("Baku");
    await page.getByLabel("Time zone of the place").fill("Asia/Baku");
    await page.getByLabel("Objectives (English)").fill("See how ASAN Xidmat centres share one front office.");
    await page.getByRole("button", { name: "Create the visit" }).click();
    await expect(page).toHaveURL(/\/visits\/\d+$/);
    await waitForHydration(page);
    await expect(page.getByRole("status")).toHaveText("The visit was created.");
    journey.visit = Number(page.url().match(/\/visits\/(\d+)$/)![1]);
    const sections = page.getByRole("navigation", { name: "Preparation and aftermath" });

    // 2. The delegation: two people the app knows, one new, added from the form.
    await sections.getByRole("link", { name: "Delegation" }).click();
    await expect(page).toHaveURL(/\/delegation$/);
    await waitForHydration(page);
    const first = page.getByRole("group", { name: "Member 1" });
    await first.getByLabel("Person", { exact: true }).selectOption({ label: "Ratna Kusuma" });
    await first.getByLabel("Role").selectOption({ label: "Head of delegation" });
    await first.getByLabel("Dietary needs").fill(dietary);
    await page.getByRole("button", { name: "Add a member" }).click();
    const second = page.getByRole("group", { name: "Member 2" });
    await second.getByLabel("Person", { exact: true }).selectOption({ label: "Budi Santoso" });
    await page.getByRole("button", { name: "Add a member" }).click();
    const third = page.getByRole("group", { name: "Member 3" });
    await third.getByLabel("Or a new person's name").fill("Dewi Lestari");
    await page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${journey.visit}$`));
    await expect(page.getByRole("status").filter({ hasText: "The delegation was saved." })).toBeVisible();
    await waitForHydration(page);

    // 3. A two-day itinerary: the first day at Baku's clock, the second at Jakarta's.
    await sections.getByRole("link", { name: "Itinerary" }).click();
    await expect(page).toHaveURL(/\/itinerary$/);
    await waitForHydration(page);
    const item1 = page.getByRole("group", { name: "Item 1" });
    await item1.getByLabel("Day", { exact: true }).fill("2031-06-10");
    await item1.getByLabel("Starts").fill("10:00");
    await item1.getByLabel("Ends", { exact: true }).fill("11:30");
    await expect(item1.getByLabel("Time zone")).toHaveValue("Asia/Baku");
    await item1.getByLabel("Title (English)").fill(items.first);
    await page.getByRole("button", { name: "Add an item" }).click();
    const item2 = page.getByRole("group", { name: "Item 2" });
    await item2.getByLabel("Day", { exact: true }).fill("2031-06-11");
    await item2.getByLabel("Starts").fill("09:00");
    await item2.getByLabel("Ends", { exact: true }).fill("10:00");
    await item2.getByLabel("Time zone").fill("Asia/Jakarta");
    await item2.getByLabel("Title (English)").fill(items.second);
    await page.getByRole("button", { name: "Save the itinerary" }).click();
    await expect(page.getByText("The itinerary was saved.")).toBeVisible();
    await waitForHydration(page);

    // 4. Two follow-ups, owned by the editor.
    await gotoHydrated(page, `/visits/${journey.visit}`);
    await sections.getByRole("link", { name: "Follow-ups" }).click();
    await expect(page).toHaveURL(/\/follow-ups$/);
    await waitForHydration(page);
    for (const [i, followUp] of followUps.entries()) {
      await page.getByLabel("What is to be done (English)").fill(followUp);
      await page.getByLabel("Owner", { exact: true }).selectOption({ label: `${editor.name} (${editor.email})` });
      await page.getByLabel("Due date").fill(i === 0 ? "2031-07-01" : "2031-09-01");
      await page.getByRole("button", { name: "Add follow-up" }).click();
      await expect(
        page.getByRole("region", { name: "Follow-ups" }).first().getByRole("row").filter({ hasText: followUp }),
      ).toBeVisible();
      await waitForHydration(page);
    }

    // The visit's page shows all of it.
    await gotoHydrated(page, `/visits/${journey.visit}`);
    const delegation = page.getByRole("region", { name: "Delegation", exact: true });
    for (const name of members) await expect(delegation).toContainText(name);
    await expect(delegation).toContainText(`Dietary: ${dietary}`);
    const itinerary = page.getByRole("region", { name: "Itinerary" });
    await expect(itinerary.getByRole("region", { name: "Tuesday, 10 June 2031" })).toContainText(items.first);
    await expect(itinerary.getByRole("region", { name: "Tuesday, 10 June 2031" })).toContainText(
      "Baku 10:00–11:30 · Jakarta 13:00–14:30",
    );
    await expect(itinerary.getByRole("region", { name: "Wednesday, 11 June 2031" })).toContainText(
      "Jakarta 09:00–10:00 · Baku 06:00–07:00",
    );
    const onVisit = page.getByRole("region", { name: "Follow-ups" }).first();
    for (const followUp of followUps) await expect(onVisit).toContainText(followUp);

    // The briefing, through the visit's link.
    await sections.getByRole("link", { name: "Briefing pack" }).click();
    await expect(page).toHaveURL(/\/briefing$/);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Briefing: ${title}`);
    for (const name of members) await expect(page.getByRole("region", { name: "Delegation" })).toContainText(name);
    const programme = page.getByRole("region", { name: "Programme" });
    await expect(programme.getByRole("heading", { level: 3 })).toHaveText([
      "Tuesday, 10 June 2031",
      "Wednesday, 11 June 2031",
    ]);
    await expect(programme).toContainText(items.first);
    await expect(programme).toContainText(items.second);
    const open = page.getByRole("region", { name: "Open follow-ups" });
    for (const followUp of followUps) await expect(open).toContainText(followUp);
    await expect(page.getByRole("region", { name: "Needs" })).toContainText(dietary);

    // The PDF, from the briefing's link, read by a PDF parser.
    const pdf = await download(page, "Download PDF");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfText = await pdfPages(pdf);
    expect(pdfText.length).toBeGreaterThanOrEqual(2);
    expect(pdfText[0]).toContain(`Briefing: ${title}`);
    for (const name of members) expect(pdfText.join(" ")).toContain(name);
    // The programme starts a page of its own, its first item first.
    const programmePage = pdfText.findIndex((text) => text.includes(items.first));
    expect(programmePage).toBeGreaterThan(0);
    const programmeText = pdfText.slice(programmePage).join(" ");
    expect(programmeText.indexOf(items.first)).toBeLessThan(programmeText.indexOf(items.second));
    for (const followUp of followUps) expect(pdfText.join(" ")).toContain(followUp);

    // Each member's own version and calendar, read by an iCalendar parser.
    await page.getByText("Versions of the briefing").click();
    const versions = page.getByRole("link", { name: /^Version for / });
    await expect(versions).toHaveText(members.map((name) => `Version for ${name}`));
    for (const name of members) {
      await gotoHydrated(page, `/visits/${journey.visit}/briefing`);
      await page.getByText("Versions of the briefing").click();
      await page.getByRole("link", { name: `Version for ${name}` }).click();
      await expect(page).toHaveURL(/\?member=\d+$/);
      await waitForHydration(page);
      await expect(page.getByText(`Version for ${name}`).first()).toBeVisible();
      const ics = await download(page, "Calendar (.ics)");
      expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
      const zones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
      expect(zones.sort(), name).toEqual(["Asia/Baku", "Asia/Jakarta"]);
      const events = calendar
        .getAllSubcomponents("vevent")
        .map((vevent) => ({
          event: new ICAL.Event(vevent),
          tzid: vevent.getFirstProperty("dtstart")?.getParameter("tzid"),
        }))
        .sort((a, b) => a.event.startDate.compare(b.event.startDate));
      expect(
        events.map(({ event, tzid }) => [event.summary, tzid, event.startDate.toString(), event.endDate.toString()]),
        name,
      ).toEqual([
        [items.first, "Asia/Baku", "2031-06-10T10:00:00", "2031-06-10T11:30:00"],
        [items.second, "Asia/Jakarta", "2031-06-11T09:00:00", "2031-06-11T10:00:00"],
      ]);
    }
  } finally {
    await context.close();
  }
});

test("a member's dietary needs show to the editor and in her own briefing, not in a viewer's", async ({ browser }) => {
  test.skip(!journey.visit, "needs the visit of the journey");
  const briefing = `/visits/${journey.visit}/briefing`;
  const { context, page } = await signedIn(browser, editor);
  try {
    await gotoHydrated(page, `/visits/${journey.visit}/delegation`);
    await expect(page.getByRole("group", { name: "Member 1" }).getByLabel("Dietary needs")).toHaveValue(dietary);
    await gotoHydrated(page, briefing);
    await expect(page.getByRole("region", { name: "Needs" })).toContainText(dietary);
  } finally {
    await context.close();
  }

  const own = await signedIn(browser, member);
  try {
    await gotoHydrated(own.page, briefing);
    await expect(own.page.getByText(dietary)).toHaveCount(0);
    await own.page.getByText("Versions of the briefing").click();
    await own.page.getByRole("link", { name: `Version for ${member.name}` }).click();
    await expect(own.page).toHaveURL(/\?member=\d+$/);
    await expect(own.page.getByRole("region", { name: "Your needs" })).toContainText(dietary);
  } finally {
    await own.context.close();
  }

  const reader = await signedIn(browser, viewer);
  try {
    await gotoHydrated(reader.page, briefing);
    await expect(reader.page.getByRole("heading", { level: 1 })).toHaveText(`Briefing: ${title}`);
    await expect(reader.page.getByText(dietary)).toHaveCount(0);
    await reader.page.getByText("Versions of the briefing").click();
    await reader.page.getByRole("link", { name: `Version for ${member.name}` }).click();
    await expect(reader.page).toHaveURL(/\?member=\d+$/);
    await expect(reader.page.getByText(`Version for ${member.name}`).first()).toBeVisible();
    await expect(reader.page.getByText(dietary)).toHaveCount(0);
    const pdfText = await pdfPages(await download(reader.page, "Download PDF"));
    expect(pdfText.join(" ")).toContain(member.name);
    expect(pdfText.join(" ")).not.toContain(dietary);
  } finally {
    await reader.context.close();
  }
});
