import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { casePageDatabase, casePageFixture as f } from "../support/case-page-fixture";
import { readClientBuild } from "../support/client-build";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { addSession, expect, gotoHydrated, installHydrationProbe, test } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * The public case page in a browser (docs/decisions/0015-public-case-pages.md). The case with every
 * section is made through the models before its server starts, so this file runs a server of its
 * own beside the shared one: the shared server's seeded cases change with the content.
 */

test.describe.configure({ mode: "serial" });

let server: RunningServer;
let cleanUp: (() => Promise<unknown>) | undefined;
const build = readClientBuild(path.resolve(import.meta.dirname, "../.."));

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const database = await casePageDatabase(process.env.DATABASE_URL ? "postgres" : "pglite");
  cleanUp = database.cleanUp;
  server = await startBuiltServer(database.env);
});
test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await cleanUp?.();
});

async function openCase(browser: Browser, options: BrowserContextOptions, slug = f.slug) {
  const context = await browser.newContext({ baseURL: server.url, ...options });
  await installHydrationProbe(context);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  const response = await page.goto(`/library/${slug}`);
  expect(response?.status()).toBe(200);
  return { context, page, scripts };
}

/** The source modules of the scripts a page loaded: no Lexical may be among them. */
const editorModules = (scripts: string[]) =>
  scripts.flatMap((file) => build.sources(file)).filter((s) => /node_modules\/@?lexical/.test(s));

const section = (page: Page, name: string) => page.getByRole("region", { name });

test("a visitor reads every section of a published case, on a phone, without the editor", async ({ browser }) => {
  const { context, page, scripts } = await openCase(browser, { locale: "en-GB", viewport: phone });
  await expect(page.getByRole("heading", { level: 1, name: "Queue-free permits" })).toBeVisible();
  await expect(page.locator(".lead")).toHaveText("Permits issued in one visit, without queues.");

  const facts = section(page, "At a glance");
  for (const [term, value] of [
    ["Country", "Indonesia"],
    ["Place", "Banyuwangi, East Java"],
    ["Implementing organisation", "Permit Service Agency (PSA)"],
    ["Administrative level", "Regency or city"],
    ["Years", "Since 2016, still running"],
    ["Sector", "Business licensing"],
    ["Awards", "UN Public Service Award, 2019"],
    ["Contact", "Ministry of Reform"],
  ]) {
    await expect(facts.getByRole("term").filter({ hasText: term })).toBeVisible();
    await expect(facts.getByRole("definition").filter({ hasText: value })).toBeVisible();
  }
  await expect(facts.getByRole("link", { name: "Goal 16" })).toHaveAttribute(
    "href",
    "https://sdgs.un.org/goals/goal16",
  );

  await expect(section(page, "The problem")).toContainText("People queued for days for a permit.");
  await expect(section(page, "The solution")).toContainText("One hall, one form, one visit.");
  await expect(section(page, "What makes it innovative")).toContainText("on the spot");
  const results = section(page, "Results");
  await expect(results.getByRole("listitem").first()).toContainText("12,500 permits a year permits issued");
  await expect(results.getByRole("listitem").first()).toContainText("October 2023");
  await expect(results.getByRole("link", { name: "Source: Daily Permit News, 2023" })).toHaveAttribute(
    "href",
    "https://example.org/queues-vanish",
  );
  await expect(section(page, "Lessons learned")).toContainText("Start with the permits people ask for most.");
  await expect(section(page, "The full story")).toContainText("It began with one counter.");
  await expect(section(page, "Sources")).toContainText("Queues vanish at the permit hall");

  // What a link preview and a search engine read.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Queue-free permits");
  await expect(page).toHaveTitle("Queue-free permits · Jembatan");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as {
    "@type"?: string;
    headline?: string;
  };
  expect(ld).toMatchObject({ "@type": "Article", headline: "Queue-free permits" });

  await expectFitsPhone(page);
  await expectNoAxeViolations(page);
  await page.waitForLoadState("networkidle");
  expect(scripts.map((s) => s.replace(/-[\w-]{8}\.js$/, ".js"))).toEqual(["/assets/time-zone-cookie.js"]);
  await context.close();
});

test("an Indonesian reader gets the sector in Indonesian, and English text marked as such", async ({ browser }) => {
  const { context, page } = await openCase(
    browser,
    { locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id" }, viewport: phone },
    f.slugId,
  );
  await expect(page.getByRole("heading", { level: 1, name: "Izin tanpa antre" })).toBeVisible();
  const facts = section(page, "Sekilas");
  await expect(facts.getByRole("definition").filter({ hasText: "Perizinan berusaha" })).toBeVisible();
  await expect(facts.getByRole("definition").filter({ hasText: "Kabupaten/kota" })).toBeVisible();
  // The problem has no Indonesian text: the English is shown, in English, and said to be.
  const problem = section(page, "Masalah (dalam bahasa Inggris)");
  await expect(problem.locator('[lang="en"]')).toHaveText("People queued for days for a permit.");
  await expect(section(page, "Solusi")).toContainText("Satu balai, satu formulir, satu kunjungan.");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${server.url}/library/${f.slugId}`);
  await expectFitsPhone(page);
  await expectNoAxeViolations(page);
  await context.close();
});

test("on paper the case prints without navigation, forms or buttons", async ({ browser }) => {
  const { context, page } = await openCase(browser, { locale: "en-GB" });
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".main-nav", ".language-switcher", ".case-page__back", "button"]) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Queue-free permits" })).toBeVisible();
  await expect(section(page, "Results")).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await context.close();
});

test("a signed-in person's case page loads the app but not the editor", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB" });
  await installHydrationProbe(context);
  await addSession(context, server.url, { email: f.viewerEmail, password: f.viewerPassword });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await gotoHydrated(page, `/library/${f.slug}`);
  await expect(page.locator("html")).toHaveAttribute("data-scripts", "app");
  await expect(section(page, "Lessons learned")).toContainText("Start with the permits people ask for most.");
  // The build's source maps name what each loaded file holds: the page's own module among them.
  expect(scripts.flatMap((file) => build.sources(file))).toContain("app/routes/library.$slug.tsx");
  expect(editorModules(scripts)).toEqual([]);
  await expectNoAxeViolations(page);
  await context.close();
});

test("the seeded ASAN Xidmat case has its page, head and cache tag on the shared server", async ({ page, request }) => {
  // Only what stays while the content is edited: the case's name and its address.
  const address = "/library/asan-xidmat-service-centres";
  const response = await page.goto(address);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: /ASAN Xidmat/ })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /ASAN Xidmat/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  expect(response!.headers()["etag"]).toMatch(/^W\/"/);
  // Other tests write on the shared server, and any write moves every tag: asked again at once,
  // the page answers 304 unless a write came in between, so the pair is tried until none did.
  await expect(async () => {
    const first = await request.get(address);
    const again = await request.get(address, { headers: { "If-None-Match": first.headers()["etag"]! } });
    expect(again.status()).toBe(304);
  }).toPass({ timeout: 20_000 });
  // The page's data, as a visitor can ask for it, names no staff member.
  const data = await request.get(`${address}.data`);
  expect(data.status()).toBe(200);
  expect(await data.text()).toContain("ASAN Xidmat");
  expect(await data.text()).not.toContain("publishedBy");
});

test("a draft is not found", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const response = await page.goto(`/library/${f.draftSlug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await context.close();
});
