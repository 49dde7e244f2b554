import type { Locator, Page } from "@playwright/test";
import { demoAccounts, expect, gotoHydrated, test, uniqueSuffix, waitForHydration } from "./fixtures";
import { expectNoAxeViolations, signedInBrowser } from "./helpers";

const goodPassword = "correct-horse-battery";

function addUserForm(page: Page) {
  return page.getByRole("region", { name: "Add a user" });
}

/** The users table row whose row header is exactly `email`. */
function userRow(page: Page, email: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: email, exact: true }) });
}

async function fillNewUser(
  page: Page,
  user: { email: string; name: string; role?: string; timeZone?: string; password: string },
) {
  const form = addUserForm(page);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption({ label: user.role ?? "Viewer" });
  await form.getByLabel("Time zone").selectOption(user.timeZone ?? "Asia/Jakarta");
  await form.getByLabel("Initial password").fill(user.password);
}

test.describe("administering users", () => {
  test.beforeEach(async ({ page, loginAs }) => {
    await loginAs("admin");
    await gotoHydrated(page, "/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });

  test("the admin sees every account", async ({ page }) => {
    for (const account of Object.values(demoAccounts)) {
      await expect(userRow(page, account.email)).toContainText(account.name);
    }
    const editor = userRow(page, demoAccounts.editor.email);
    await expect(editor.getByRole("combobox", { name: `Role ${demoAccounts.editor.email}` })).toHaveValue("editor");
  });

  test("the browser refuses a too-short initial password before sending it", async ({ page }) => {
    const suffix = uniqueSuffix();
    await fillNewUser(page, { email: `short-${suffix}@example.org`, name: "Short Password", password: "short" });
    await addUserForm(page).getByRole("button", { name: "Add a user" }).click();
    const password = addUserForm(page).getByLabel("Initial password");
    expect(await password.evaluate((el: HTMLInputElement) => el.validity.tooShort)).toBe(true);
    await expect(page).toHaveURL(/\/admin\/users$/);
  });

  test("a too-short password is refused by the server, next to the field, keeping the other values", async ({
    page,
  }) => {
    const suffix = uniqueSuffix();
    const email = `short-${suffix}@example.org`;
    const name = `Short Password ${suffix}`;
    const form = addUserForm(page);
    // Past the browser's own check (as an older browser or a script would be), to reach the server's.
    await form.locator("form").evaluate((el: HTMLFormElement) => (el.noValidate = true));
    await fillNewUser(page, { email, name, role: "Editor", timeZone: "Asia/Makassar", password: "too-short" });
    await form.getByRole("button", { name: "Add a user" }).click();

    const password = form.getByLabel("Initial password");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Enter at least 12 characters.")).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveValue(email);
    await expect(form.getByLabel("Name")).toHaveValue(name);
    await expect(form.getByLabel("Role")).toHaveValue("editor");
    await expect(form.getByLabel("Time zone")).toHaveValue("Asia/Makassar");
    await expect(page.getByRole("status")).toHaveCount(0);
    await expect(userRow(page, email)).toHaveCount(0);
  });

  test("the password error is part of the field's accessible description", async ({ page }) => {
    const form = addUserForm(page);
    await form.locator("form").evaluate((el: HTMLFormElement) => (el.noValidate = true));
    const suffix = uniqueSuffix();
    await fillNewUser(page, { email: `a11y-${suffix}@example.org`, name: "A11y Check", password: "too-short" });
    await form.getByRole("button", { name: "Add a user" }).click();
    await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(/Enter at least 12 characters\./);
  });

  test("after adding a user the form is empty again", async ({ page }) => {
    const suffix = uniqueSuffix();
    const email = `reset-${suffix}@example.org`;
    await fillNewUser(page, { email, name: `Reset ${suffix}`, password: goodPassword });
    await addUserForm(page).getByRole("button", { name: "Add a user" }).click();
    await expect(page.getByRole("status")).toHaveText("The user was added.");
    await expect(addUserForm(page).getByLabel("Email")).toHaveValue("");
    await expect(addUserForm(page).getByLabel("Name")).toHaveValue("");
    await expect(addUserForm(page).getByLabel("Initial password")).toHaveValue("");
  });

  test("an email that is taken is refused next to the field", async ({ page }) => {
    const form = addUserForm(page);
    await fillNewUser(page, { email: demoAccounts.viewer.email, name: "Someone Else", password: goodPassword });
    await form.getByRole("button", { name: "Add a user" }).click();
    await expect(form.getByText("A user with this email already exists.")).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Email")).toHaveAccessibleDescription("A user with this email already exists.");
    await expect(form.getByLabel("Name")).toHaveValue("Someone Else");
  });

  test("the admin cannot disable their own account", async ({ page }) => {
    const row = userRow(page, demoAccounts.admin.email);
    await row.getByRole("checkbox", { name: "Disabled" }).check();
    await row.getByRole("button", { name: `Save ${demoAccounts.admin.email}` }).click();
    await expect(page.getByRole("alert")).toHaveText("You cannot disable your own account.");
    await gotoHydrated(page, "/admin/users");
    await expect(userRow(page, demoAccounts.admin.email).getByRole("checkbox", { name: "Disabled" })).not.toBeChecked();
  });

  test("a new user can sign in, and disabling them ends their session", async ({ page, browser, baseURL }) => {
    const suffix = uniqueSuffix();
    const email = `new-${suffix}@example.org`;
    const name = `New Person ${suffix}`;

    await fillNewUser(page, { email, name, role: "Editor", timeZone: "Asia/Makassar", password: goodPassword });
    await addUserForm(page).getByRole("button", { name: "Add a user" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("status")).toHaveText("The user was added.");
    const row = userRow(page, email);
    await expect(row).toContainText(name);
    await expect(row).toContainText("Asia/Makassar");
    await expect(row.getByRole("combobox", { name: `Role ${email}` })).toHaveValue("editor");
    await expect(row.getByRole("checkbox", { name: "Disabled" })).not.toBeChecked();

    // The new user signs in, in a browser of their own.
    const other = await signedInBrowser(browser, { baseURL: baseURL!, who: { email, password: goodPassword } });
    try {
      await expect(other.page.getByText(`Welcome, ${name}`)).toBeVisible();
      await expect(other.page.getByText(`Signed in as ${name} (Editor)`)).toBeVisible();
      // An editor, not an admin.
      const forbidden = await other.page.goto("/admin/users");
      expect(forbidden?.status()).toBe(403);

      // The admin disables the account.
      await waitForHydration(page);
      await row.getByRole("checkbox", { name: "Disabled" }).check();
      await row.getByRole("button", { name: `Save ${email}` }).click();
      await expect(page).toHaveURL(/\/admin\/users$/);
      await expect(page.getByRole("status")).toHaveText("The user was updated.");
      await expect(userRow(page, email).getByRole("checkbox", { name: "Disabled" })).toBeChecked();

      // Their open session stops working at once.
      await other.page.goto("/dashboard");
      await expect(other.page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/);
      await expect(other.page.getByText(`Signed in as ${name}`)).toHaveCount(0);

      // And they cannot sign in again.
      await waitForHydration(other.page);
      await other.page.getByLabel("Email").fill(email);
      await other.page.getByLabel("Password").fill(goodPassword);
      await other.page.getByRole("button", { name: "Sign in" }).click();
      await expect(other.page.getByRole("alert")).toHaveText("The email or password is not correct.");
    } finally {
      await other.context.close();
    }
  });

  test("the admin sets a user's organization, which decides the side they confirm for", async ({
    page,
    browser,
    baseURL,
  }) => {
    const azAgency =
      "State Agency for Public Service and Social Innovations under the President of the Republic of Azerbaijan";
    // The demo accounts work for one side each.
    const orgOf = (email: string) => userRow(page, email).getByRole("combobox", { name: `Organization ${email}` });
    await expect(orgOf(demoAccounts.editor.email).locator("option:checked")).toContainText("KemenPANRB");
    await expect(orgOf(demoAccounts.viewer.email).locator("option:checked")).toContainText(azAgency);

    const suffix = uniqueSuffix();
    const email = `side-${suffix}@example.org`;
    const form = addUserForm(page);
    await fillNewUser(page, { email, name: `Side ${suffix}`, role: "Editor", password: goodPassword });
    await expect(form.getByLabel("Organization")).toHaveValue(""); // none unless chosen
    await form.getByLabel("Organization").selectOption({ label: "None (confirms for no side)" });
    await form.getByRole("button", { name: "Add a user" }).click();
    await expect(page.getByRole("status")).toHaveText("The user was added.");
    await expect(orgOf(email)).toHaveValue("");

    // Without an organization, the editor is told why they cannot confirm for any side.
    const other = await signedInBrowser(browser, { baseURL: baseURL!, who: { email, password: goodPassword } });
    try {
      await gotoHydrated(other.page, "/agreements");
      await other.page
        .getByRole("link", { name: "Memorandum of Understanding on public service cooperation (2017)", exact: true })
        .first()
        .click();
      const oneStopShop = /Elaborate the one-stop-shop concept/;
      await other.page.getByRole("article", { name: oneStopShop }).getByRole("link", { name: oneStopShop }).click();
      await expect(other.page).toHaveURL(/\/commitments\/\d+$/);
      const confirmations = other.page.getByRole("region", { name: "Confirmation of completion" });
      await expect(confirmations).toContainText(
        "Your account belongs to no organization of a partner country, so you cannot confirm for any side.",
      );

      // The admin places them at the Azerbaijani agency, in the user's row.
      await waitForHydration(page);
      await orgOf(email).selectOption({ label: azAgency });
      await userRow(page, email)
        .getByRole("button", { name: `Save ${email}` })
        .click();
      await expect(page.getByRole("status")).toHaveText("The user was updated.");
      await expect(orgOf(email).locator("option:checked")).toHaveText(azAgency);
      await expectNoAxeViolations(page);

      // Now they speak for Azerbaijan (and only for it): the page no longer says they have no side.
      await other.page.reload();
      await waitForHydration(other.page);
      await expect(confirmations).toBeVisible();
      await expect(confirmations).not.toContainText("Your account belongs to no organization");
    } finally {
      await other.context.close();
    }
  });

  test("the admin gives a user a new password: their sessions end and the new one works", async ({
    page,
    browser,
    baseURL,
  }) => {
    const suffix = uniqueSuffix();
    const email = `forgot-${suffix}@example.org`;
    await fillNewUser(page, { email, name: `Forgetful ${suffix}`, password: goodPassword });
    await addUserForm(page).getByRole("button", { name: "Add a user" }).click();
    // The page's address does not change: the notice says the user exists.
    await expect(page.getByRole("status")).toHaveText("The user was added.");
    const other = await signedInBrowser(browser, { baseURL: baseURL!, who: { email, password: goodPassword } });
    try {
      await waitForHydration(page);
      const row = userRow(page, email);
      await row.getByText("New password…").click();
      await row.getByLabel(`New password for ${email}`).fill("a-fresh-password");
      await row.getByRole("button", { name: "Set password" }).click();
      await expect(page).toHaveURL(/\/admin\/users$/);
      await expect(page.getByRole("status")).toContainText("The user has a new password");
      await expect(row.getByLabel(`New password for ${email}`)).toBeHidden();

      await other.page.goto("/dashboard");
      await expect(other.page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/);
      await waitForHydration(other.page);
      await other.page.getByLabel("Email").fill(email);
      await other.page.getByLabel("Password").fill("a-fresh-password");
      await other.page.getByRole("button", { name: "Sign in" }).click();
      await expect(other.page).toHaveURL(/\/dashboard$/);
    } finally {
      await other.context.close();
    }

    // Not for the admin's own account: that needs the current password, on the account page.
    await waitForHydration(page);
    const own = userRow(page, demoAccounts.admin.email);
    await own.getByText("New password…").click();
    await own.getByLabel(`New password for ${demoAccounts.admin.email}`).fill("a-fresh-password");
    await own.getByRole("button", { name: "Set password" }).click();
    await expect(page.getByRole("alert")).toHaveText("Change your own password on your account page.");
    await expectNoAxeViolations(page);
  });
});

test.describe("the users page is for admins only", () => {
  for (const role of ["viewer", "editor"] as const) {
    test(`${role} gets "Not allowed"`, async ({ page, loginAs }) => {
      await loginAs(role);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
      const response = await page.goto("/admin/users");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    });
  }

  test("the admin has a Users link", async ({ page, loginAs }) => {
    await loginAs("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });
});
