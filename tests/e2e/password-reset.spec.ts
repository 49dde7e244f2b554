/**
 * Password reset by email (issue 10): "Forgot your password?" on /login answers alike for any
 * address; the emailed link sets a new password once, ends the user's other sessions and signs
 * this browser in; the link is refused the second time. Links are read from the development
 * mailbox. The user is one this test makes: a demo account's sessions are other tests'.
 */
import { postForm } from "../support/http";
import { expect, signedInRequest, test, uniqueSuffix, waitForHydration } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, visitorPage } from "./helpers";
import { linkFromMailbox } from "./mailbox";

test.describe("password reset", () => {
  test("a reset link sets a new password once, signs out every other session, and is refused the second time", async ({
    browser,
    baseURL,
    playwright,
    requestAs,
  }) => {
    const email = `forgetful-${uniqueSuffix()}@example.org`;
    const oldPassword = "the password I forgot";
    const newPassword = "the password I chose now";
    const admin = await requestAs("admin");
    const created = await postForm(admin, baseURL!, "/admin/users", {
      intent: "create",
      email,
      name: "Forgetful Person",
      role: "viewer",
      timeZone: "Asia/Jakarta",
      organizationId: "",
      password: oldPassword,
    });
    expect(created.status(), await created.text()).toBe(302);
    // A session on another device, which the reset must end.
    const elsewhere = await signedInRequest(playwright, baseURL!, { email, password: oldPassword });
    expect((await elsewhere.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);

    const { context, page } = await visitorPage(browser, baseURL!);
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toHaveText(
      `If ${email} belongs to an account, an email with a link to choose a new password is on its way. The link works once, for one hour. Check your spam folder too.`,
    );
    await expectNoAxeViolations(page);

    const link = await linkFromMailbox(admin, email, "/reset-password");
    await page.goto(link);
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("data-scripts", "none");
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(page.getByText(`For ${email}.`)).toBeVisible();
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByLabel("Password again").fill(newPassword);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    // The dashboard itself, not an error page in the site's frame (which shows the notice too).
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(
      "Your password was changed and you are signed in. Every other device was signed out.",
    );
    await expect(page.getByRole("link", { name: "Signed in as Forgetful Person (Viewer)" })).toBeVisible();

    // The other device was signed out; the account's address was told.
    expect((await elsewhere.get("/dashboard", { maxRedirects: 0 })).status()).toBe(302);
    await elsewhere.dispose();
    const list = await (await admin.get("/admin/mail")).text();
    expect(list).toMatch(new RegExp(`Your Jembatan password was changed[\\s\\S]*?${email.replace(/\./g, "\\.")}`));

    // Used once: refused the second time, with the way to ask again.
    const again = await visitorPage(browser, baseURL!);
    const refused = await again.page.goto(link);
    expect(refused?.status()).toBe(410);
    await expect(again.page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
    await expect(again.page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
    await expectNoAxeViolations(again.page);
    await again.context.close();
    await context.close();

    // The new password signs in; the old one does not.
    const anonymous = await playwright.request.newContext({ baseURL });
    const withOld = await postForm(anonymous, baseURL!, "/login", { email, password: oldPassword });
    expect(withOld.status()).toBe(401);
    const withNew = await postForm(anonymous, baseURL!, "/login", { email, password: newPassword });
    expect(withNew.status()).toBe(302);
    await anonymous.dispose();
  });

  test("answers alike for an unknown address, and limits requests per address", async ({ baseURL, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const unknown = `nobody-${uniqueSuffix()}@example.org`;
    const ask = (email: string) => postForm(anonymous, baseURL!, "/forgot-password", { email });
    for (let i = 0; i < 3; i++) {
      const answer = await ask(unknown);
      expect(answer.status()).toBe(200);
      expect(await answer.text()).toContain("belongs to an account, an email with a link");
    }
    const limited = await ask(unknown);
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many links were asked for.");

    const bad = await ask("not an address");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("Enter a valid email address.");
    await anonymous.dispose();
  });
});
