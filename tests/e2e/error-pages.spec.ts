import type { Page } from "@playwright/test";
import { expect, gotoHydrated, test, waitForHydration } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

/** The site's frame around an error page: header, main navigation, language switch and footer. */
async function expectSiteFrame(page: Page, names: { nav: string; language: string }) {
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: names.nav })).toBeVisible();
  await expect(page.getByRole("combobox", { name: names.language })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  // One title: the error page's, not the root's "Jembatan" beside it.
  await expect(page.locator("title")).toHaveCount(1);
}

test.describe("a signed-in reader", () => {
  test("an unknown address is a 404 page inside the layout, with the staff navigation", async ({ page, loginAs }) => {
    await loginAs("editor");
    const response = await page.goto("/this-does-not-exist");
    expect(response?.status()).toBe(404);
    await waitForHydration(page);
    await expect(page).toHaveTitle("Page not found · Jembatan");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Activities" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // The app runs on it as on any signed-in page.
    await expect(page.locator("html")).toHaveAttribute("data-scripts", "app");
    await expectNoAxeViolations(page);

    // The navigation works from there.
    await nav.getByRole("link", { name: "Activities" }).click();
    await expect(page).toHaveURL(/\/activities$/);
    await expect(page.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();
    await expect(page).not.toHaveTitle(/Page not found/);
  });

  test("the language switch on a 404 page turns it Indonesian", async ({ page, loginAs }) => {
    await loginAs("editor");
    await gotoHydrated(page, "/this-does-not-exist");
    await page.getByLabel("Language").selectOption({ label: "Bahasa Indonesia" });
    await page.getByRole("button", { name: "Change" }).click();
    await expect(page).toHaveURL(/\/this-does-not-exist$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page).toHaveTitle("Halaman tidak ditemukan · Jembatan");
    await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
    await expectSiteFrame(page, { nav: "Utama", language: "Bahasa" });
    await expect(page.getByRole("navigation", { name: "Utama" }).getByRole("link", { name: "Dasbor" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a missing record reached in the app shows the 404 page inside the layout", async ({ page, loginAs }) => {
    await loginAs("viewer");
    // A client-side navigation: the error arrives as data and the root error boundary renders it.
    await page.evaluate(async () => {
      const router = (window as unknown as { __reactRouterDataRouter: { navigate: (to: string) => Promise<void> } })
        .__reactRouterDataRouter;
      await router.navigate("/activities/2000000000");
    });
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Jembatan");
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  });

  // The server's own answers while the database is away (503, app/lib/availability.server.ts)
  // and for an error outside React Router (500), as a client-side navigation receives them. The
  // whole data request failed, the root's data with it: the frame is shown without the reader.
  for (const [status, body, heading] of [
    [503, "<!DOCTYPE html><title>unavailable</title>", "The service is briefly unavailable"],
    [500, "Internal Server Error", "Something went wrong"],
  ] as const) {
    test(`a ${status} met in the app is shown inside the layout`, async ({ page, loginAs }) => {
      await loginAs("viewer");
      await page.route(/\/agreements\.data/, (route) =>
        route.fulfill({ status, body, contentType: status === 503 ? "text/html" : "text/plain" }),
      );
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agreements" }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(`${heading} · Jembatan`);
      await expectSiteFrame(page, { nav: "Main", language: "Language" });
      await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
      await expectNoAxeViolations(page);
      // The next page that answers brings the reader's header back.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Library of innovations" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  }

  test("a viewer on an editor's page gets a 403 page inside the layout", async ({ page, loginAs }) => {
    await loginAs("viewer");
    const response = await page.goto("/activities/new");
    expect(response?.status()).toBe(403);
    await waitForHydration(page);
    await expect(page).toHaveTitle("Not allowed · Jembatan");
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Your account does not have access to this page.")).toBeVisible();
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Signed in as Demo Viewer/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a post the root refuses before its loader runs is shown in the layout, without user parts", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    // A file sent to a form that takes none: the root middleware refuses it (400) before the root
    // loader runs, so the page does not know who is reading it.
    await page.evaluate(() => {
      const form = document.createElement("form");
      form.method = "post";
      form.enctype = "multipart/form-data";
      form.action = "/account";
      form.id = "upload";
      const input = document.createElement("input");
      input.type = "file";
      input.name = "attachment";
      form.append(input);
      document.body.append(form);
    });
    await page
      .locator("#upload input")
      .setInputFiles({ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("a") });
    const answered = page.waitForResponse((r) => r.url().endsWith("/account") && r.request().method() === "POST");
    await page.evaluate(() => (document.getElementById("upload") as HTMLFormElement).submit());
    expect((await answered).status()).toBe(400);
    await expect(page).toHaveTitle("Request not accepted · Jembatan");
    await expect(page.getByRole("heading", { level: 1, name: "Request not accepted" })).toBeVisible();
    await expect(page.getByText("This form does not accept files.")).toBeVisible();
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
    // Neither a sign-out for someone it cannot name nor a sign-in for someone who is signed in.
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe("a visitor", () => {
  test("an unknown address is a 404 page with the header, language switch and no app script", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Jembatan");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(
      0,
    );
    // Visitors' pages are plain HTML (docs/decisions/0003-visitor-pages-without-scripts.md).
    await expect(page.locator("html")).toHaveAttribute("data-scripts", "none");
    await expect(page.locator("script[type=module]")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("an unpublished or unknown case is a 404 page inside the layout", async ({ page }) => {
    const response = await page.goto("/library/no-such-case");
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle("Page not found · Jembatan");
    await expectSiteFrame(page, { nav: "Main", language: "Language" });
  });

  test.describe("in Indonesian (Accept-Language: id)", () => {
    test.use({ locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } });

    test("the 404 page and its frame are Indonesian", async ({ page }) => {
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", "id");
      await expect(page).toHaveTitle("Halaman tidak ditemukan · Jembatan");
      await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
      await expectSiteFrame(page, { nav: "Utama", language: "Bahasa" });
      await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
});
