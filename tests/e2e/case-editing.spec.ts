// Editing library cases with review (issue 11): an editor drafts a case the public cannot see, a
// second editor publishes it, and a revision stays private until someone publishes it too. The
// form works without JavaScript, results rows and rich text included.
import type { APIRequestContext, Page } from "@playwright/test";
import { addSession, expect, gotoHydrated, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone, signedInBrowser } from "./helpers";
import { createUser } from "../support/http-factories";
import { match, postForm } from "../support/http";

const publicPage = (anonymous: APIRequestContext, slug: string) => anonymous.get(`/library/${slug}`);

/** A draft made through the form, as `api`'s user: a health case in Indonesia with `fields`. Its id. */
async function draftCase(api: APIRequestContext, baseURL: string, fields: Record<string, string>) {
  const created = await postForm(api, baseURL, "/cases/new", { sector: "health", countryCode: "ID", ...fields });
  expect(created.status()).toBe(302);
  return created.headers()["location"]!.split("/").pop()!;
}

async function openReview(page: Page, id: string) {
  await gotoHydrated(page, `/cases/${id}`);
  return page.getByRole("region", { name: "Review" });
}

test("an editor drafts a case, a second editor publishes it, and a revision stays private until published", async ({
  page,
  browser,
  baseURL,
  loginAs,
  requestAs,
}) => {
  const suffix = uniqueSuffix();
  const title = `Queue free permits ${suffix}`;
  const slug = `queue-free-permits-${suffix}`;
  await loginAs("editor");

  await gotoHydrated(page, "/cases");
  await page.getByRole("link", { name: "New case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New library case" })).toBeVisible();
  await page.getByLabel("Title (English)", { exact: true }).fill(title);
  await page.getByLabel("One-line summary (English)").fill("Permits without queues, in one hall.");
  await page.getByLabel("Sector").selectOption({ label: "Business licensing" });
  const result = page.getByRole("group", { name: "Result 1" });
  await result.getByLabel("What was measured (English)").fill("Permits issued in a day");
  await result.getByLabel("Figure").fill("120");
  await result.getByLabel("Date").fill("2024-07");
  await page.getByLabel("Goal 16", { exact: true }).check();
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Not in the public library");
  await expect(page.getByText("Permits issued in a day")).toBeVisible();
  const anonymous = await requestAs("anonymous");
  expect((await publicPage(anonymous, slug)).status()).toBe(404);

  // The editor who changed it last cannot publish it: no button, and the server says why.
  let review = await openReview(page, id);
  await review.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("submitted for review");
  review = await openReview(page, id);
  await expect(review.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(review).toContainText("You changed it last");
  const editorApi = await requestAs("editor");
  const version = await review.locator('input[name="version"]').first().inputValue();
  const refused = await postForm(editorApi, baseURL!, `/cases/${id}`, { intent: "publish", version });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("another editor, or an admin, publishes it");
  expect((await publicPage(anonymous, slug)).status()).toBe(404);

  // A second editor publishes it: now the public sees it.
  const admin = await requestAs("admin");
  const second = await createUser(admin, baseURL!, "editor", { prefix: "reviewer" });
  const other = await signedInBrowser(browser, { baseURL: baseURL!, who: second });
  try {
    const otherReview = await openReview(other.page, id);
    await otherReview.getByRole("button", { name: "Publish" }).click();
    await expect(other.page.getByRole("note")).toContainText("The public library shows this version");
    const shown = await publicPage(anonymous, slug);
    expect(shown.status()).toBe(200);
    expect(await shown.text()).toContain(title);

    // The second editor revises it: the public still reads the published text.
    await gotoHydrated(other.page, `/cases/${id}/edit`);
    await other.page.getByLabel("Title (English)", { exact: true }).fill(`${title} revised`);
    await other.page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(other.page).toHaveURL(new RegExp(`/cases/${id}$`));
    await expect(other.page.getByRole("note")).toContainText("not public until someone publishes them");
    let publicText = await (await publicPage(anonymous, slug)).text();
    expect(publicText).toContain(title);
    expect(publicText).not.toContain(`${title} revised`);
    await gotoHydrated(other.page, "/cases?status=draft");
    await expect(other.page.getByRole("row", { name: new RegExp(`${title} revised`) })).toContainText(
      "Revision pending",
    );

    // The first editor did not write the revision, so may publish it.
    review = await openReview(page, id);
    await review.getByRole("button", { name: "Publish this revision" }).click();
    await expect(page.getByRole("note")).toContainText("The public library shows this version");
    publicText = await (await publicPage(anonymous, slug)).text();
    expect(publicText).toContain(`${title} revised`);
  } finally {
    await other.context.close();
  }
});

