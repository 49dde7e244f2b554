import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createActivity } from "../support/http-factories";
import { addSession, expect, gotoHydrated, test, uniqueSuffix, waitForHydration } from "./fixtures";

// The notice after a save travels in a cookie (app/lib/flash.server.ts), never in the address.
const flashCookie = "__flash_notice";
const saved = "The activity was saved.";

async function saveUnchanged(page: Page, id: number) {
  await page.getByRole("button", { name: "Save activity" }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
}

async function expectNoticeOnce(page: Page, context: BrowserContext) {
  await expect(page.getByRole("status")).toHaveText(saved);
  expect(page.url()).not.toMatch(/saved|created|notice/);
  // The page that showed it cleared it: nothing is left to show a second time.
  expect((await context.cookies()).map((c) => c.name)).not.toContain(flashCookie);
}

async function editorWithoutScripts(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  await addSession(context, baseURL, "editor");
  return { context, page: await context.newPage() };
}

test("a save's notice shows once: not after a reload, not on the next page, not back in history", async ({
  page,
  context,
  loginAs,
  requestAs,
  baseURL,
}) => {
  const id = await createActivity(await requestAs("editor"), baseURL!, `Flash notice ${uniqueSuffix()}`);
  await loginAs("editor");
  await gotoHydrated(page, `/activities/${id}/edit`);
  await saveUnchanged(page, id);
  await expectNoticeOnce(page, context);

  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);

  // A client-side navigation after the save leaves the notice behind, and so does coming back.
  await gotoHydrated(page, `/activities/${id}/edit`);
  await saveUnchanged(page, id);
  await expect(page.getByRole("status")).toHaveText(saved);
  await page.getByRole("link", { name: "← Back to the activities" }).click();
  await expect(page).toHaveURL(/\/activities$/);
  await expect(page.getByText(saved)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);
});

test("without JavaScript the notice shows once too", async ({ browser, baseURL, requestAs }) => {
  const id = await createActivity(await requestAs("editor"), baseURL!, `Flash notice no-JS ${uniqueSuffix()}`);
  const { context, page } = await editorWithoutScripts(browser, baseURL!);
  try {
    await page.goto(`/activities/${id}/edit`);
    await saveUnchanged(page, id);
    await expectNoticeOnce(page, context);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(saved)).toHaveCount(0);
  } finally {
    await context.close();
  }
});
