import type { Page } from "@playwright/test";
import {
  addSession,
  expect,
  gotoHydrated,
  installHydrationProbe,
  test,
  uniqueSuffix,
  waitForHydration,
} from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * A visit itself (issue 12 item 2): an editor creates an incoming visit to Baku with and without
 * JavaScript and edits it; a stale save shows the conflict; a viewer may read it, not edit it.
 */

async function fillNewVisit(page: Page, title: string) {
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Direction").selectOption({ label: "Incoming (we host)" });
  await page.getByLabel("First day").fill("2031-06-10");
  await page.getByLabel("Last day").fill("2031-06-11");
  await page.getByLabel("Cities").fill("Baku\nGanja");
  await page.getByLabel("Country").selectOption({ label: "Azerbaijan" });
  await page.getByLabel("Time zone of the place").fill("Asia/Baku");
  await page.getByLabel("Objectives (English)").fill("See how ASAN Xidmat centres share one front office.");
}

test.describe("visits on a phone", () => {
  test.use({ viewport: phone });

  test("an editor creates an incoming visit, edits it with talking points; 390 px and axe-clean", async ({
    page,
    loginAs,
  }) => {
    const title = `Study visit to Baku ${uniqueSuffix()}`;
    await loginAs("editor");
    await gotoHydrated(page, "/visits/new");
    await expect(page.getByRole("heading", { level: 1, name: "New visit" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    // A bad time zone is refused beside its field, with what was typed kept.
    await fillNewVisit(page, title);
    await page.getByLabel("Time zone of the place").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Create the visit" }).click();
    await expect(page.getByText("Choose a time zone such as Asia/Baku or Asia/Jakarta.").first()).toBeVisible();
    await expect(page.getByLabel("Title (English)")).toHaveValue(title);
    await page.getByLabel("Time zone of the place").fill("Asia/Baku");
    await page.getByRole("button", { name: "Create the visit" }).click();

    await expect(page).toHaveURL(/\/visits\/\d+$/);
    await waitForHydration(page);
    await expect(page.getByRole("status")).toHaveText("The visit was created.");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Baku → Ganja")).toBeVisible();
    await expect(page.getByText("Asia/Baku")).toBeVisible();
    const sections = page.getByRole("navigation", { name: "Preparation and aftermath" });
    for (const name of ["Delegation", "Itinerary", "Briefing pack", "Follow-ups", "Report"]) {
      await expect(sections.getByRole("link", { name })).toBeVisible();
    }
    await expect(page.getByRole("heading", { level: 2, name: "History with this partner" })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    const id = page.url().match(/\/visits\/(\d+)$/)![1];

    await page.getByRole("link", { name: "Edit the visit" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${id}/edit$`));
    await waitForHydration(page);
    // "Done" needs the report written.
    await page.getByLabel("Stage").selectOption({ label: "Done" });
    await page.getByRole("button", { name: "Save the visit" }).click();
    await expect(page.getByText("A visit is done only once its report is written.").first()).toBeVisible();
    await page.getByLabel("Stage").selectOption({ label: "Confirmed" });
    const editor = page.getByRole("textbox", { name: "Talking points" });
    await expect(editor).toHaveAttribute("contenteditable", "true");
    await editor.click();
    await page.keyboard.type("Ask about the one-stop front office");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    await page.getByRole("button", { name: "Save the visit" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${id}$`));
    await expect(page.getByRole("status")).toHaveText("The visit was saved.");
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Talking points" })).toContainText(
      "Ask about the one-stop front office",
    );

    // The activity of the visit links back, and the activity list still lists it as a visit.
    await gotoHydrated(page, `/activities/${id}`);
    await expect(page.getByRole("link", { name: "The visit's page" })).toHaveAttribute("href", `/visits/${id}`);
    await gotoHydrated(page, `/activities?type=visit&q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });
});

test("an editor creates and edits a visit without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  await addSession(context, baseURL!, "editor");
  const page = await context.newPage();
  try {
    const title = `Visit without scripts ${uniqueSuffix()}`;
    await page.goto("/visits/new");
    await fillNewVisit(page, title);
    await page.getByRole("button", { name: "Create the visit" }).click();
    await expect(page).toHaveURL(/\/visits\/\d+$/);
    await expect(page.getByRole("status")).toHaveText("The visit was created.");
    await page.getByRole("link", { name: "Edit the visit" }).click();
    await page.getByLabel("Background").fill("Second visit since the 2024 renewal.");
    await page.getByRole("button", { name: "Save the visit" }).click();
    await expect(page.getByRole("status")).toHaveText("The visit was saved.");
    await expect(page.getByRole("region", { name: "Background" })).toContainText(
      "Second visit since the 2024 renewal.",
    );
  } finally {
    await context.close();
  }
});

test("a stale save shows the conflict, and the editor's changes go back into the form", async ({
  browser,
  baseURL,
}) => {
  const open = async () => {
    const context = await browser.newContext({ baseURL, locale: "en-GB" });
    await installHydrationProbe(context);
    await addSession(context, baseURL!, "editor");
    return { context, page: await context.newPage() };
  };
  const first = await open();
  const second = await open();
  try {
    const title = `Contested visit ${uniqueSuffix()}`;
    await gotoHydrated(first.page, "/visits/new");
    await fillNewVisit(first.page, title);
    await first.page.getByRole("button", { name: "Create the visit" }).click();
    await expect(first.page).toHaveURL(/\/visits\/\d+$/);
    const edit = `${new URL(first.page.url()).pathname}/edit`;

    await gotoHydrated(first.page, edit);
    await gotoHydrated(second.page, edit);
    await first.page.getByLabel("Cities").fill("Baku");
    await first.page.getByLabel("Title (English)").fill(`${title}, renamed`);
    await first.page.getByRole("button", { name: "Save the visit" }).click();
    await expect(first.page.getByRole("status")).toHaveText("The visit was saved.");

    await second.page.getByLabel("Cities").fill("Sumqayit");
    await second.page.getByRole("button", { name: "Save the visit" }).click();
    await expect(second.page.getByRole("heading", { name: "Someone else saved this visit meanwhile" })).toBeVisible();
    const row = second.page.locator('tr[data-field="cities"]');
    await expect(row).toContainText("Sumqayit");
    await expect(row).toContainText("Baku");
    // The fields the other editor changed are named, the visit's own and its activity's alike.
    await expect(row).toHaveAttribute("data-changed-by-others", "true");
    await expect(second.page.locator('tr[data-field="titleEn"]')).toHaveAttribute("data-changed-by-others", "true");
    await expect(second.page.locator('tr[data-field="direction"]')).not.toHaveAttribute("data-changed-by-others");
    await expectNoAxeViolations(second.page);
    await second.page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(second.page.getByLabel("Cities")).toHaveValue("Sumqayit");
    await second.page.getByRole("button", { name: "Save the visit" }).click();
    await expect(second.page.getByRole("status")).toHaveText("The visit was saved.");
    await expect(second.page.getByText("Sumqayit")).toBeVisible();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test("a viewer reads visits but may not edit one (403)", async ({ page, loginAs, browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-GB" });
  await installHydrationProbe(context);
  await addSession(context, baseURL!, "editor");
  const editorPage = await context.newPage();
  await gotoHydrated(editorPage, "/visits/new");
  await fillNewVisit(editorPage, `Visit a viewer reads ${uniqueSuffix()}`);
  await editorPage.getByRole("button", { name: "Create the visit" }).click();
  await expect(editorPage).toHaveURL(/\/visits\/\d+$/);
  const path = new URL(editorPage.url()).pathname;
  await context.close();

  await loginAs("viewer");
  await gotoHydrated(page, path);
  await expect(page.getByRole("link", { name: "Edit the visit" })).toHaveCount(0);
  for (const url of [`${path}/edit`, `${path}/report`, "/visits/new"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
  await gotoHydrated(page, "/visits?list=upcoming");
  await expect(page.getByRole("heading", { level: 1, name: "Visits" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an editor writes the report, marks it written, and only then the visit can be done", async ({
  page,
  loginAs,
}) => {
  await loginAs("editor");
  await gotoHydrated(page, "/visits/new");
  const title = `Reported visit ${uniqueSuffix()}`;
  await fillNewVisit(page, title);
  await page.getByRole("button", { name: "Create the visit" }).click();
  await expect(page).toHaveURL(/\/visits\/\d+$/);
  const path = new URL(page.url()).pathname;

  await gotoHydrated(page, `${path}/report`);
  await expect(page.getByRole("heading", { level: 1, name: `Report of the visit: ${title}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Documents" })).toBeVisible();
  const outcomes = page.getByRole("textbox", { name: "Outcomes" });
  await expect(outcomes).toHaveAttribute("contenteditable", "true");
  await outcomes.click();
  await page.keyboard.type("A pilot front office in Bandung");
  const lessons = page.getByRole("textbox", { name: "Lessons learned" });
  await lessons.click();
  await page.keyboard.type("Bring an interpreter for each site");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save the report" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("status")).toHaveText("The report was saved.");
  await expect(page.getByText("A pilot front office in Bandung")).toBeVisible();
  await expect(page.getByText("Bring an interpreter for each site")).toBeVisible();

  await gotoHydrated(page, `${path}/report`);
  await page.getByRole("button", { name: "Mark the report written" }).click();
  await expect(page.getByRole("status")).toHaveText("The report is marked as written.");
  await gotoHydrated(page, `${path}/edit`);
  await page.getByLabel("Stage").selectOption({ label: "Done" });
  await page.getByRole("button", { name: "Save the visit" }).click();
  await expect(page.getByRole("status")).toHaveText("The visit was saved.");
  await expect(page.getByText("Done", { exact: true })).toBeVisible();
});
