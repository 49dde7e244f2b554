import type { APIRequestContext, Browser, Page } from "@playwright/test";
import {
  addSession,
  expect,
  gotoHydrated,
  signedInRequest,
  test,
  uniqueSuffix,
  waitForHydration,
  type Role,
} from "./fixtures";
import { createActivity as createActivityAs } from "../support/http-factories";
import { expectNoAxeViolations, signedInBrowser } from "./helpers";

/** A planned online meeting in Bandung, created through the form's action; returns its id. */
function createActivity(request: APIRequestContext, baseURL: string, title: string) {
  return createActivityAs(request, baseURL, title, {
    startsOn: "2025-06-02",
    city: "Bandung",
    countryCode: "ID",
    lessons: "Agree on the agenda beforehand.",
  });
}

/** The lessons-learned editor, once it has replaced the plain textarea. */
async function lessonsEditor(page: Page) {
  const editor = page.getByRole("textbox", { name: "Lessons learned" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  return editor;
}

function signedInPage(browser: Browser, baseURL: string, role: Role) {
  return signedInBrowser(browser, { baseURL, who: role, timezoneId: "Asia/Jakarta" });
}

test("an editor records an activity with a commitment and formatted lessons learned", async ({ page, loginAs }) => {
  const title = `Workshop on queue management ${uniqueSuffix()}`;
  await loginAs("editor");
  await gotoHydrated(page, "/activities/new");
  await expect(page.getByRole("heading", { level: 1, name: "New activity" })).toBeVisible();

  await page.getByLabel("Title in English", { exact: true }).fill(title);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Workshop" });
  await page.getByLabel("Format", { exact: true }).selectOption({ label: "Hybrid" });
  await page.getByLabel("Start date", { exact: true }).fill("2025-05-20");
  await page.getByLabel("Start time (optional)").fill("09:30");
  await page.getByLabel("End time (optional)").fill("11:00");
  await page.getByLabel("City", { exact: true }).fill("Jakarta");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Indonesia" });
  const commitments = page.getByRole("group", { name: "Commitments this activity serves" });
  await commitments.getByRole("checkbox", { name: /Hold workshops between the two countries/ }).check();
  await page
    .getByRole("group", { name: "Organizers" })
    .getByRole("checkbox", { name: /KemenPANRB/ })
    .check();

  const editor = await lessonsEditor(page);
  await editor.click();
  await page.keyboard.type("Plan ahead: ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("book the venue early");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.press("Enter");
  await page
    .getByRole("toolbar")
    .getByRole("button", { name: /bullet/i })
    .click();
  await page.keyboard.type("Send the agenda a week before");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Share the minutes in both languages");

  await page.getByRole("button", { name: "Create activity" }).click();
  await expect(page).toHaveURL(/\/activities\/\d+$/);
  await waitForHydration(page);
  await expect(page.getByRole("status")).toHaveText("The activity was created.");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Entered as Jakarta wall-clock time, shown back in the editor's zone (Asia/Jakarta).
  await expect(page.getByText("20 May 2025, 09:30 to 20 May 2025, 11:00")).toBeVisible();
  const lessons = page.getByRole("region", { name: "Lessons learned" });
  await expect(lessons.locator("strong")).toHaveText("book the venue early");
  await expect(lessons.getByRole("listitem")).toHaveText([
    "Send the agenda a week before",
    "Share the minutes in both languages",
  ]);
  const served = page.getByRole("region", { name: "Commitments it serves" });
  await expect(served.getByRole("link", { name: /Hold workshops between the two countries/ })).toHaveAttribute(
    "href",
    /^\/commitments\/\d+$/,
  );

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").nth(1)).toContainText("Demo Editor");
  await expect(history.getByRole("row").nth(1)).toContainText("Created");
  await expectNoAxeViolations(page);
});

test("a bad date range is refused and everything typed stays", async ({ page, loginAs }) => {
  const title = `Retreat ${uniqueSuffix()}`;
  await loginAs("editor");
  await gotoHydrated(page, "/activities/new");
  await page.getByLabel("Title in English", { exact: true }).fill(title);
  await page.getByLabel("Start date", { exact: true }).fill("2025-05-20");
  await page.getByLabel("End date (optional)").fill("2025-05-19");
  const checkbox = page
    .getByRole("group", { name: "Commitments this activity serves" })
    .getByRole("checkbox", { name: /Share knowledge and experience/ });
  await checkbox.check();
  const editor = await lessonsEditor(page);
  await editor.click();
  await page.keyboard.type("Dates matter.");
  await page.getByRole("button", { name: "Create activity" }).click();

  await expect(page.getByRole("alert")).toContainText("The end must not be before the start.");
  const end = page.getByLabel("End date (optional)");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(/The end must not be before the start\./);
  await expect(end).toHaveValue("2025-05-19");
  await expect(page.getByLabel("Title in English", { exact: true })).toHaveValue(title);
  await expect(checkbox).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Lessons learned" })).toContainText("Dates matter.");
  await expect(page).toHaveURL(/\/activities\/new$/);
  await expectNoAxeViolations(page);
});

test("without JavaScript, the refused form comes back from the server with what was typed", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  try {
    await addSession(context, baseURL!, "editor");
    const page = await context.newPage();
    await page.goto("/activities/new");
    const title = `No-script visit ${uniqueSuffix()}`;
    await page.getByLabel("Title in English", { exact: true }).fill(title);
    await page.getByLabel("Start date", { exact: true }).fill("2025-08-10");
    await page.getByLabel("Start time (optional)").fill("10:00");
    await page.getByLabel("End time (optional)").fill("09:00");
    await page
      .getByRole("group", { name: "Participants" })
      .getByRole("checkbox", { name: /Ulvi Mehdiyev/ })
      .check();
    await page.getByLabel("Lessons learned").fill("Start on time.");
    await page.getByRole("button", { name: "Create activity" }).click();

    await expect(page.getByRole("alert")).toContainText("The end must not be before the start.");
    await expect(page.getByLabel("Title in English", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Start time (optional)")).toHaveValue("10:00");
    await expect(page.getByLabel("End time (optional)")).toHaveValue("09:00");
    await expect(
      page.getByRole("group", { name: "Participants" }).getByRole("checkbox", { name: /Ulvi Mehdiyev/ }),
    ).toBeChecked();
    await expect(page.getByLabel("Lessons learned")).toHaveValue("Start on time.");

    // Corrected, the same form saves; the lessons arrive as plain text.
    await page.getByLabel("End time (optional)").fill("12:00");
    await page.getByRole("button", { name: "Create activity" }).click();
    await expect(page).toHaveURL(/\/activities\/\d+$/);
    await expect(page.getByRole("region", { name: "Lessons learned" })).toContainText("Start on time.");
  } finally {
    await context.close();
  }
});

test("two editors save the same activity: the second sees the conflict and chooses", async ({ browser, baseURL }) => {
  const first = await signedInPage(browser, baseURL!, "editor");
  const second = await signedInPage(browser, baseURL!, "admin");
  try {
    const original = `Coordination call ${uniqueSuffix()}`;
    const id = await createActivity(first.page.request, baseURL!, original);

    await gotoHydrated(first.page, `/activities/${id}/edit`);
    await gotoHydrated(second.page, `/activities/${id}/edit`);

    await first.page.getByLabel("Title in English", { exact: true }).fill(`${original} (first)`);
    await first.page.getByRole("button", { name: "Save activity" }).click();
    await expect(first.page).toHaveURL(new RegExp(`/activities/${id}$`));

    await second.page.getByLabel("City", { exact: true }).fill("Surabaya");
    await second.page.getByRole("button", { name: "Save activity" }).click();
    await expect(
      second.page.getByRole("heading", { name: "Someone else saved this activity while you were editing" }),
    ).toBeVisible();
    await expect(second.page.getByRole("alert")).toContainText("Saved by Demo Editor");
    const titleRow = second.page.getByRole("row", { name: /Title \(English\)/ });
    await expect(titleRow).toContainText(original);
    await expect(titleRow).toContainText(`${original} (first)`);
    await expect(titleRow).toContainText("differs");
    // The title is what the other editor changed; the city only this one.
    await expect(titleRow).toContainText("changed by someone else");
    const cityRow = second.page.getByRole("row", { name: /^City/ });
    await expect(cityRow).toContainText("Surabaya");
    await expect(cityRow).toContainText("Bandung");
    await expect(cityRow).toContainText("differs");
    await expect(cityRow).not.toContainText("changed by someone else");
    await expect(second.page.getByRole("row", { name: /^Type/ })).toContainText("same");
    await expectNoAxeViolations(second.page);

    // Nothing was overwritten: the first editor's title stands.
    const api = second.page.request;
    expect(await (await api.get(`/activities/${id}`)).text()).toContain(`${original} (first)`);

    // Keep mine: back to the form with what I typed, then save deliberately over theirs.
    await second.page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(second.page.getByRole("status")).toContainText("Saving now replaces the version someone else saved.");
    await expect(second.page.getByLabel("City", { exact: true })).toHaveValue("Surabaya");
    await expect(second.page.getByLabel("Title in English", { exact: true })).toHaveValue(original);
    await second.page.getByRole("button", { name: "Save activity" }).click();
    await expect(second.page).toHaveURL(new RegExp(`/activities/${id}$`));
    await expect(second.page.getByRole("heading", { level: 1, name: original })).toBeVisible();
    await expect(second.page.getByText("Surabaya, Indonesia")).toBeVisible();

    // The history lists both saves, newest first, by name, with the fields each changed.
    const rows = second.page.getByRole("region", { name: "History" }).getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText("Demo Admin");
    await expect(rows.nth(1)).toContainText("Changed");
    await expect(rows.nth(1)).toContainText("Title");
    await expect(rows.nth(1)).toContainText("City");
    await expect(rows.nth(2)).toContainText("Demo Editor");
    await expect(rows.nth(2)).toContainText("Title");
    await expect(rows.nth(2)).not.toContainText("City");
    await expect(rows.nth(3)).toContainText("Created");

    // The other choice: discard one's own changes and open what is saved now.
    await first.page.goto(`/activities/${id}/edit`);
    await waitForHydration(first.page);
    await gotoHydrated(second.page, `/activities/${id}/edit`);
    await first.page.getByLabel("City", { exact: true }).fill("Medan");
    await first.page.getByRole("button", { name: "Save activity" }).click();
    await expect(first.page).toHaveURL(new RegExp(`/activities/${id}$`));
    await second.page.getByLabel("City", { exact: true }).fill("Makassar");
    await second.page.getByRole("button", { name: "Save activity" }).click();
    await second.page.getByRole("link", { name: "Discard my changes and open the current version" }).click();
    await expect(second.page.getByLabel("City", { exact: true })).toHaveValue("Medan");
    await expect(second.page.getByRole("heading", { name: /Someone else saved/ })).toHaveCount(0);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test("a viewer sees no edit controls and cannot change an activity", async ({ page, loginAs, baseURL, playwright }) => {
  const editorApi = await signedInRequest(playwright, baseURL!, "editor");
  try {
    const title = `Viewer check ${uniqueSuffix()}`;
    const id = await createActivity(editorApi, baseURL!, title);

    await loginAs("viewer");
    await gotoHydrated(page, `/activities/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete activity" })).toHaveCount(0);
    await expect(page.getByText("Delete this activity")).toHaveCount(0);
    // The viewer's zone is Asia/Baku; an all-day activity shows the same day everywhere.
    await expect(page.getByText("2 Jun 2025", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The page's request context carries the viewer's session cookie.
    const headers = { Origin: baseURL! };
    const edit = await page.request.post(`/activities/${id}/edit`, {
      form: {
        intent: "save",
        version: "1",
        titleEn: "Changed by a viewer",
        type: "meeting",
        status: "planned",
        mode: "online",
        startsOn: "2025-06-02",
      },
      headers,
      maxRedirects: 0,
    });
    expect(edit.status()).toBe(403);
    const remove = await page.request.post(`/activities/${id}`, {
      form: { intent: "delete", version: "1" },
      headers,
      maxRedirects: 0,
    });
    expect(remove.status()).toBe(403);
    expect((await page.request.get(`/activities/${id}/edit`, { maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.get("/activities/new", { maxRedirects: 0 })).status()).toBe(403);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("region", { name: "History" }).getByRole("row")).toHaveCount(2);
  } finally {
    await editorApi.dispose();
  }
});

test("what an editor types before the page has loaded its scripts is kept, lessons included", async ({
  page,
  loginAs,
  baseURL,
}) => {
  await loginAs("editor");
  const id = await createActivity(page.request, baseURL!, `Slow connection ${uniqueSuffix()}`);
  // Hold the scripts back, as a slow connection would, while the server-rendered form is usable.
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`/activities/${id}/edit`, { waitUntil: "domcontentloaded" });
  const title = `Typed early ${uniqueSuffix()}`;
  await page.getByLabel("Title in English", { exact: true }).fill(title);
  await page.getByLabel("Lessons learned").fill("Agree on the agenda beforehand. Typed early.");
  release();
  await waitForHydration(page);

  await expect(page.getByLabel("Title in English", { exact: true })).toHaveValue(title);
  const editor = await lessonsEditor(page);
  await expect(editor).toHaveText("Agree on the agenda beforehand. Typed early.");
});

test("an editor deletes an activity after confirming", async ({ page, loginAs, baseURL }) => {
  await loginAs("editor");
  const title = `To be deleted ${uniqueSuffix()}`;
  const id = await createActivity(page.request, baseURL!, title);
  await gotoHydrated(page, `/activities/${id}`);
  await expect(page.getByRole("button", { name: "Delete activity" })).toBeHidden();
  await page.getByText("Delete this activity").click();
  await page.getByRole("button", { name: "Delete activity" }).click();
  await expect(page).toHaveURL(/\/activities$/);
  await expect(page.getByRole("status").first()).toHaveText("The activity was deleted.");
  expect((await page.request.get(`/activities/${id}`, { maxRedirects: 0 })).status()).toBe(404);
});
