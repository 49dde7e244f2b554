// Every kind of record's form works without JavaScript: the server refuses a wrong form with its
// messages beside the fields and the values as typed, and the corrected form saves. (Activities and
// new agreements have theirs in activities.spec.ts and agreements.spec.ts.)
import type { Browser, BrowserContext } from "@playwright/test";
import { addSession, demoAccounts, expect, test, uniqueSuffix, type Who } from "./fixtures";
import { createAgreement, createCommitment, createUser } from "../support/http-factories";

async function withoutScripts(
  browser: Browser,
  baseURL: string,
  who: Who,
  run: (context: BrowserContext) => Promise<void>,
) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  try {
    await addSession(context, baseURL, who);
    await run(context);
  } finally {
    await context.close();
  }
}

test("a commitment's edit form and its tracking forms work without JavaScript", async ({ browser, baseURL }) => {
  await withoutScripts(browser, baseURL!, "editor", async (context) => {
    const agreement = await createAgreement(context.request, baseURL!, `No-script agreement ${uniqueSuffix()}`);
    const id = await createCommitment(context.request, baseURL!, agreement, `No-script commitment ${uniqueSuffix()}`);
    const page = await context.newPage();

    await page.goto(`/commitments/${id}/edit`);
    await page.getByLabel("Area").fill("x");
    await page.getByLabel("Due (optional)").fill("2026-05-01");
    await page.getByRole("button", { name: "Save commitment" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByLabel("Area")).toHaveAccessibleDescription(/at least 2 characters/);
    await expect(page.getByLabel("Area")).toHaveValue("x");
    await expect(page.getByLabel("Due (optional)")).toHaveValue("2026-05-01");
    await page.getByLabel("Area").fill("no scripts");
    await page.getByRole("button", { name: "Save commitment" }).click();
    await expect(page).toHaveURL(new RegExp(`/commitments/${id}$`));
    await expect(page.locator(".facts")).toContainText("no scripts");

    // The assessment form: complete with no evidence yet is refused, keeping what was typed; a
    // rating the rules allow is recorded and shown with who gave it.
    const assess = page.getByRole("form", { name: "Assess the commitment" });
    await assess.getByLabel("Status", { exact: true }).selectOption("complete");
    await assess.getByLabel("Evidence and reasoning in English").fill("Two of three malls opened.");
    await assess.getByRole("button", { name: "Record the assessment" }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expect(assess.getByLabel("Evidence and reasoning in English")).toHaveValue("Two of three malls opened.");
    await expect(assess.getByLabel("Status", { exact: true })).toHaveValue("complete");
    await assess.getByLabel("Status", { exact: true }).selectOption("substantial");
    await assess.getByRole("button", { name: "Record the assessment" }).click();
    await expect(page.getByRole("status")).toHaveText("The assessment was recorded.");
    await expect(page.getByRole("region", { name: "Assessment" })).toContainText("Two of three malls opened.");
    await expect(page.locator(".facts .badge").first()).toHaveText("Substantial");

    // A tracking form: evidence with an address that is no web page is refused, then corrected.
    await page.getByLabel("Link (optional)").fill("ftp://example.org/report");
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expect(page.getByLabel("Link (optional)")).toHaveValue("ftp://example.org/report");
    await page.getByLabel("Link (optional)").fill("https://example.org/report");
    await page.getByRole("button", { name: "Add evidence" }).click();
    await expect(page.getByRole("link", { name: "https://example.org/report" })).toBeVisible();
  });
});

test("the users page and the account page work without JavaScript", async ({ browser, baseURL }) => {
  await withoutScripts(browser, baseURL!, "admin", async (context) => {
    const page = await context.newPage();
    await page.goto("/admin/users");
    const create = page.getByRole("region", { name: "Add a user" });
    // An address that is taken: the browser's own checks pass, the server refuses it beside the field.
    await create.getByLabel("Email", { exact: true }).fill(demoAccounts.viewer.email);
    await create.getByLabel("Name", { exact: true }).fill("No Script");
    await create.getByLabel("Initial password").fill("a-long-enough-password");
    await create.getByRole("button", { name: "Add a user" }).click();
    // The page also holds the invitation form, with fields of the same names.
    await expect(create.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(
      "A user with this email already exists.",
    );
    await expect(create.getByLabel("Name", { exact: true })).toHaveValue("No Script");
    await expect(create.getByLabel("Initial password")).toHaveValue("");
  });

  const admin = await browser.newContext({ baseURL });
  const user = await (async () => {
    await addSession(admin, baseURL!, "admin");
    return createUser(admin.request, baseURL!, "viewer");
  })().finally(() => admin.close());
  await withoutScripts(browser, baseURL!, { email: user.email, password: user.password }, async (context) => {
    const page = await context.newPage();
    await page.goto("/account");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("a-new-password-1");
    await page.getByLabel("New password again").fill("a-new-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(/not your current password/);
    await expect(page.getByLabel("Current password")).toHaveValue("");
  });
});