test("a viewer sees a case but no review actions, and the server refuses them", async ({
  page,
  baseURL,
  loginAs,
  requestAs,
}) => {
  await loginAs("viewer");
  await gotoHydrated(page, "/cases?status=published&sort=title");
  await page.getByRole("link", { name: "ASAN Xidmat service centres", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ASAN Xidmat service centres" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Review" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const id = page.url().split("/").pop()!;
  const viewer = await requestAs("viewer");
  for (const intent of ["publish", "archive", "submit", "restore"]) {
    expect((await postForm(viewer, baseURL!, `/cases/${id}`, { intent, version: "1" })).status(), intent).toBe(403);
  }
  expect((await postForm(viewer, baseURL!, "/cases/new", { titleEn: "Intruder", summaryEn: "x" })).status()).toBe(403);
});

test("the case form works without JavaScript: a wrong row is named, rows and rich text are saved", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  try {
    await addSession(context, baseURL!, "editor");
    const page = await context.newPage();
    const title = `No-script case ${uniqueSuffix()}`;
    await page.goto("/cases/new");
    await page.getByLabel("Title (English)", { exact: true }).fill(title);
    await page.getByLabel("One-line summary (English)").fill("Written without scripts.");
    const second = page.getByRole("group", { name: "Result 2" });
    await second.getByLabel("What was measured (English)").fill("Malls");
    await second.getByLabel("Date").fill("October");
    await page.getByLabel("Lessons learned (English)").fill("Start small.\n\nKeep the local wisdom.");
    await page.getByRole("button", { name: "Create draft" }).click();

    await expect(page.getByRole("alert").first()).toBeVisible();
    await expect(page.getByRole("alert").first()).toContainText("Result 2: Figure");
    await expect(second.getByLabel("Date")).toHaveValue("October");
    await expect(second.getByLabel("Date")).toHaveAccessibleDescription(/YYYY, YYYY-MM or YYYY-MM-DD/);
    await expect(page.getByLabel("Title (English)", { exact: true })).toHaveValue(title);

    await second.getByLabel("Figure").fill("152");
    await second.getByLabel("Date").fill("2023-10");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    await expect(page.getByText("Malls: 152")).toBeVisible();
    await expect(page.getByRole("region", { name: "Lessons learned" })).toContainText("Keep the local wisdom.");

    // Editing keeps the rows: the filled one first, with empty ones after it.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page.getByRole("group", { name: "Result 1" }).getByLabel("Figure")).toHaveValue("152");
    await expect(page.getByRole("group", { name: "Result 2" }).getByLabel("Figure")).toHaveValue("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(/\/cases\/\d+$/);
    await expect(page.getByRole("region", { name: "Lessons learned" })).toContainText("Keep the local wisdom.");
  } finally {
    await context.close();
  }
});

test("the case pages are accessible and fit a phone", async ({ page, loginAs }) => {
  await loginAs("editor");
  await page.setViewportSize(phone);
  for (const path of ["/cases", "/cases/new"]) {
    await gotoHydrated(page, path);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
  }
  await gotoHydrated(page, "/cases?status=published&sort=title");
  await page
    .getByRole("link", { name: "Malaria control through Early Diagnosis and Treatment (EDAT), Teluk Bintuni" })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Results" })).toBeVisible();
  await expect(page.getByText("United Nations Public Service Award, 2018")).toBeVisible();
  await expect(page.getByText("source: UN DESA").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("group", { name: "Award 1" }).getByLabel("Year")).toHaveValue("2018");
  await expect(page.getByLabel("Goal 3", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
});

test("a stale save shows both versions, and the editor's changes can be taken back to the form", async ({
  baseURL,
  page,
  loginAs,
  requestAs,
}) => {
  await loginAs("editor");
  const title = `Conflict case ${uniqueSuffix()}`;
  const editor = await requestAs("editor");
  const id = await draftCase(editor, baseURL!, { titleEn: title, summaryEn: "Two editors at once." });

  // The form is opened, then someone else saves first.
  await gotoHydrated(page, `/cases/${id}/edit`);
  const admin = await requestAs("admin");
  const version = await page.locator('input[name="version"]').inputValue();
  const saved = await postForm(admin, baseURL!, `/cases/${id}/edit`, {
    version,
    titleEn: title,
    summaryEn: "Changed by the admin.",
    sector: "health",
    countryCode: "ID",
  });
  expect(saved.status()).toBe(302);

  await page.getByLabel("Title (English)", { exact: true }).fill(`${title} (mine)`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Someone else saved this case meanwhile" })).toBeVisible();
  const summaryRow = page.locator('tr[data-field="summaryEn"]');
  await expect(summaryRow).toHaveAttribute("data-changed-by-others", "true");
  await expect(summaryRow).toContainText("Changed by the admin.");
  // On a phone the comparison scrolls in its own box; the page keeps its width.
  await page.setViewportSize(phone);
  await expectFitsPhone(page);
  await page.getByRole("button", { name: "Back to the form with my changes" }).click();
  await expect(page.getByLabel("Title (English)", { exact: true })).toHaveValue(`${title} (mine)`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: `${title} (mine)` })).toBeVisible();
});

test("the case pages speak Indonesian to a reader who asks for it", async ({ requestAs }) => {
  const editor = await requestAs("editor");
  const headers = { "Accept-Language": "id" };
  const form = await (await editor.get("/cases/new", { headers })).text();
  expect(form).toContain("Kasus pustaka baru");
  expect(form).toContain("Judul (bahasa Inggris)");
  expect(form).toContain("Hasil 1");
  const list = await (await editor.get("/cases?status=published", { headers })).text();
  expect(list).toContain("Kasus pustaka");
  expect(list).toContain("Diterbitkan");
});

test("a refused save and a stale save keep the rich texts the editor holds", async ({
  baseURL,
  page,
  loginAs,
  requestAs,
}) => {
  await loginAs("editor");
  const title = `Rich text kept ${uniqueSuffix()}`;
  const editor = await requestAs("editor");
  const id = await draftCase(editor, baseURL!, {
    titleEn: title,
    summaryEn: "Its texts must outlive a refusal.",
    lessonsEn: "Begin where the queues are longest.",
    lessonsEnFormat: "text",
    narrativeEn: "It began in one district.",
    narrativeEnFormat: "text",
  });

  await gotoHydrated(page, `/cases/${id}/edit`);
  await expect(page.locator('input[type="hidden"][name="lessonsEn"]')).toHaveValue(/Begin where the queues/);
  // Refused: the page comes back with the message, and the editors still hold their texts.
  await page.getByLabel("Latitude").fill("123");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.locator('input[type="hidden"][name="lessonsEn"]')).toHaveValue(/Begin where the queues/);
  await expect(page.locator('input[type="hidden"][name="narrativeEn"]')).toHaveValue(/It began in one district/);

  // Someone else saves; the editor takes their changes back to the form and saves.
  const version = await page.locator('input[name="version"]').inputValue();
  const saved = await postForm(await requestAs("admin"), baseURL!, `/cases/${id}/edit`, {
    version,
    titleEn: title,
    summaryEn: "Changed by the admin.",
    sector: "health",
    countryCode: "ID",
    lessonsEn: "Begin where the queues are longest.",
    lessonsEnFormat: "text",
    narrativeEn: "It began in one district.",
    narrativeEnFormat: "text",
  });
  expect(saved.status()).toBe(302);
  await page.getByLabel("Latitude").fill("");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("button", { name: "Back to the form with my changes" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${id}$`));
  await expect(page.getByRole("region", { name: "Lessons learned" })).toContainText(
    "Begin where the queues are longest.",
  );
  await expect(page.getByRole("region", { name: "Narrative" })).toContainText("It began in one district.");
});

test("a save naming an organisation that no longer exists is refused beside the field, not a fault", async ({
  baseURL,
  requestAs,
}) => {
  const editor = await requestAs("editor");
  const form = {
    titleEn: `Merged away ${uniqueSuffix()}`,
    summaryEn: "Its organisation was merged meanwhile.",
    sector: "health",
    countryCode: "ID",
  };
  const id = await draftCase(editor, baseURL!, form);
  const version = match(
    await (await editor.get(`/cases/${id}/edit`)).text(),
    /name="version" value="(\d+)"/,
    "version",
  );
  // As if the organisation chosen had been merged into another between loading and saving.
  const refused = await postForm(editor, baseURL!, `/cases/${id}/edit`, {
    ...form,
    version,
    organizationId: "999999",
  });
  expect(refused.status()).toBe(409);
  const page = await refused.text();
  expect(page).toContain("This choice no longer exists.");
  expect(page).toContain("Its organisation was merged meanwhile.");
});
