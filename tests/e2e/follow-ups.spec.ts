import type { Browser, BrowserContextOptions } from "@playwright/test";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { makeAgreement, makeCommitment, makeUser, makeVisit } from "../support/model-factories";
import { startFixtureServer } from "../support/fixture-server";
import type { RunningServer } from "../support/server-process";
import { addSession, expect, gotoHydrated, installHydrationProbe, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * A visit's follow-ups (issue 12 items 8 to 10): an editor adds two without JavaScript, the first
 * refused until it has an owner; the overdue one shows on the dashboard and on its owner's account
 * page. The visit is made through the models before this file's own server starts.
 */

test.describe.configure({ mode: "serial" });

const editor = {
  email: `follow-ups-editor-${uniqueSuffix()}@example.org`,
  password: "a long enough password",
  name: "Fitri Rahmawati",
};
const viewer = { email: `follow-ups-viewer-${uniqueSuffix()}@example.org`, password: editor.password };
const fixture = { visit: 0, upcoming: 0 };
const overdueTitle = "Send the MPP handbook to ASAN";
const laterTitle = "Agree the dates of the return visit";
const commitmentText = "Open a public service mall modelled on ASAN Xidmat";

let server: RunningServer;
let stop: (() => Promise<void>) | undefined;

async function fill(db: Database) {
  const [partnership] = await db
    .insert(t.partnerships)
    .values({ slug: "follow-ups-e2e", name: { en: "Test partnership" }, summary: { en: "For the follow-ups test." } })
    .returning();
  const agreement = await makeAgreement(db, partnership!.id);
  await makeCommitment(db, agreement.id, { text: { en: commitmentText } });
  const { activity } = await makeVisit(db, { title: { en: "Baku study visit" }, agreementId: agreement.id });
  fixture.visit = activity.id;
  // Ten days from now: on the dashboard's visits, nothing of it prepared yet.
  const start = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const upcoming = await makeVisit(db, {
    title: { en: "Jakarta return visit" },
    startsAt: new Date(`${start}T00:00:00Z`),
    endsAt: new Date(`${start}T23:59:59Z`),
  });
  fixture.upcoming = upcoming.activity.id;
  await makeUser(db, { email: editor.email, password: editor.password, name: editor.name, role: "editor" });
  await makeUser(db, { ...viewer, role: "viewer" });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ server, stop } = await startFixtureServer("follow_ups", fill));
});
test.afterAll(async () => {
  await stop?.();
});

async function signedIn(browser: Browser, options: BrowserContextOptions = {}, who: typeof viewer = editor) {
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB", ...options });
  await installHydrationProbe(context);
  await addSession(context, server.url, who);
  return { context, page: await context.newPage() };
}

test("an editor adds two follow-ups without JavaScript, the first refused until it has an owner", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`/visits/${fixture.visit}/follow-ups`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follow-ups: Baku study visit");
    await expect(page.getByText("No follow-ups yet.")).toBeVisible();

    await page.getByLabel("What is to be done (English)").fill(overdueTitle);
    await page.getByLabel("Due date").fill("2020-01-15");
    await page.getByLabel(commitmentText).check();
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText("Choose the colleague who owns this follow-up.")).toBeVisible();
    await expect(page.getByLabel("What is to be done (English)")).toHaveValue(overdueTitle);
    await expect(page.getByLabel("Due date")).toHaveValue("2020-01-15");
    await expect(page.getByLabel(commitmentText)).toBeChecked();
    await expect(page.getByText("No follow-ups yet.")).toBeVisible();

    await page.getByLabel("Owner", { exact: true }).selectOption({ label: `${editor.name} (${editor.email})` });
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText("The follow-up was added.")).toBeVisible();

    await page.getByLabel("What is to be done (English)").fill(laterTitle);
    await page.getByLabel("What is to be done (Indonesian)").fill("Sepakati tanggal kunjungan balasan");
    await page.getByLabel("Owner", { exact: true }).selectOption({ label: `${editor.name} (${editor.email})` });
    await page.getByLabel("Due date").fill("2099-01-01");
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText("The follow-up was added.")).toBeVisible();

    const list = page.getByRole("region", { name: "Follow-ups" });
    const first = list.getByRole("row").filter({ hasText: overdueTitle });
    await expect(first).toContainText("Overdue");
    await expect(first).toContainText(editor.name);
    await expect(first.getByRole("link", { name: commitmentText })).toBeVisible();
    const later = list.getByRole("row").filter({ hasText: laterTitle });
    await expect(later).toContainText("1 Jan 2099");
    await expect(later).not.toContainText("Overdue");

    // Marked done through its edit form, still without JavaScript.
    await later.getByRole("link", { name: /^Edit/ }).click();
    await page.getByLabel("Status").selectOption({ label: "Done" });
    await page.getByRole("button", { name: "Save follow-up" }).click();
    await expect(page.getByText("The follow-up was saved.")).toBeVisible();
    await expect(list.getByRole("row").filter({ hasText: laterTitle })).toContainText("Done");
  } finally {
    await context.close();
  }
});

