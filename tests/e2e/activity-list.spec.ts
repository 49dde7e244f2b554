import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { createActivity } from "../support/http-factories";
import { parseCsv } from "../support/http";
import { addSession, expect, gotoHydrated, test, uniqueSuffix, waitForHydration } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

const bakuVisit = "Minister Abdullah Azwar Anas and delegation visit ASAN Xidmat in Baku";
const busanMeeting = "Bilateral meeting of KemenPANRB, the World Bank and Azerbaijan in Busan";

const table = (page: Page) => page.getByRole("table", { name: /^Activities/ });
/** The titles in the table, in order: each row's header cell. */
// The title's link: an example's row header also holds its "Example" badge.
const titles = (page: Page) => table(page).getByRole("rowheader").getByRole("link").allInnerTexts();

/** iCalendar content lines, unfolded (RFC 5545 §3.1), as [name with parameters, value]. */
function parseIcs(text: string): [string, string][] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(":");
      return [line.slice(0, at), line.slice(at + 1)];
    });
}

/** A TEXT value's escapes (RFC 5545 §3.3.11) undone. */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));

test("an editor filters and sorts the activities, and the address keeps the view through a reload", async ({
  page,
  loginAs,
}) => {
  await loginAs("editor");
  await gotoHydrated(page, "/activities");
  await expect(page.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();
  await expect(table(page)).toBeVisible();

  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Visit" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]type=visit(&|$)/);
  await expect(table(page).getByRole("rowheader", { name: bakuVisit })).toBeVisible();
  await expect(table(page).getByRole("rowheader", { name: busanMeeting })).toHaveCount(0);
  for (const type of await table(page).getByRole("row").locator("td:nth-child(3)").allInnerTexts())
    expect(type).toBe("Visit");

  await table(page).getByRole("link", { name: "Sort by Title" }).click();
  await expect(page).toHaveURL(/sort=title&dir=asc/);
  await expect(page).toHaveURL(/type=visit/);
  const sorted = await titles(page);
  expect(sorted.length).toBeGreaterThan(1);
  expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  await expect(table(page).getByRole("columnheader", { name: /Title/ })).toHaveAttribute("aria-sort", "ascending");

  // What a client-side navigation asks for is the page's data, never the page itself.
  const data = await page.request.get(`${new URL(page.url()).pathname}.data${new URL(page.url()).search}`);
  expect(data.headers()["content-type"]).not.toMatch(/html/);
  expect(await data.text()).toContain(bakuVisit);

  const address = page.url();
  await page.reload();
  await waitForHydration(page);
  expect(page.url()).toBe(address);
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("visit");
  expect(await titles(page)).toEqual(sorted);
  await expectNoAxeViolations(page);
});

test("the filter form works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  try {
    await addSession(context, baseURL!, "viewer");
    const page = await context.newPage();
    await page.goto("/activities");
    await page.getByLabel("Type", { exact: true }).selectOption({ label: "Meeting" });
    await page.getByLabel("Search").fill("busan");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=meeting/);
    await expect(page).toHaveURL(/q=busan/);
    expect(await titles(page)).toEqual([busanMeeting]);
    await expect(page.getByRole("status")).toHaveText("Showing 1–1 of 1");
  } finally {
    await context.close();
  }
});

test("the CSV and calendar exports hold the filtered activities and parse", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await gotoHydrated(page, "/activities?type=visit&sort=title&dir=asc");
  const listed = await titles(page);
  expect(listed).toContain(bakuVisit);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Spreadsheet (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^jembatan-activities-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
  // The demo viewer's time zone is Baku's.
  expect(header).toEqual([
    "ID",
    "Date (as the source gives it)",
    "Start (Asia/Baku)",
    "End (Asia/Baku)",
    "All day",
    "Title",
    "Type",
    "Status",
    "Mode",
    "City",
    "Country",
    "Agreement",
    "Link",
    "Example",
  ]);
  expect(records.map((r) => r[5])).toEqual(listed);
  expect(records.every((r) => r[6] === "Visit" && r.length === header!.length)).toBe(true);
  const baku = records.find((r) => r[5] === bakuVisit)!;
  expect(baku.slice(1, 5)).toEqual(["10 Oct 2023", "2023-10-10", "2023-10-10", "yes"]);
  expect(baku[12]).toMatch(/^http:\/\/[^/]+\/activities\/\d+$/);
  // content/'s visits are sourced; the demo's example visit says it is one.
  expect(baku[13]).toBe("no");
  expect(records.find((r) => r[5]!.startsWith("Example: "))?.[13]).toBe("yes");

  const href = await page.getByRole("link", { name: "Calendar (iCalendar)" }).getAttribute("href");
  const ics = await page.request.get(href!);
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
  const lines = parseIcs(await ics.text());
  expect(lines[0]).toEqual(["BEGIN", "VCALENDAR"]);
  expect(lines.at(-1)).toEqual(["END", "VCALENDAR"]);
  const summaries = lines.filter(([name]) => name === "SUMMARY").map(([, value]) => unescapeText(value));
  expect(summaries).toEqual(listed);
  expect(lines.filter(([name]) => name === "BEGIN").length).toBe(listed.length + 1);
  expect(lines).toContainEqual(["DTSTART;VALUE=DATE", "20231010"]);
});

test("a new activity shows in the list and its export at once", async ({ page, loginAs, baseURL }) => {
  await loginAs("editor");
  const tag = uniqueSuffix();
  const filtered = `/activities?q=${tag}`;
  await gotoHydrated(page, filtered);
  await expect(page.getByRole("status")).toHaveText("No activities match these filters.");
  expect((await page.request.get(`/activities.csv?q=${tag}`)).status()).toBe(200);

  const title = `Knowledge sharing ${tag}`;
  await createActivity(page.request, baseURL!, title, { startsOn: "2025-09-01" });
  await gotoHydrated(page, filtered);
  expect(await titles(page)).toEqual([title]);
  expect(await (await page.request.get(`/activities.csv?q=${tag}`)).text()).toContain(title);
});

test("the table's links open an activity or agreement within the app, and open a new tab when asked", async ({
  page,
  loginAs,
  context,
}) => {
  await loginAs("viewer");
  await gotoHydrated(page, "/activities?q=Busan");
  // A value on the window survives only if the page is not loaded again.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await table(page).getByRole("link", { name: busanMeeting }).click();
  await expect(page.getByRole("heading", { level: 1, name: busanMeeting })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(/\/activities\?q=Busan$/);
  await gotoHydrated(page, "/activities?q=Baku");
  const agreementLink = table(page)
    .getByRole("link", { name: /Memorandum of Understanding/ })
    .first();
  const opened = context.waitForEvent("page");
  await agreementLink.click({ modifiers: ["ControlOrMeta"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toMatch(/^\/agreements\/\d+$/);
  await expect(page).toHaveURL(/\/activities\?q=Baku$/);
});
