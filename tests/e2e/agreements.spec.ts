import type { Page } from "@playwright/test";
import {
  demoAccounts,
  demoPassword,
  expect,
  gotoHydrated,
  signedInRequest,
  test,
  uniqueSuffix,
  waitForHydration,
} from "./fixtures";
import { assessmentForm, createAgreement, createCommitment } from "../support/http-factories";
import { postForm } from "../support/http";
import { expectNoAxeViolations, signedInBrowser } from "./helpers";

const mouTitle = "Memorandum of Understanding on public service cooperation (2017)";
const renewalTitle = "Renewal of the 2017 Memorandum of Understanding (2024)";
const oneStopShop = /Elaborate the one-stop-shop concept/;
const bakuVisit = "Minister Abdullah Azwar Anas and delegation visit ASAN Xidmat in Baku";

/** The agreement's page, reached the way a reader would: from the list. */
async function openAgreement(page: Page, title: string) {
  await gotoHydrated(page, "/agreements");
  await page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escape(title)}`) }) })
    .getByRole("link", { name: title, exact: true })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await waitForHydration(page);
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "23 Nov 2026, 18:15" as the app shows an instant to someone in Asia/Jakarta (the demo editor's zone). */
function inJakarta(instant: Date) {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(
    instant,
  );
}

test.describe("agreements", () => {
  test("the list shows each agreement's lifecycle and progress; the 2017 MoU is renewed by the 2024 renewal", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    await gotoHydrated(page, "/agreements");
    await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
    const mou = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escape(mouTitle)}`) }) });
    await expect(mou).toContainText("Renewed");
    await expect(mou).toContainText("From 24 Jul 2017");
    await expect(mou).toContainText(/\d+ of \d+ complete/);
    await expect(mou.getByRole("link", { name: renewalTitle })).toHaveAttribute("href", /^\/agreements\/\d+$/);
    const renewal = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escape(renewalTitle)}`) }) });
    await expect(renewal).toContainText("In force");
    // Viewers read; only editors see the way to add one.
    await expect(page.getByRole("link", { name: "New agreement" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("The same agreement has the same status on /agreements, its page and the dashboard", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    await gotoHydrated(page, "/agreements");
    const rows = page
      .getByRole("table")
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader") });
    const listed: { title: string; status: string }[] = [];
    for (const row of await rows.all()) {
      const title = (await row.getByRole("rowheader").getByRole("link").first().textContent())!;
      // Kind, period, status, progress.
      listed.push({ title, status: (await row.getByRole("cell").nth(2).innerText()).trim() });
    }
    expect(listed.map((a) => a.title)).toEqual(expect.arrayContaining([mouTitle, renewalTitle]));
    expect(listed.find((a) => a.title === mouTitle)!.status).toMatch(/^Renewed\s+Renewed by/);

    await gotoHydrated(page, "/dashboard");
    const table = page.getByRole("region", { name: "Commitments by status" }).getByRole("table");
    for (const a of listed) {
      // By its heading cell: a renewed agreement's status cell links to its renewal.
      const heading = page
        .getByRole("rowheader")
        .filter({ has: page.getByRole("link", { name: a.title, exact: true }) });
      const row = table.getByRole("row").filter({ has: heading });
      await expect(row.getByRole("cell").first(), a.title).toHaveText(a.status, { useInnerText: true });
    }

    for (const a of listed) {
      await openAgreement(page, a.title);
      const facts = page.getByRole("definition").filter({ has: page.locator(".agreement-status") });
      await expect(facts, a.title).toHaveText(a.status, { useInnerText: true });
    }
  });

  test("the 2017 MoU's page lists its commitments with their status and leads to the activities that serve them", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    await openAgreement(page, mouTitle);
    await expect(page.getByRole("definition").filter({ hasText: "Asman Abnur" })).toContainText("Inam Karimov");
    await expect(page.getByRole("region", { name: "Progress" })).toContainText(/\d+ of \d+ complete/);

    const commitment = page.getByRole("article", { name: oneStopShop });
    await expect(commitment).toBeVisible();
    // No source reports progress on it, and its text carries no rating.
    await expect(commitment.locator(".badge").first()).toHaveText("Not assessed");
    await expect(commitment).not.toContainText(/rated/i);
    await expect(commitment).toContainText("Ministry of Administrative and Bureaucratic Reform");
    await expect(commitment).toContainText("Indonesia: not confirmed yet");
    await expect(commitment).toContainText("Azerbaijan: not confirmed yet");
    // A viewer sees no way to change anything.
    await expect(page.getByRole("link", { name: "Edit agreement" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Add commitment" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The card says how many activities serve it and leads to them in the activity list.
    await commitment.getByRole("link", { name: /activit(y|ies) in the activity list$/ }).click();
    await expect(page).toHaveURL(/\/activities\?commitment=\d+$/);
    await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: bakuVisit }) })).toContainText(
      "10 Oct 2023",
    );
  });

  test("an agreement with many commitments lists them ten at a time, counting progress over all", async ({
    page,
    loginAs,
    playwright,
    baseURL,
  }) => {
    const tag = uniqueSuffix();
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    let agreementPath: string;
    try {
      const agreement = await createAgreement(editor, baseURL!, `Work plan ${tag}`, {
        kind: "action_plan",
        summaryEn: "A long plan of many small commitments.",
        status: "signed",
      });
      agreementPath = `/agreements/${agreement}`;
      for (let n = 1; n <= 23; n++) {
        await createCommitment(editor, baseURL!, agreement, `Step ${String(n).padStart(2, "0")} of ${tag}`, {
          area: "planning",
        });
      }
    } finally {
      await editor.dispose();
    }

    await loginAs("viewer");
    await gotoHydrated(page, agreementPath);
    await expect(page.getByRole("heading", { level: 2, name: "Commitments (23)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Progress" })).toContainText("0 of 23 complete");
    const cards = page.getByRole("region", { name: /^Commitments/ }).getByRole("article");
    await expect(cards).toHaveCount(10);
    await expect(cards.first()).toHaveAccessibleName(`Step 01 of ${tag}`);
    const pages = page.getByRole("navigation", { name: "Pages of commitments" });
    await expect(pages).toContainText("Showing 1–10 of 23 commitments · Page 1 of 3");
    await expectNoAxeViolations(page);

    await pages.getByRole("link", { name: /Next page/ }).click();
    await expect(page).toHaveURL(new RegExp(`${agreementPath}\\?page=2#commitments-title$`));
    await expect(cards).toHaveCount(10);
    await expect(cards.first()).toHaveAccessibleName(`Step 11 of ${tag}`);
    await expect(page.getByRole("region", { name: "Progress" })).toContainText("0 of 23 complete");

    // An address past the end, from when the list was longer, shows the last page.
    await page.goto(`${agreementPath}?page=9`);
    await expect(page).toHaveURL(new RegExp(`${agreementPath}\\?page=3#commitments-title$`));
  });

  test("a viewer sees no edit controls on a commitment and a POST is refused with 403", async ({
    page,
    loginAs,
    playwright,
    baseURL,
  }) => {
    await loginAs("viewer");
    await openAgreement(page, mouTitle);
    await page.getByRole("article", { name: oneStopShop }).getByRole("link", { name: oneStopShop }).click();
    await expect(page).toHaveURL(/\/commitments\/\d+$/);
    await waitForHydration(page);
    const path = new URL(page.url()).pathname;
    const agreementPath = await page.getByRole("link", { name: `← ${mouTitle}` }).getAttribute("href");
    await expect(page.getByRole("heading", { level: 2, name: "Activities serving it" })).toBeVisible();
    await expect(page.getByRole("link", { name: bakuVisit })).toBeVisible();
    for (const name of [
      "Record the assessment",
      "Add evidence",
      "Add milestone",
      /Confirm completion/,
      /Save focal point/,
    ]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(page.getByRole("link", { name: "Edit commitment" })).toHaveCount(0);
    await expect(page.getByRole("combobox")).toHaveCount(1); // the language switcher only

    const api = await signedInRequest(playwright, baseURL!, "viewer");
    try {
      const posts: [string, Record<string, string>][] = [
        [path, assessmentForm(1, "withdrawn")],
        [path, { intent: "evidence", url: "https://example.org/forged" }],
        [`${path}/edit`, { version: "1", textEn: "Forged", area: "x" }],
        [
          "/agreements/new",
          {
            partnershipId: "1",
            kind: "mou",
            titleEn: "Forged agreement",
            summaryEn: "Should not be saved",
            status: "draft",
          },
        ],
        [
          `${agreementPath}/edit`,
          { version: "1", kind: "mou", titleEn: "Forged", summaryEn: "Should not be saved", status: "draft" },
        ],
        [`${agreementPath}/commitments/new`, { textEn: "Forged commitment", area: "x" }],
      ];
      for (const [url, form] of posts) {
        const response = await postForm(api, baseURL!, url, form);
        expect.soft(response.status(), `viewer POST ${url}`).toBe(403);
      }
    } finally {
      await api.dispose();
    }
    await page.reload();
    await waitForHydration(page);
    await expect(page.locator(".facts .badge").first()).toHaveText("Not assessed");
    await expect(page.getByRole("region", { name: "Assessment" })).toContainText(
      "Nobody has assessed this commitment's progress yet.",
    );
    await expect(page.getByText("No evidence yet.")).toBeVisible();
  });

  test("a bad agreement form keeps the typed values and shows each error beside its field", async ({
    page,
    loginAs,
  }) => {
    await loginAs("editor");
    await gotoHydrated(page, "/agreements");
    await page.getByRole("link", { name: "New agreement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New agreement" })).toBeVisible();
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    await page.getByLabel("Title in English").fill("Ab");
    await page.getByLabel("Summary in English").fill("A work plan the two ministries agreed on.");
    await page.getByLabel("In force from").fill("2025-06-01");
    await page.getByLabel("In force until").fill("2025-01-31");
    await page.getByLabel("Kind").selectOption({ label: "Renewal" });
    await page.getByRole("checkbox", { name: /Inam Karimov/ }).check();
    await page.getByRole("button", { name: "Create agreement" }).click();

    await expect(page.getByRole("alert")).toHaveText("Please correct the fields marked below.");
    await expect(page.getByLabel("Title in English")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title in English")).toHaveAccessibleDescription("Enter at least 3 characters.");
    await expect(page.getByLabel("In force until")).toHaveAccessibleDescription(
      /The end of the period cannot be before its start/,
    );
    await expect(page.getByLabel("Continues or implements")).toHaveAccessibleDescription(
      /A renewal must name the agreement it continues/,
    );
    await expect(page.getByLabel("Title in English")).toHaveValue("Ab");
    await expect(page.getByLabel("Summary in English")).toHaveValue("A work plan the two ministries agreed on.");
    await expect(page.getByLabel("In force from")).toHaveValue("2025-06-01");
    await expect(page.getByRole("checkbox", { name: /Inam Karimov/ })).toBeChecked();
    await expect(page).toHaveURL(/\/agreements\/new$/);
  });

  test("without JavaScript too, the server re-renders a bad form with the typed values", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await page.getByLabel("Email").fill(demoAccounts.editor.email);
      await page.getByLabel("Password").fill(demoPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
      await page.goto("/agreements/new");
      await page.getByLabel("Title in English").fill("Joint plan, typed without scripts");
      await page.getByLabel("Summary in English").fill("short");
      await page.getByRole("button", { name: "Create agreement" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expect(page.getByLabel("Summary in English")).toHaveAccessibleDescription("Enter at least 10 characters.");
      await expect(page.getByLabel("Summary in English")).toHaveValue("short");
      await expect(page.getByLabel("Title in English")).toHaveValue("Joint plan, typed without scripts");
    } finally {
      await context.close();
    }
  });
});

