import type { BrowserContext, Page } from "@playwright/test";
import { postForm } from "../support/http";
import { expect, gotoHydrated, test, waitForHydration } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

/** The language the `lng` cookie holds (React Router's cookies are base64-encoded JSON). */
async function languageCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "lng");
  if (!cookie) return undefined;
  const value = JSON.parse(Buffer.from(decodeURIComponent(cookie.value), "base64").toString("utf8")) as string;
  return { ...cookie, value };
}

test.describe("Accept-Language: id", () => {
  test.use({ locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" } });

  test("the site speaks Indonesian", async ({ page }) => {
    await gotoHydrated(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 2, name: "Angka utama" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Kerja Sama Indonesia–Azerbaijan di Bidang Pelayanan Publik",
    );
    await expect(page.getByRole("navigation", { name: "Utama" }).getByRole("link", { name: "Pustaka" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Masuk" }).first()).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Bahasa" })).toHaveValue("id");
  });

  test("the sign-in page is Indonesian too", async ({ page }) => {
    await gotoHydrated(page, "/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
    await expect(page.getByLabel("Kata sandi")).toBeVisible();
    await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
  });
});

/** Azerbaijani on the page: its language, the layout's words, and the note on records shown in English. */
async function expectAzerbaijani(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "az");
  await expect(page.getByRole("navigation", { name: "Əsas menyu" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("combobox", { name: "Dil" })).toHaveValue("az");
  await expect(page.getByText("Qeydlərin Azərbaycan dilində mətni olmadıqda")).toBeVisible();
}

test.describe("Accept-Language: az", () => {
  test.use({ locale: "az-Latn-AZ", extraHTTPHeaders: { "Accept-Language": "az-AZ,az;q=0.9,en;q=0.5" } });

  test("the visitors' pages speak Azerbaijani and pass axe", async ({ page }) => {
    await gotoHydrated(page, "/");
    await expectAzerbaijani(page);
    await expect(page.getByRole("heading", { level: 2, name: "Əsas göstəricilər" })).toBeVisible();
    await expectNoAxeViolations(page);

    await gotoHydrated(page, "/library");
    await expectAzerbaijani(page);
    await expect(page.getByRole("heading", { level: 1, name: "İnnovasiyalar kitabxanası" })).toBeVisible();
    // A case without an Azerbaijani title is listed in English, marked so on its own row.
    const listedInEnglish = page.getByRole("main").getByRole("link", { name: /\(ingilis dilində\)$/ });
    await expect(listedInEnglish.first()).toBeVisible();
    await expect(listedInEnglish.first().locator('[lang="en"]')).toBeVisible();
    await expect(listedInEnglish.first()).toContainText("EN");
    await expectNoAxeViolations(page);

    await gotoHydrated(page, "/login");
    await expectAzerbaijani(page);
    await expect(page.getByRole("heading", { level: 1, name: "Daxil olun" })).toBeVisible();
    await expect(page.getByLabel("Parol")).toBeVisible();
  });

  test("a case page marks the texts it shows in English", async ({ page }) => {
    await gotoHydrated(page, "/library");
    await page.getByRole("main").getByRole("link", { name: /ASAN/ }).first().click();
    await expect(page.locator("html")).toHaveAttribute("lang", "az");
    await expect(page.getByText("(ingilis dilində)").first()).toBeVisible();
    await expect(page.getByRole("main").locator('[lang="en"]').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("Azerbaijani, signed in", () => {
  test("the staff's pages speak Azerbaijani, dates and numbers included", async ({ page, loginAs }) => {
    test.setTimeout(120_000);
    // The sign-in fixture expects the English dashboard; the reader then chooses Azerbaijani.
    await loginAs("admin");
    await page.getByLabel("Language").selectOption({ label: "Azərbaycanca" });
    await page.getByRole("button", { name: "Change" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "az");
    await gotoHydrated(page, "/dashboard");
    await expectAzerbaijani(page);
    await expect(page.getByRole("heading", { level: 1, name: "İdarə paneli" })).toBeVisible();
    await expectNoAxeViolations(page);

    await gotoHydrated(page, "/activities");
    await expectAzerbaijani(page);
    await expect(page.getByRole("heading", { level: 1, name: "Tədbirlər" })).toBeVisible();
    // A row whose title has no Azerbaijani text is marked where it stands; one that has is not.
    const markedRow = page.getByRole("table").getByRole("link", { name: /\(ingilis dilində\)$/ });
    await expect(markedRow.first()).toBeVisible();
    await expect(markedRow.first().locator('[lang="en"]')).toBeVisible();
    await expect(
      page
        .getByRole("table")
        .getByRole("link", { name: /^Nümunə: [^(]*$/ })
        .first(),
    ).toBeVisible();
    // Intl's Azerbaijani months: "10 okt 2023", "1 iyl 2024".
    await expect(
      page
        .getByRole("table")
        .getByText(/\b(yan|fev|mar|apr|may|iyn|iyl|avq|sen|okt|noy|dek)\b/)
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    for (const [url, heading] of [
      ["/agreements", "Sazişlər"],
      ["/account", "Hesabınız"],
    ] as const) {
      await gotoHydrated(page, url);
      await expectAzerbaijani(page);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }

    // A record without Azerbaijani text says so where the text stands, and the text keeps its language.
    await gotoHydrated(page, "/agreements");
    await page
      .getByRole("link", { name: /Memorandum of Understanding/ })
      .first()
      .click();
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("(ingilis dilində)");
    await expect(heading.locator("span[lang=en]")).toContainText("Memorandum of Understanding");
    await expectNoAxeViolations(page);
  });
});

test.describe("Accept-Language: en", () => {
  test("the site speaks English", async ({ page }) => {
    await gotoHydrated(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Key numbers" })).toBeVisible();
    // Every case has an English title: no row is marked as shown in another language.
    await gotoHydrated(page, "/library");
    await expect(page.getByRole("main").getByRole("link", { name: /\(in [A-Z]\w+\)$/ })).toHaveCount(0);
  });
});

test.describe("the language switcher", () => {
  test("switches to Bahasa Indonesia at once, remembers it, and switches back", async ({ page, context }) => {
    await gotoHydrated(page, "/library");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Library of innovations" })).toBeVisible();

    await page.getByLabel("Language").selectOption({ label: "Bahasa Indonesia" });
    await page.getByRole("button", { name: "Change" }).click();

    // Same page, now in Indonesian.
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1, name: "Pustaka inovasi" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Bahasa" })).toHaveValue("id");
    expect((await languageCookie(context))?.value).toBe("id");

    // Another page, reached through the app: still Indonesian.
    await page.getByRole("link", { name: /^Jembatan/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 2, name: "Angka utama" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");

    // And back to English.
    await page.getByLabel("Bahasa").selectOption({ label: "English" });
    await page.getByRole("button", { name: "Ganti" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Key numbers" })).toBeVisible();
    // Every case has an English title: no row is marked as shown in another language.
    await gotoHydrated(page, "/library");
    await expect(page.getByRole("main").getByRole("link", { name: /\(in [A-Z]\w+\)$/ })).toHaveCount(0);
  });

  test("the choice is kept in a cookie and wins over Accept-Language", async ({ page, context }) => {
    await gotoHydrated(page, "/library");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByLabel("Language").selectOption({ label: "Bahasa Indonesia" });
    await page.getByRole("button", { name: "Change" }).click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    const lng = await languageCookie(context);
    expect(lng?.value).toBe("id");
    expect(lng?.httpOnly).toBe(true);
    expect(lng?.sameSite).toBe("Lax");

    // A fresh load of this page and of others, with the browser still asking for English.
    await page.reload();
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1, name: "Pustaka inovasi" })).toBeVisible();
    await gotoHydrated(page, "/");
    await expect(page.getByRole("heading", { level: 2, name: "Angka utama" })).toBeVisible();
    // Moving around inside the app once hydrated in Indonesian stays Indonesian.
    await page.getByRole("navigation", { name: "Utama" }).getByRole("link", { name: "Pustaka" }).click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pustaka inovasi" })).toBeVisible();

    // And back to English.
    await page.getByLabel("Bahasa").selectOption({ label: "English" });
    await page.getByRole("button", { name: "Ganti" }).click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await languageCookie(context))?.value).toBe("en");
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Library of innovations" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  });

  test("offers Azərbaycanca and keeps it", async ({ page, context }) => {
    await gotoHydrated(page, "/library");
    await page.getByLabel("Language").selectOption({ label: "Azərbaycanca" });
    await page.getByRole("button", { name: "Change" }).click();
    await expect(page).toHaveURL(/\/library$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "az");
    await expect(page.getByRole("heading", { level: 1, name: "İnnovasiyalar kitabxanası" })).toBeVisible();
    expect((await languageCookie(context))?.value).toBe("az");

    await page.reload();
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "az");
    await page.getByRole("link", { name: /^Jembatan/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 2, name: "Əsas göstəricilər" })).toBeVisible();

    await page.getByLabel("Dil").selectOption({ label: "English" });
    await page.getByRole("button", { name: "Dəyiş" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await languageCookie(context))?.value).toBe("en");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the switcher works as a plain form", async ({ page }) => {
      await page.goto("/library");
      await page.getByLabel("Language").selectOption({ label: "Bahasa Indonesia" });
      await page.getByRole("button", { name: "Change" }).click();
      await expect(page).toHaveURL(/\/library$/);
      await expect(page.locator("html")).toHaveAttribute("lang", "id");
      await expect(page.getByRole("heading", { level: 1, name: "Pustaka inovasi" })).toBeVisible();
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 2, name: "Angka utama" })).toBeVisible();
    });
  });

  test("the switcher only redirects within the site", async ({ request, baseURL }) => {
    const response = await postForm(request, baseURL!, "/language", { lng: "id", redirectTo: "//evil.example/" });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/");
  });
});
