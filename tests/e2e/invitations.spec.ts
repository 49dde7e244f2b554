/**
 * Invitations (issue 10): an admin invites in the browser, the invitee follows the emailed link in
 * a browser of their own, chooses a password and is signed in; the link then works no more. The
 * link is read from the development mailbox, as the test server sends no email.
 */
import { postForm } from "../support/http";
import { addSession, expect, gotoHydrated, test, uniqueSuffix, waitForHydration } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone, visitorPage } from "./helpers";
import { linkFromMailbox } from "./mailbox";

const password = "a password I chose myself";

test.describe("invitations", () => {
  test("an admin invites; the invitee sets a password through the link, is signed in, and the link is spent", async ({
    page,
    browser,
    baseURL,
    loginAs,
    requestAs,
  }) => {
    const suffix = uniqueSuffix();
    const email = `invitee-${suffix}@example.org`;
    const name = `Invitee ${suffix}`;
    await loginAs("admin");
    await gotoHydrated(page, "/admin/users");
    const form = page.getByRole("region", { name: "Invite a user" });
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Role").selectOption({ label: "Editor" });
    await form.getByLabel("Language of the email").selectOption({ label: "English" });
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toHaveText("The invitation was sent.");
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await expect(pending.getByRole("row").filter({ hasText: email })).toContainText("Editor");
    // In the users table the account is shown waiting for its invitation, not as an active user.
    const userRow = page.getByRole("group", { name: "Users" }).getByRole("row").filter({ hasText: email });
    await expect(userRow.getByText("Invited", { exact: true })).toBeVisible();

    const link = await linkFromMailbox(await requestAs("admin"), email, "/invitation");
    const invitee = await visitorPage(browser, baseURL!);
    await invitee.page.goto(link);
    await waitForHydration(invitee.page);
    // A visitor's page: plain HTML, no app script (decision 3).
    await expect(invitee.page.locator("html")).toHaveAttribute("data-scripts", "none");
    await expect(invitee.page.getByRole("heading", { level: 1, name: "Welcome to Jembatan" })).toBeVisible();
    await expect(invitee.page.getByText(`invited ${name} (${email}) as Editor`)).toBeVisible();
    await expectFitsPhone(invitee.page);
    await expectNoAxeViolations(invitee.page);

    // Two different passwords: refused beside the field, nothing spent.
    await invitee.page.getByLabel("Password", { exact: true }).fill(password);
    await invitee.page.getByLabel("Password again").fill(`${password}!`);
    await invitee.page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.page.getByLabel("Password again")).toHaveAccessibleDescription("The two passwords differ.");
    await expectNoAxeViolations(invitee.page);

    await invitee.page.getByLabel("Password", { exact: true }).fill(password);
    await invitee.page.getByLabel("Password again").fill(password);
    await invitee.page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.page).toHaveURL(/\/dashboard$/);
    // The dashboard itself, not an error page in the site's frame (which shows the notice too).
    await expect(invitee.page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(invitee.page.getByRole("status")).toHaveText("Welcome! Your password is set and you are signed in.");
    await expect(invitee.page.getByRole("link", { name: `Signed in as ${name} (Editor)` })).toBeVisible();
    await invitee.context.close();

    // The link is spent, whoever opens it next.
    const later = await visitorPage(browser, baseURL!);
    const gone = await later.page.goto(link);
    expect(gone?.status()).toBe(410);
    await expect(later.page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
    await expectFitsPhone(later.page);
    await expectNoAxeViolations(later.page);
    await later.context.close();

    await gotoHydrated(page, "/admin/users");
    await expect(pending.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    await expect(userRow).toHaveCount(1);
    await expect(userRow.getByText("Invited", { exact: true })).toHaveCount(0);
  });

  test("sending again replaces the link; withdrawing removes the invitation", async ({
    page,
    baseURL,
    loginAs,
    requestAs,
  }) => {
    const email = `again-${uniqueSuffix()}@example.org`;
    const admin = await requestAs("admin");
    const invited = await postForm(admin, baseURL!, "/admin/users", {
      intent: "invite",
      email,
      name: "Send Again",
      role: "viewer",
      language: "id",
    });
    expect(invited.status(), await invited.text()).toBe(302);
    const first = await linkFromMailbox(admin, email, "/invitation");

    await loginAs("admin");
    await page.setViewportSize(phone);
    await gotoHydrated(page, "/admin/users");
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await pending.getByRole("button", { name: `Send again ${email}` }).click();
    await expect(page.getByRole("status")).toHaveText("A new invitation was sent; the earlier link no longer works.");
    const second = await linkFromMailbox(admin, email, "/invitation");
    expect(second).not.toBe(first);
    expect((await admin.get(first)).status()).toBe(410);
    // Said in the reader's language.
    const goneInIndonesian = await admin.get(first, { headers: { "Accept-Language": "id-ID,id;q=0.9" } });
    expect(await goneInIndonesian.text()).toContain("Tautan ini tidak berlaku lagi");
    expect((await admin.get(second)).status()).toBe(200);
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);

    await pending.getByRole("button", { name: `Withdraw ${email}` }).click();
    await expect(page.getByRole("status")).toHaveText(
      "The invitation was withdrawn and the account that waited for it removed.",
    );
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    expect((await admin.get(second)).status()).toBe(410);
  });

  test("a bad address is refused beside the field, keeping what was typed", async ({ page, loginAs }) => {
    await loginAs("admin");
    await gotoHydrated(page, "/admin/users");
    const form = page.getByRole("region", { name: "Invite a user" });
    // Past the browser's own checks, as a script would be, to reach the app's.
    await form.locator("form").evaluate((el: HTMLFormElement) => (el.noValidate = true));
    await form.getByLabel("Email", { exact: true }).fill("not an address");
    await form.getByLabel("Name").fill("Someone");
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByLabel("Email", { exact: true })).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(form.getByLabel("Email", { exact: true })).toHaveValue("not an address");
    await expect(form.getByLabel("Name")).toHaveValue("Someone");
    await expect(page.getByRole("status")).toHaveCount(0);
  });

  test("inviting works without JavaScript", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "en-GB", javaScriptEnabled: false });
    await addSession(context, baseURL!, "admin");
    const page = await context.newPage();
    await page.goto("/admin/users");
    const email = `no-script-${uniqueSuffix()}@example.org`;
    const form = page.getByRole("region", { name: "Invite a user" });
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Name").fill("No Script");
    await form.getByLabel("Language of the email").selectOption({ label: "Bahasa Indonesia" });
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toHaveText("The invitation was sent.");
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await pending.getByRole("button", { name: `Withdraw ${email}` }).click();
    await expect(page.getByRole("status")).toHaveText(
      "The invitation was withdrawn and the account that waited for it removed.",
    );
    await context.close();
  });

  test("only admins may invite", async ({ baseURL, requestAs }) => {
    const editor = await requestAs("editor");
    const response = await postForm(editor, baseURL!, "/admin/users", {
      intent: "invite",
      email: `nope-${uniqueSuffix()}@example.org`,
      name: "Not Allowed",
      role: "admin",
      language: "en",
    });
    expect(response.status()).toBe(403);
  });
});
