/**
 * Phones and paper: at 390 px (a common phone width) no page scrolls sideways, and a printed page
 * leaves out what only works on screen (navigation, buttons, filter forms, pagers).
 */
import type { Page } from "@playwright/test";
import { createActivity } from "../support/http-factories";
import { expect, gotoHydrated, signedInRequest, test, uniqueSuffix } from "./fixtures";
import { expectNoAxeViolations, phone, sidewaysOverflow } from "./helpers";

// An activity today, so the dashboard draws its quarter chart (and its data table) whatever the date.
test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await signedInRequest(playwright, baseURL!, "editor");
  try {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    await createActivity(api, baseURL!, `Layout workshop ${uniqueSuffix()}`, { startsOn: today });
  } finally {
    await api.dispose();
  }
});

async function expectNoSidewaysScroll(page: Page, url: string) {
  await gotoHydrated(page, url);
  const { scrollWidth, offenders } = await sidewaysOverflow(page);
  expect
    .soft(scrollWidth, `${url} is ${scrollWidth} px wide: ${offenders.join(", ")}`)
    .toBeLessThanOrEqual(phone.width + 1);
}

/** The address of the first link on `url` whose address matches `pattern`. */
async function firstLink(page: Page, url: string, pattern: RegExp) {
  await gotoHydrated(page, url);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${url}`).toBeTruthy();
  return href!;
}

test.describe("at 390 px wide", () => {
  test.use({ viewport: phone });

  test("no visitor page scrolls sideways", async ({ page }) => {
    const casePage = await firstLink(page, "/library", /^\/library\/[^/?#]+$/);
    for (const url of ["/", "/library", casePage, "/login"]) await expectNoSidewaysScroll(page, url);
  });

  test("no page scrolls sideways for a signed-in admin", async ({ page, loginAs }) => {
    test.setTimeout(180_000);
    await loginAs("admin");
    const activity = await firstLink(page, "/activities", /^\/activities\/\d+$/);
    const agreement = await firstLink(page, "/agreements", /^\/agreements\/\d+$/);
    const commitment = await firstLink(page, agreement, /^\/commitments\/\d+$/);
    const pages = [
      "/dashboard",
      "/activities",
      "/activities?q=a&sort=startsOn&dir=asc",
      "/activities/new",
      activity,
      `${activity}/edit`,
      "/agreements",
      "/agreements/new",
      agreement,
      `${agreement}/edit`,
      `${agreement}/commitments/new`,
      commitment,
      `${commitment}/edit`,
      "/account",
      "/admin/users",
      "/this-does-not-exist",
    ];
    for (const url of pages) await expectNoSidewaysScroll(page, url);
  });

  test("the pages with wide tables pass axe", async ({ page, loginAs }) => {
    test.setTimeout(180_000);
    await loginAs("admin");
    const agreement = await firstLink(page, "/agreements", /^\/agreements\/\d+$/);
    for (const url of ["/dashboard", "/activities", agreement, "/admin/users"]) {
      await gotoHydrated(page, url);
      await test.step(url, () => expectNoAxeViolations(page));
    }
  });

  test("the dashboard's chart table is hidden without leaving space below the footer", async ({ page, loginAs }) => {
    await loginAs("admin");
    await page.setViewportSize({ width: 1280, height: 800 });
    await gotoHydrated(page, "/dashboard");
    // Still there for screen readers, as the chart's text alternative.
    await expect(page.getByRole("table", { name: /activities per quarter/i })).toBeAttached();
    const { footerBottom, pageHeight } = await page.evaluate(() => ({
      footerBottom: document.querySelector(".site-footer")!.getBoundingClientRect().bottom + window.scrollY,
      pageHeight: document.documentElement.scrollHeight,
    }));
    expect(pageHeight).toBeLessThanOrEqual(Math.ceil(footerBottom) + 1);
  });
});

test.describe("printed", () => {
  async function expectPrintable(page: Page, table: ReturnType<Page["getByRole"]>) {
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(table.first()).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(page.getByRole("combobox", { name: /language/i })).toBeHidden();
    const visibleButtons = await page
      .locator("button, .button, input[type=submit]")
      .evaluateAll((all) => all.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.outerHTML));
    expect(visibleButtons).toEqual([]);
  }

  test("the activity list leaves out navigation, buttons, filters and pager", async ({ page, loginAs }) => {
    await loginAs("admin");
    await gotoHydrated(page, "/activities");
    await expectPrintable(page, page.getByRole("table"));
    await expect(page.locator("form.filters")).toBeHidden();
    await expect(page.getByRole("navigation", { name: /pages/i })).toBeHidden();
  });

  test("an agreement page leaves out navigation and buttons", async ({ page, loginAs }) => {
    await loginAs("admin");
    const agreement = await firstLink(page, "/agreements", /^\/agreements\/\d+$/);
    await gotoHydrated(page, agreement);
    await expectPrintable(page, page.locator("main table, main .commitment-list"));
  });
});
