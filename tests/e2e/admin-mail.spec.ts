/**
 * The outbox at /admin/mail (issue 10): without RESEND_API_KEY (as the browser tests' server runs)
 * nothing is sent, and an admin reads there the invitation just sent, in the invitee's language.
 * Only admins may see it.
 */
import { postForm } from "../support/http";
import { mailId } from "../../app/mail/strings/id";
import { expect, gotoHydrated, test, uniqueSuffix, type Role } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

const subjectId = mailId.access.invitationSubject.replace("{{app}}", "Jembatan");

test.describe("the development mailbox", () => {
  test.use({ viewport: phone });

  test("shows an admin the invitation just sent, in the invitee's language, at 390 px and axe-clean", async ({
    page,
    loginAs,
    requestAs,
    baseURL,
  }) => {
    const email = `mailbox-${uniqueSuffix()}@example.org`;
    const invited = await postForm(await requestAs("admin"), baseURL!, "/admin/users", {
      intent: "invite",
      email,
      name: "Sari Mailbox",
      role: "viewer",
      language: "id",
    });
    expect(invited.status(), await invited.text()).toBe(302);

    await loginAs("admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mail" }).click();
    await expect(page).toHaveURL(/\/admin\/mail$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mail" })).toBeVisible();
    await expect(page.getByText("No email leaves this server: RESEND_API_KEY is not set.")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("rowheader")).toHaveText(subjectId);
    await expect(row).toContainText("Invitation");
    await expect(row).toContainText("Queued");
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);

    // Sent messages only: this one is not among them.
    await page.getByLabel("Status").selectOption({ label: "Sent" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/admin\/mail\?status=sent$/);
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    await page.getByLabel("Status").selectOption({ label: "Queued" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\/admin\/mail\?status=queued$/);

    await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: subjectId }).click();
    await expect(page.getByRole("heading", { level: 1, name: subjectId })).toBeVisible();
    const facts = page.getByRole("definition");
    await expect(facts.filter({ hasText: email })).toHaveText(`Sari Mailbox <${email}>`);
    await expect(facts.filter({ hasText: "Bahasa Indonesia" })).toHaveCount(1);
    await expect(facts.filter({ hasText: "Queued" })).toHaveCount(1);
    await expect(page.locator("pre")).toContainText("Sari Mailbox");
    await expect(page.locator("pre")).toContainText("mengundang Anda ke Jembatan");
    // A queued message is not "sent again": only a failed one is.
    await expect(page.getByRole("button", { name: "Send again" })).toHaveCount(0);
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);

    // The HTML, as its own sandboxed document: the email's words, with no access to the app.
    await page.getByRole("link", { name: "HTML version" }).click();
    await expect(page).toHaveURL(/\/admin\/mail\/\d+\/html$/);
    await expect(page.getByRole("heading", { level: 1, name: subjectId })).toBeVisible();
    await expect(page.getByText("Sari Mailbox").first()).toBeVisible();
    expect(await page.evaluate(() => window.origin)).toBe("null");
  });

  test("in Bahasa Indonesia", async ({ page, loginAs }) => {
    await loginAs("admin");
    // The switcher's cookie: React Router's, base64-encoded JSON.
    const value = encodeURIComponent(Buffer.from(JSON.stringify("id")).toString("base64"));
    await page.context().addCookies([{ name: "lng", value, url: page.url() }]);
    await gotoHydrated(page, "/admin/mail");
    await expect(page.getByRole("heading", { level: 1, name: "Surel" })).toBeVisible();
    await expect(page.getByText("Tidak ada surel yang keluar dari server ini")).toBeVisible();
  });
});

test.describe("who may see the outbox", () => {
  for (const role of ["viewer", "editor"] satisfies Role[]) {
    test(`a ${role} gets 403, for the list, a message, its HTML and a retry`, async ({ requestAs, baseURL }) => {
      const api = await requestAs(role);
      expect((await api.get("/admin/mail", { maxRedirects: 0 })).status()).toBe(403);
      expect((await api.get("/admin/mail/1", { maxRedirects: 0 })).status()).toBe(403);
      expect((await api.get("/admin/mail/1/html", { maxRedirects: 0 })).status()).toBe(403);
      expect((await postForm(api, baseURL!, "/admin/mail/1", { intent: "retry" })).status()).toBe(403);
    });
  }

  test("someone signed out is sent to sign in", async ({ requestAs }) => {
    const api = await requestAs("anonymous");
    const answer = await api.get("/admin/mail", { maxRedirects: 0 });
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).toBe(`/login?${new URLSearchParams({ redirectTo: "/admin/mail" })}`);
  });
});
