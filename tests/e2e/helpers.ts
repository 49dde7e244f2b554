import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { addSession, expect, gotoHydrated, installHydrationProbe, type Who } from "./fixtures";

/** Fails with the list of axe's findings, so the report says what is wrong where. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(summary).toEqual([]);
}

/**
 * A browser of its own (another person's), signed in as `who` (see addSession) and on the
 * dashboard; close its context when done.
 */
export async function signedInBrowser(browser: Browser, options: { baseURL: string; who: Who; timezoneId?: string }) {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: "en-GB",
    timezoneId: options.timezoneId,
  });
  await installHydrationProbe(context);
  await addSession(context, options.baseURL, options.who);
  const page = await context.newPage();
  await gotoHydrated(page, "/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}