test("an overdue follow-up shows on the dashboard and on its owner's account page, on a phone", async ({ browser }) => {
  const { context, page } = await signedIn(browser, { viewport: phone });
  try {
    await gotoHydrated(page, `/visits/${fixture.visit}/follow-ups`);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await gotoHydrated(page, "/dashboard");
    const followUps = page.getByRole("region", { name: "Visit follow-ups" });
    const overdue = followUps.getByRole("list", { name: "Overdue follow-ups" });
    await expect(overdue.getByRole("link", { name: overdueTitle })).toHaveAttribute(
      "href",
      new RegExp(`^/visits/${fixture.visit}/follow-ups#follow-up-\\d+$`),
    );
    await expect(overdue.getByRole("listitem")).toContainText(/days overdue/);
    const visits = page.getByRole("region", { name: "Visits in the next 90 days" });
    const row = visits.getByRole("row").filter({ hasText: "Jakarta return visit" });
    await expect(row).toContainText("Incomplete: an item on every day");
    await expect(row).toContainText("Not generated");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await gotoHydrated(page, "/account");
    const mine = page.getByRole("region", { name: "My follow-ups" });
    await expect(mine.getByRole("listitem").filter({ hasText: overdueTitle })).toContainText("Overdue");
    // Done follow-ups are not listed.
    await expect(mine.getByText(laterTitle)).toHaveCount(0);
    await expect(page.getByLabel("Follow-up reminders")).toBeChecked();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
  } finally {
    await context.close();
  }
});

test("an edit saved over someone else's shows both versions, and the editor's goes back into the form and saves", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser);
  try {
    await gotoHydrated(page, `/visits/${fixture.visit}/follow-ups`);
    const row = page.getByRole("region", { name: "Follow-ups" }).getByRole("row").filter({ hasText: overdueTitle });
    await row.getByRole("link", { name: /^Edit/ }).click();
    await expect(page.getByRole("heading", { name: `Edit follow-up: ${overdueTitle}` })).toBeVisible();
    const followUpId = await page.locator('#follow-up-form input[name="followUpId"]').inputValue();
    const ownerId = await page.getByLabel("Owner", { exact: true }).inputValue();

    // Someone else moves the due date meanwhile.
    const theirs = await page.request.post(`/visits/${fixture.visit}/follow-ups`, {
      form: {
        intent: "update",
        followUpId,
        version: "1",
        titleEn: overdueTitle,
        ownerId,
        dueOn: "2020-02-01",
        status: "open",
      },
      maxRedirects: 0,
    });
    expect(theirs.status()).toBe(302);

    await page.getByLabel("What is to be done (English)").fill(`${overdueTitle} by courier`);
    await page.getByRole("button", { name: "Save follow-up" }).click();
    await expect(
      page.getByRole("heading", { name: "Someone changed this follow-up while you were editing it" }),
    ).toBeVisible();
    const due = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Due date" }) });
    await expect(due).toContainText("15 Jan 2020");
    await expect(due).toContainText("1 Feb 2020");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(page.getByLabel("What is to be done (English)")).toHaveValue(`${overdueTitle} by courier`);
    await page.getByRole("button", { name: "Save follow-up" }).click();
    await expect(page.getByText("The follow-up was saved.")).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "Follow-ups" })
        .getByRole("row")
        .filter({ hasText: `${overdueTitle} by courier` }),
    ).toContainText("15 Jan 2020");
  } finally {
    await context.close();
  }
});

test("a viewer reads a visit's follow-ups and may not change them", async ({ browser }) => {
  const { context, page } = await signedIn(browser, { viewport: phone }, viewer);
  try {
    await gotoHydrated(page, `/visits/${fixture.visit}/follow-ups`);
    await expect(page.getByRole("region", { name: "Follow-ups" }).getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("heading", { name: "Add a follow-up" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    const post = await page.request.post(`/visits/${fixture.visit}/follow-ups`, {
      form: { intent: "create", titleEn: "Not mine to add", ownerId: "1", dueOn: "2030-01-01", status: "open" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
  } finally {
    await context.close();
  }
});
