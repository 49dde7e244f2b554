import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { readClientBuild } from "../support/client-build";
import { expect, gotoHydrated, test } from "./fixtures";

/*
 * What the browser loads: visitors without an account get plain HTML pages (every link and form on
 * them works without JavaScript) with one small script that tells the server their time zone;
 * signed-in people get the app, with only their own language's strings and no editor on pages
 * that only read.
 */

const budget = 110 * 1024;
const build = readClientBuild(path.resolve(import.meta.dirname, "../.."));

/** Every script the page loaded, with its gzip size, while `load` runs. */
async function scriptsLoaded(page: Page, load: () => Promise<unknown>) {
  const scripts: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then((body) => {
        scripts.push({ url: new URL(response.url()).pathname, gzip: gzipSync(body).byteLength });
      }),
    );
  });
  await load();
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  return scripts;
}

async function firstPublishedCase(page: Page) {
  await page.goto("/library");
  const href = await page.getByRole("main").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/library\/[a-z0-9-]+$/);
  return href!;
}

for (const [lang, locale] of [
  ["en", "en-GB"],
  ["id", "id-ID"],
] as const) {
  test.describe(`a visitor's pages in ${lang}`, () => {
    test.use({ locale, extraHTTPHeaders: { "Accept-Language": lang } });

    test("load no app script: at most 110 KB of JavaScript, no strings, no editor", async ({ page }) => {
      const casePage = await firstPublishedCase(page);
      for (const url of ["/", "/library", casePage, "/login"]) {
        const scripts = await scriptsLoaded(page, () => page.goto(url));
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("html")).toHaveAttribute("data-scripts", "none");
        expect(
          scripts.map((s) => s.url.replace(/-[\w-]{8}\.js$/, ".js")),
          url,
        ).toEqual(["/assets/time-zone-cookie.js"]);
        const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
        expect(total, `${url}: ${total} bytes`).toBeLessThanOrEqual(budget);
        await expect(page.locator('link[rel="modulepreload"], script[type="module"]')).toHaveCount(0);
      }
    });
  });
}

test.describe("a visitor's page without any script", () => {
  test.use({ javaScriptEnabled: false });

  test("signing in is a plain form that leads into the app", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("viewer@example.org");
    await page.getByLabel("Password").fill("jembatan-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.locator("html")).toHaveAttribute("data-scripts", "app");
  });
});

test("the time-zone script sets the visitor's zone for the next page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, timezoneId: "Asia/Baku" });
  const page = await context.newPage();
  await page.goto("/library");
  await expect
    .poll(async () => (await context.cookies()).find((c) => c.name === "tz")?.value)
    .toBe(encodeURIComponent("Asia/Baku"));
  await context.close();
});

test.describe("a signed-in person's pages", () => {
  test("load the app with only their language's strings, and no editor where they only read", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    // The library's page loads the core strings and the library's pack, in English only.
    const english = ["core", "library"].map((part) => build.fileOf(`app/i18n/locales/en-${part}.ts`));
    const indonesian = ["core", "library"].map((part) => build.fileOf(`app/i18n/locales/id-${part}.ts`));
    const scripts = await scriptsLoaded(page, () => gotoHydrated(page, "/library"));
    const urls = scripts.map((s) => s.url);
    for (const file of english) expect(urls).toContain(file);
    for (const file of indonesian) expect(urls).not.toContain(file);
    expect(urls).not.toContain(build.fileOf("app/i18n/locales/en-cases.ts"));
    const editorFiles = build.files.filter((f) => build.sources(f).some((s) => /node_modules\/@?lexical/.test(s)));
    expect(editorFiles.length).toBeGreaterThan(0);
    expect(urls.filter((u) => editorFiles.includes(u))).toEqual([]);
    await expect(page.getByRole("heading", { level: 1, name: "Library of innovations" })).toBeVisible();
  });

  test("learn every route from the manifest file, and never ask the server for routes (decision 25)", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    const scripts = await scriptsLoaded(page, () => gotoHydrated(page, "/dashboard"));
    const manifest = build.files.find((f) => /\/manifest-[\w-]+\.js$/.test(f));
    expect(scripts.map((s) => s.url)).toContain(manifest);
    // The page carries no routes of its own to patch in.
    expect(
      await page
        .locator("script")
        .evaluateAll((all) => all.some((s) => s.textContent?.includes("__reactRouterManifest ="))),
    ).toBe(false);
    // Following links in the app needs no route discovery on the way.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agreements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activities" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();
    expect(asked.filter((p) => p.startsWith("/__manifest"))).toEqual([]);
  });
});
