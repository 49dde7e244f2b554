import { expect, gotoHydrated, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

test.describe("landing page", () => {
  test("shows the partnership, its key numbers with sources, and a way into the library", async ({ page }) => {
    const response = await gotoHydrated(page, "/");
    expect(response?.status()).toBe(200);

    const hero = page.getByRole("region", { name: "Indonesia–Azerbaijan cooperation on public service delivery" });
    await expect(hero.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(hero).toContainText("ASAN Xidmat");
    await expect(hero).toContainText("Mal Pelayanan Publik");

    const figures = page.getByRole("region", { name: "Key numbers" });
    await expect(figures.getByRole("heading", { level: 2, name: "Key numbers" })).toBeVisible();
    const items = figures.getByRole("listitem");
    await expect(items).toHaveCount(6);
    // Every number cites where it comes from.
    for (const item of await items.all()) await expect(item).toContainText("Source:");
    const malls = items.filter({ hasText: "public service malls (MPP) operating in Indonesia" });
    await expect(malls).toContainText("207");
    await expect(malls).toContainText("as of 1 Jul 2024");
    await expect(malls).toContainText("ANTARA");
    // A citation a reader can check: the headline and a quotation, marked as Indonesian.
    await expect(malls.locator('cite[lang="id"]')).toHaveText(
      "“RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik”",
    );
    await expect(malls.locator('q[lang="id"]')).toContainText("Rencana aksi tersebut");
    // An article that prints no headline is cited by a title of ours, marked as such.
    const centres = items.filter({ hasText: "ASAN Xidmat centres across Azerbaijan" });
    await expect(centres).toContainText("[descriptive title: Minister Abdullah Azwar Anas visits ASAN Xidmat in Baku]");

    const libraryLink = page.getByRole("link", { name: "Open the library" });
    await expect(libraryLink).toHaveAttribute("href", "/library");
    await libraryLink.click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.getByRole("heading", { level: 1, name: "Library of innovations" })).toBeVisible();
  });

  test("is served with a Content-Security-Policy and other security headers", async ({ request }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    // A fresh nonce on every response.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("the page runs under its CSP without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    await gotoHydrated(page, "/");
    expect(violations).toEqual([]);
  });
});

test.describe("accessibility (axe)", () => {
  for (const path of ["/", "/login", "/library"]) {
    test(`${path} has no axe violations`, async ({ page }) => {
      await gotoHydrated(page, path);
      await expectNoAxeViolations(page);
    });
  }

  test("/dashboard (signed in) has no axe violations", async ({ page, loginAs }) => {
    await loginAs("editor");
    await expectNoAxeViolations(page);
  });
});