test.describe("tracking a commitment to completion", () => {
  test("an editor adds a commitment, evidence, sets it complete and confirms for one side", async ({
    page,
    loginAs,
    browser,
    baseURL,
  }) => {
    const text = `Publish a joint public-service standard (e2e ${uniqueSuffix()})`;
    await loginAs("editor");
    await openAgreement(page, renewalTitle);
    await page.getByRole("link", { name: "Add commitment" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add commitment" })).toBeVisible();
    await waitForHydration(page);

    // A bad form first: the typed values stay, each error beside its field.
    await page.getByLabel("Commitment in English").fill("ab");
    await page.getByLabel("Area").fill("x");
    await page.getByLabel("Due").fill("2030-12-31");
    await page.getByRole("button", { name: "Add commitment" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByLabel("Commitment in English")).toHaveAccessibleDescription("Enter at least 3 characters.");
    await expect(page.getByLabel("Area")).toHaveAccessibleDescription(/Enter at least 2 characters/);
    await expect(page.getByLabel("Area")).toHaveValue("x");
    await expect(page.getByLabel("Commitment in English")).toHaveValue("ab");
    await expect(page.getByLabel("Due")).toHaveValue("2030-12-31");

    await page.getByLabel("Commitment in English").fill(text);
    await page.getByLabel("Area").fill("service-standards");
    await page
      .getByLabel("Responsible organization")
      .selectOption({ label: "Ministry of Administrative and Bureaucratic Reform (KemenPANRB)" });
    await page.getByRole("button", { name: "Add commitment" }).click();
    await expect(page).toHaveURL(/\/commitments\/\d+$/);
    await expect(page.getByRole("status")).toHaveText("The commitment was added.");
    await expect(page.getByRole("heading", { level: 1, name: text })).toBeVisible();
    await waitForHydration(page);
    const commitmentPath = new URL(page.url()).pathname;

    // A new commitment is not assessed. Complete without evidence is refused, beside the status
    // field, and what was typed stays.
    await expect(page.locator(".facts .badge").first()).toHaveText("Not assessed");
    const assess = page.getByRole("form", { name: "Assess the commitment" });
    const status = assess.getByLabel("Status", { exact: true });
    const reasons = assess.getByLabel("Evidence and reasoning in English");
    await status.selectOption("complete");
    await reasons.fill("The joint standard is published.");
    await assess.getByRole("button", { name: "Record the assessment" }).click();
    await expect(status).toHaveAttribute("aria-invalid", "true");
    await expect(status).toHaveAccessibleDescription(/complete only with at least one piece of evidence/);
    await expect(reasons).toHaveValue("The joint standard is published.");
    await expect(page.locator(".facts .badge").first()).toHaveText("Not assessed");

    // Evidence: only http(s) links.
    await page.getByLabel("Link").fill("ftp://example.org/standard.pdf");
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page.getByLabel("Link")).toHaveAccessibleDescription(/starting with http:\/\/ or https:\/\//);
    await expect(page.getByLabel("Link")).toHaveValue("ftp://example.org/standard.pdf");
    await page.getByLabel("Link").fill("https://example.org/joint-standard.pdf");
    await page.getByLabel("Note").fill("Published by both ministries.");
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page.getByRole("status")).toHaveText("The evidence was added.");
    await expect(page.getByRole("link", { name: "https://example.org/joint-standard.pdf" })).toBeVisible();
    await expect(page.getByText("Published by both ministries.")).toBeVisible();
    await expect(page.getByLabel("Link")).toHaveValue("");

    await status.selectOption("complete");
    await reasons.fill("The joint standard is published.");
    await assess.getByLabel("Source (optional)").selectOption({ index: 1 });
    const source = await assess.getByLabel("Source (optional)").locator("option:checked").textContent();
    // Recorded for someone else: the rating is theirs, the record says who entered it.
    await assess.getByLabel("Outside assessor (optional)").fill("Joint review panel");
    await assess.getByRole("button", { name: "Record the assessment" }).click();
    await expect(page.getByRole("status")).toHaveText("The assessment was recorded.");
    await expect(page.locator(".facts .badge").first()).toHaveText("Complete");
    const assessment = page.getByRole("region", { name: "Assessment" });
    await expect(assessment).toContainText(
      /Assessed by Joint review panel on \d{1,2} \w{3} \d{4} · recorded by Demo Editor/,
    );
    await expect(assess.getByLabel("Outside assessor (optional)")).toHaveValue("");
    await expect(assessment).toContainText("The joint standard is published.");
    await expect(assessment).toContainText(source!.split(":")[0]!);
    await expect(reasons).toHaveValue("");
    await expect(page.getByText("Awaiting confirmation by Indonesia, Azerbaijan")).toBeVisible();

    const confirmations = page.getByRole("region", { name: "Confirmation of completion" });
    const before = new Date();
    await confirmations.getByRole("button", { name: "Confirm completion for Indonesia" }).click();
    await expect(page.getByRole("status")).toHaveText("The completion was confirmed.");
    const after = new Date();
    const indonesia = confirmations.getByRole("listitem").filter({ hasText: "Indonesia:" });
    await expect(indonesia).toContainText("confirmed by Demo Editor on");
    const shown = (await indonesia.textContent())!;
    expect(
      [inJakarta(before), inJakarta(after)].some((when) => shown.includes(when)),
      shown,
    ).toBe(true);
    await expect(confirmations.getByRole("listitem").filter({ hasText: "Azerbaijan:" })).toContainText(
      "not confirmed yet",
    );
    await expect(page.getByText("Awaiting confirmation by Azerbaijan")).toBeVisible();
    // The demo editor works at KemenPANRB: Azerbaijan's confirmation is not theirs to give.
    await expect(confirmations.getByRole("button", { name: /for Azerbaijan/ })).toHaveCount(0);
    await expect(confirmations).toContainText(
      "Only editors of Azerbaijan, or an administrator on its behalf, confirm for Azerbaijan.",
    );
    await expectNoAxeViolations(page);

    // The agreement's page shows the same: complete, one side confirmed, one piece of evidence.
    await page.getByRole("link", { name: `← ${renewalTitle}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: renewalTitle })).toBeVisible();
    const card = page.getByRole("article", { name: text });
    await expect(card.locator(".badge").first()).toHaveText("Complete");
    await expect(card).toContainText("1 item");
    await expect(card).toContainText("Indonesia: confirmed by Demo Editor on");
    await expect(card).toContainText("Azerbaijan: not confirmed yet");
    await expect(page.getByRole("region", { name: "Progress" })).toContainText(/[1-9]\d* of \d+ complete/);

    // Both sides confirmed: fully complete, Azerbaijan's recorded by the administrator on its behalf.
    const admin = await signedInBrowser(browser, { baseURL: baseURL!, who: "admin" });
    try {
      await gotoHydrated(admin.page, commitmentPath);
      await admin.page.getByRole("button", { name: "Record the confirmation for Azerbaijan on its behalf" }).click();
      await expect(admin.page.getByRole("status")).toHaveText("The completion was confirmed.");
      await expect(admin.page.getByText("Complete and confirmed by every side")).toBeVisible();
    } finally {
      await admin.context.close();
    }
  });

  test("only a side's own editors confirm for it: others are refused with 403, an admin records it on the side's behalf", async ({
    page,
    loginAs,
    playwright,
    browser,
    baseURL,
  }) => {
    const text = `Open a joint service centre (e2e ${uniqueSuffix()})`;
    await loginAs("editor");
    await openAgreement(page, renewalTitle);
    const agreementPath = new URL(page.url()).pathname;

    // A complete commitment, made by the (Indonesian) demo editor through the forms' POSTs.
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    const viewer = await signedInRequest(playwright, baseURL!, "viewer");
    let path: string;
    const post = (api: typeof editor, url: string, form: Record<string, string>) => postForm(api, baseURL!, url, form);
    try {
      const agreementId = agreementPath.split("/").pop()!;
      path = `/commitments/${await createCommitment(editor, baseURL!, agreementId, text, { area: "service-centres" })}`;
      expect((await post(editor, path, { intent: "evidence", note: "Opened in Baku." })).status()).toBe(302);
      expect((await post(editor, path, assessmentForm(1, "complete"))).status()).toBe(302);

      // Indonesia's editor cannot confirm, nor withdraw, for Azerbaijan.
      const forged = await post(editor, path, { intent: "confirm", version: "2", countryCode: "AZ" });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain(
        "Only an editor of this side, or an administrator on its behalf, can confirm or withdraw its confirmation.",
      );
      expect((await post(editor, path, { intent: "withdraw-confirmation", countryCode: "AZ" })).status()).toBe(403);
      // A viewer never confirms, even one of the Azerbaijani side.
      expect((await post(viewer, path, { intent: "confirm", version: "2", countryCode: "AZ" })).status()).toBe(403);
      // Their own side's confirmation is theirs to give.
      expect((await post(editor, path, { intent: "confirm", version: "2", countryCode: "ID" })).status()).toBe(302);
    } finally {
      await editor.dispose();
      await viewer.dispose();
    }

    await gotoHydrated(page, path);
    const confirmations = page.getByRole("region", { name: "Confirmation of completion" });
    const azerbaijan = confirmations.getByRole("listitem").filter({ hasText: "Azerbaijan:" });
    await expect(azerbaijan).toContainText("not confirmed yet");
    await expect(confirmations.getByRole("button", { name: /Azerbaijan/ })).toHaveCount(0);
    await expect(confirmations.getByRole("button", { name: "Withdraw the confirmation for Indonesia" })).toBeVisible();

    // The administrator (of KemenPANRB) records Azerbaijan's confirmation on its behalf, marked so.
    const admin = await signedInBrowser(browser, { baseURL: baseURL!, who: "admin" });
    try {
      await gotoHydrated(admin.page, path);
      const adminConfirmations = admin.page.getByRole("region", { name: "Confirmation of completion" });
      await expect(adminConfirmations.getByRole("button", { name: "Confirm completion for Azerbaijan" })).toHaveCount(
        0,
      );
      await adminConfirmations
        .getByRole("button", { name: "Record the confirmation for Azerbaijan on its behalf" })
        .click();
      await expect(admin.page.getByRole("status")).toHaveText("The completion was confirmed.");
      await expect(adminConfirmations.getByRole("listitem").filter({ hasText: "Azerbaijan:" })).toContainText(
        /confirmed by Demo Admin on .*, recorded by an administrator on behalf of Azerbaijan/,
      );
      await expectNoAxeViolations(admin.page);
    } finally {
      await admin.context.close();
    }

    // Everyone sees the mark: the editor on the commitment, and on the agreement's page.
    await page.reload();
    await waitForHydration(page);
    await expect(azerbaijan).toContainText("recorded by an administrator on behalf of Azerbaijan");
    await expect(page.getByText("Complete and confirmed by every side")).toBeVisible();
    // Given on Azerbaijan's behalf, it is still not the Indonesian editor's to withdraw.
    await expect(confirmations.getByRole("button", { name: /Azerbaijan/ })).toHaveCount(0);
    await openAgreement(page, renewalTitle);
    await expect(page.getByRole("article", { name: text })).toContainText(
      "recorded by an administrator on behalf of Azerbaijan",
    );
  });

  test("two editors change the same commitment: the second gets a conflict showing what changed, nothing is overwritten", async ({
    page,
    loginAs,
    context,
  }) => {
    const text = `Exchange service-centre staff (e2e ${uniqueSuffix()})`;
    await loginAs("editor");
    await openAgreement(page, renewalTitle);
    await page.getByRole("link", { name: "Add commitment" }).click();
    await waitForHydration(page);
    await page.getByLabel("Commitment in English").fill(text);
    await page.getByLabel("Area").fill("personnel");
    await page.getByRole("button", { name: "Add commitment" }).click();
    await expect(page).toHaveURL(/\/commitments\/\d+$/);
    const editPath = `${new URL(page.url()).pathname}/edit`;

    const other = await context.newPage();
    await gotoHydrated(other, editPath);
    await gotoHydrated(page, editPath);

    await other.getByLabel("Area").fill("staff-exchange");
    await other.getByRole("button", { name: "Save commitment" }).click();
    await expect(other.getByRole("status")).toHaveText("The commitment was saved.");

    await page.getByLabel("Commitment in English").fill(`${text}, twice a year`);
    await page.getByLabel("Area").fill("personnel-mobility");
    await page.getByRole("button", { name: "Save commitment" }).click();
    // The conflict view: both versions side by side, nothing saved yet.
    await expect(
      page.getByRole("heading", { name: "Someone else saved this record while you were editing" }),
    ).toBeVisible();
    await expect(page.getByRole("alert")).toContainText("Saved by Demo Editor");
    const area = page.getByRole("row", { name: /^Area/ });
    await expect(area).toContainText("staff-exchange");
    await expect(area).toContainText("personnel-mobility");
    await expect(area).toContainText("differs");
    await expect(area).toContainText("changed by someone else");
    // The text only this editor changed: it differs, but nobody else touched it.
    await expect(page.getByRole("row", { name: /^Commitment in English/ })).not.toContainText(
      "changed by someone else",
    );
    await expect(page.getByRole("row", { name: /^Due/ })).toContainText("same");
    await page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(page.getByLabel("Area")).toHaveValue("personnel-mobility");

    await gotoHydrated(other, editPath.replace(/\/edit$/, ""));
    await expect(other.getByRole("heading", { level: 1, name: text })).toBeVisible();
    await expect(other.locator(".facts")).toContainText("staff-exchange");
    await other.close();

    // Saving again after seeing the conflict is a deliberate choice, and it works.
    await page.getByRole("button", { name: "Save commitment" }).click();
    await expect(page.getByRole("status")).toHaveText("The commitment was saved.");
    await expect(page.locator(".facts")).toContainText("personnel-mobility");
  });
});
