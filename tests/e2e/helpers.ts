import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { demoPassword, expect, installHydrationProbe, signIn } from "./fixtures";

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

/** A browser of its own (another person's), signed in as `email`; close its context when done. */
export async function signedInBrowser(
  browser: Browser,
  options: { baseURL: string; email: string; password?: string; timezoneId?: string },
) {
  const context = await browser.newContext({ baseURL: options.baseURL, locale: "en-GB", timezoneId: options.timezoneId });
  await installHydrationProbe(context);
  const page = await context.newPage();
  await signIn(page, options.email, options.password ?? demoPassword);
  return { context, page };
}

/**
 * Creates an activity through the form's action (no browser), as a signed-in editor's `request`,
 * returning its id. `fields` are what the form would send besides a planned online meeting.
 */
export async function createActivityThroughForm(
  request: APIRequestContext,
  baseURL: string,
  fields: { titleEn: string; startsOn: string } & Record<string, string>,
) {
  const response = await request.post("/activities/new", {
    form: { intent: "save", type: "meeting", status: "planned", mode: "online", lessons: "", lessonsFormat: "text", ...fields },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `create the activity "${fields.titleEn}"`).toBe(302);
  const id = /^\/activities\/(\d+)\?created=1$/.exec(response.headers()["location"] ?? "")?.[1];
  expect(id, "redirect to the new activity").toBeTruthy();
  return Number(id);
}
