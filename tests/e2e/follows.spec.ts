/**
 * Following an agreement for the weekly digest, the email notices on /account, and an unsubscribe
 * link that is not valid (issue 10): at 390 px, axe-clean, and following without JavaScript too.
 * Each test signs in as a user of its own, so the demo accounts keep what they follow.
 */
import type { Page } from "@playwright/test";
import { createUser } from "../support/http-factories";
import { addSession, expect, gotoHydrated, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

const phone = { width: 390, height: 844 };
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width + 1);

test.describe("following and email notices", () => {
  test.use({ viewport: phone });

  test("a viewer follows an agreement from its page and stops following it", async ({ page, requestAs, baseURL }) => {
    const user = await createUser(await requestAs("admin"), baseURL!, "viewer");
    await addSession(page.context(), baseURL!, user);
    await gotoHydrated(page, "/agreements/1");
    const follow = page.getByRole("button", { name: "Follow", exact: true });
    await expect(follow).toHaveAccessibleDescription("Follow to get its changes in your weekly email digest.");
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);

    await follow.click();
    const unfollow = page.getByRole("button", { name: "Stop following" });
    await expect(unfollow).toHaveAccessibleDescription(
      "You follow this. Its changes come in your weekly email digest.",
    );
    await expect(page).toHaveURL(/\/agreements\/1$/);
    await page.reload();
    await expect(unfollow).toBeVisible();
    await expectNoAxeViolations(page);

    await unfollow.click();
    await expect(follow).toBeVisible();
    await page.reload();
    await expect(follow).toBeVisible();
  });

  test("following works without JavaScript", async ({ browser, requestAs, baseURL }) => {
    const user = await createUser(await requestAs("admin"), baseURL!, "viewer");
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: phone });
    try {
      await addSession(context, baseURL!, user);
      const page = await context.newPage();
      await page.goto("/commitments/1");
      await page.getByRole("button", { name: "Follow", exact: true }).click();
      await expect(page).toHaveURL(/\/commitments\/1$/);
      await expect(page.getByRole("button", { name: "Stop following" })).toBeVisible();
      await page.getByRole("button", { name: "Stop following" }).click();
      await expect(page.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("a user turns email notices off and on again on /account", async ({ page, requestAs, baseURL }) => {
    const user = await createUser(await requestAs("admin"), baseURL!, "viewer");
    await addSession(page.context(), baseURL!, user);
    await gotoHydrated(page, "/account");
    const notices = page.getByRole("region", { name: "Email notices" });
    const digest = notices.getByLabel("Weekly digest");
    const reminders = notices.getByLabel("Activity reminders");
    const dueDates = notices.getByLabel("Commitment due dates");
    for (const box of [digest, reminders, dueDates]) await expect(box).toBeChecked();
    await expect(digest).toHaveAccessibleDescription(
      "On Monday at 08:00 in your time zone: what changed in the records you follow.",
    );
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);

    await digest.uncheck();
    await reminders.uncheck();
    await notices.getByRole("button", { name: "Save email notices" }).click();
    await expect(page.getByRole("status")).toHaveText("Your preferences were saved.");
    await page.reload();
    await expect(digest).not.toBeChecked();
    await expect(reminders).not.toBeChecked();
    await expect(dueDates).toBeChecked();

    await digest.check();
    await notices.getByRole("button", { name: "Save email notices" }).click();
    await expect(page.getByRole("status")).toHaveText("Your preferences were saved.");
    await page.reload();
    await expect(digest).toBeChecked();
    await expect(reminders).not.toBeChecked();
  });

  test("an unsubscribe link that is not valid says so, in the reader's language", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "id-ID", viewport: phone });
    try {
      const page = await context.newPage();
      const response = await page.goto("/unsubscribe/1.digest.not-a-real-token");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Berhenti berlangganan" })).toBeVisible();
      await expect(page.getByRole("alert")).toContainText("Tautan berhenti berlangganan ini tidak sah.");
      await expect(page.getByRole("button", { name: "Berhenti berlangganan" })).toHaveCount(0);
      await noSidewaysScroll(page);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
