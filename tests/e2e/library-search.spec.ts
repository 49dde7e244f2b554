import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * The public library's search and filters (issue 11), as a visitor without an account uses them:
 * without JavaScript, the form a plain GET whose state is the page's address.
 */

test.use({ javaScriptEnabled: false, viewport: phone });

/** axe runs in the page, so it needs scripts: the same address, checked in a browser that runs them. */
async function expectAccessibleOnPhone(browser: Browser, baseURL: string, url: string, lang = "en") {
  // The test runner gives new contexts the file's options: scripts are turned back on here.
  const context = await browser.newContext({
    baseURL,
    viewport: phone,
    javaScriptEnabled: true,
    extraHTTPHeaders: { "Accept-Language": lang },
  });
  const page = await context.newPage();
  await page.goto(url);
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await context.close();
}

const results = (page: Page) => page.getByRole("region", { name: /Results|Hasil/ }).getByRole("listitem");

test("finds innovations by name, by word in either language and despite a typo, without JavaScript", async ({
  page,
  browser,
  baseURL,
}) => {
  // Typed into the box on the library's first page, the search is ranked by best match.
  await page.goto("/library");
  await page.getByRole("searchbox", { name: "Search" }).fill("asan");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/library\?q=asan&.*sort=relevance/);
  await expect(results(page).first().getByRole("heading")).toHaveText("ASAN Xidmat service centres");
  await expect(results(page).first().locator("mark").first()).toHaveText(/asan/i);

  // The form, submitted as a browser without scripts does: a GET whose address holds the search.
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("malaria");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/library\?q=malaria/);
  await expect(results(page).getByRole("heading", { name: /EDAT/ })).toBeVisible();

  await page.goto("/library?q=xidmet");
  await expect(page.getByText("No innovation contains these words; these have similar names.")).toBeVisible();
  await expect(results(page).first().getByRole("heading")).toHaveText("ASAN Xidmat service centres");

  // Words that match nothing, not even a name: the library offers its closest words.
  await page.goto("/library?q=villaje+wrkers");
  await expect(page.getByRole("status")).toHaveText("No innovation matches the search and filters.");
  await page.getByRole("link", { name: "village workers" }).click();
  await expect(page).toHaveURL(/\/library\?q=village\+workers$/);
  await expect(results(page).first().getByRole("heading")).toContainText("Malaria control");

  await expectFitsPhone(page);
  await expectAccessibleOnPhone(browser, baseURL!, "/library?q=asan");
});

test("narrows the list and its counts by sector, and clears the filters", async ({ page, browser, baseURL }) => {
  await page.goto("/library");
  const all = await results(page).count();
  expect(all).toBeGreaterThan(1);
  const sector = page.getByRole("combobox", { name: "Sector" });
  const health = sector.getByRole("option", { name: /^Health \(\d+\)$/ });
  const healthCount = Number((await health.textContent())!.match(/\((\d+)\)/)![1]);
  expect(healthCount).toBeGreaterThan(0);
  expect(healthCount).toBeLessThan(all);

  await sector.selectOption("health");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/sector=health/);
  await expect(results(page)).toHaveCount(healthCount);
  await expect(results(page).first()).toContainText("Health");
  // The other filters count within the sector; the sector's own list still offers every sector.
  const countryCounts = await page
    .getByRole("combobox", { name: "Country" })
    .getByRole("option")
    .evaluateAll((options) => options.map((o) => Number(o.textContent!.match(/\((\d+)\)$/)?.[1] ?? 0)));
  expect(countryCounts.reduce((a, b) => a + b, 0)).toBe(healthCount);
  await expect(sector.getByRole("option", { name: /^Public service delivery \(\d+\)$/ })).toHaveCount(1);
  await expect(sector).toHaveValue("health");

  await expectFitsPhone(page);
  await expectAccessibleOnPhone(browser, baseURL!, page.url());
  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(page).toHaveURL(/\/library$/);
  await expect(results(page)).toHaveCount(all);

  // A page past the last one says so, and leads back to the first.
  await page.goto("/library?sector=health&page=40");
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL(/\/library\?sector=health$/);
  await expect(results(page)).toHaveCount(healthCount);

  // A country chosen with a sector none of its cases has: named, not its code.
  await page.goto("/library?sector=health&country=AZ");
  await expect(page.getByRole("combobox", { name: "Country" }).locator("option:checked")).toHaveText("Azerbaijan (0)");
});

test("lets any cache keep a visitor's search, and answers a repeat view 304", async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const first = await visitor.get("/library?q=malaria");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await visitor.get("/library?q=malaria", { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
  // Another search is another page.
  const other = await visitor.get("/library?q=asan", { headers: { "If-None-Match": etag! } });
  expect(other.status()).toBe(200);
  await visitor.dispose();
});

test.describe("in Bahasa Indonesia", () => {
  test.use({ locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } });

  test("finds the public service malls by an Indonesian word, with sector labels in Indonesian", async ({
    page,
    browser,
    baseURL,
  }) => {
    await page.goto("/library?q=pelayanan");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(results(page).first().getByRole("heading")).toHaveText(/Mal Pelayanan Publik/);
    await expect(results(page).first()).toContainText("Pelayanan publik");
    await expect(
      page.getByRole("combobox", { name: "Sektor" }).getByRole("option", { name: /^Kesehatan \(\d+\)$/ }),
    ).toHaveCount(1);
    await expectAccessibleOnPhone(browser, baseURL!, "/library?q=pelayanan&sector=public_service_delivery", "id");
  });
});
