import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { demoPassword, expect, installHydrationProbe, signIn, uniqueSuffix, type Role } from "./fixtures";

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
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: "en-GB",
    timezoneId: options.timezoneId,
  });
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
    form: {
      intent: "save",
      type: "meeting",
      status: "planned",
      mode: "online",
      lessons: "",
      lessonsFormat: "text",
      ...fields,
    },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `create the activity "${fields.titleEn}"`).toBe(302);
  const id = /^\/activities\/(\d+)\?created=1$/.exec(response.headers()["location"] ?? "")?.[1];
  expect(id, "redirect to the new activity").toBeTruthy();
  return Number(id);
}

/** A user of this test alone, made through the admin page, so demo accounts keep their state. */
export async function newUser(admin: APIRequestContext, baseURL: string, role: Role, tag = uniqueSuffix()) {
  const email = `security-${role}-${tag}@example.org`;
  const password = `security-password-${tag}`;
  const response = await admin.post("/admin/users", {
    form: { intent: "create", email, name: `Security ${tag}`, role, timeZone: "UTC", password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `create ${email}`).toBe(302);
  return { email, password, ...(await userRow(admin, email)) };
}

/** A user's id and version as the admin page shows them. */
export async function userRow(admin: APIRequestContext, email: string) {
  const html = (await (await admin.get("/admin/users")).body()).toString("utf8");
  const row = new RegExp(`${email.replace(/[.]/g, "\\.")}</th>([\\s\\S]*?)</tr>`).exec(html)?.[1];
  expect(row, `${email} on /admin/users`).toBeTruthy();
  return {
    id: /name="id" value="(\d+)"/.exec(row!)![1]!,
    version: /name="version" value="(\d+)"/.exec(row!)![1]!,
  };
}
