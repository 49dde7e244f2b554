/**
 * Delivery hygiene on /admin/users (issue 10): an address Resend reported as bounced or as
 * complaining is flagged on its user's row with why and since when, and the admin can lift it.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { createUser } from "../support/http-factories";
import { postForm } from "../support/http";
import { deliveryEvent, signedDelivery } from "../support/resend-webhooks";
import { addSession, expect, gotoHydrated, test, uniqueSuffix, type Who } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/** The users table row whose row header is exactly `email`. */
const userRow = (page: Page, email: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: email, exact: true }) });

/** Resend reports `email` with a delivery signed as the e2e server expects. */
async function report(resend: APIRequestContext, email: string, type: "email.bounced" | "email.complained") {
  const delivery = signedDelivery(deliveryEvent(type, email));
  const answer = await resend.post("/webhooks/resend", { headers: delivery.headers, data: delivery.body });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** A user of this test alone, whose address Resend then reports with `type`. */
async function reportedUser(
  requestAs: (who: Who | "anonymous") => Promise<APIRequestContext>,
  baseURL: string,
  type: "email.bounced" | "email.complained",
) {
  const user = await createUser(await requestAs("admin"), baseURL, "viewer", { prefix: "delivery" });
  await report(await requestAs("anonymous"), user.email, type);
  return user;
}

test.describe("an address that bounced, on /admin/users", () => {
  test.use({ viewport: phone });

  test("is flagged with why and since when, fits 390 px, passes axe, and the admin lifts it", async ({
    page,
    loginAs,
    requestAs,
    baseURL,
  }) => {
    const user = await reportedUser(requestAs, baseURL!, "email.bounced");
    await loginAs("admin");
    await gotoHydrated(page, "/admin/users");
    const row = userRow(page, user.email);
    await expect(row).toContainText("Email bounced");
    await expect(row).toContainText(/since \d{1,2} \w{3} \d{4}/);
    await expect(row).toContainText("Invitations and password resets still are, but may not arrive.");
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);

    // Only an admin lifts one: an editor's post of the same form is refused on the server.
    const since = await row.locator('input[name="since"]').inputValue();
    const lift = { intent: "liftSuppression", address: user.email, since };
    expect((await postForm(await requestAs("editor"), baseURL!, "/admin/users", lift)).status()).toBe(403);
    await gotoHydrated(page, "/admin/users");
    await expect(userRow(page, user.email)).toContainText("Email bounced");

    await row.getByRole("button", { name: `Send notices again ${user.email}` }).click();
    await expect(page.getByRole("status")).toHaveText("Notices go to this address again.");
    await expect(userRow(page, user.email)).not.toContainText("Email bounced");
    await expect(userRow(page, user.email).getByRole("button", { name: /Send notices again/ })).toHaveCount(0);
  });

  test("a pending invitation to an address that bounced says it may not arrive", async ({
    page,
    loginAs,
    requestAs,
    baseURL,
  }) => {
    const email = `delivery-invited-${uniqueSuffix()}@example.org`;
    const invite = { intent: "invite", email, name: "Invited Person", role: "viewer", language: "en" };
    expect((await postForm(await requestAs("admin"), baseURL!, "/admin/users", invite)).status()).toBe(302);
    await report(await requestAs("anonymous"), email, "email.bounced");
    await loginAs("admin");
    await gotoHydrated(page, "/admin/users");
    const pending = page.getByRole("region", { name: "Pending invitations" });
    const invitation = pending
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: email, exact: true }) });
    await expect(invitation).toContainText("Email bounced");
    await expect(invitation).toContainText("Invitations and password resets still are, but may not arrive.");
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a complaint is flagged, and a lift from a page gone stale says it was already lifted", async ({
    page,
    browser,
    requestAs,
    baseURL,
  }) => {
    const user = await reportedUser(requestAs, baseURL!, "email.complained");
    await addSession(page.context(), baseURL!, "admin");
    await page.goto("/admin/users");
    await expect(userRow(page, user.email)).toContainText("Reported as spam");

    // Another admin lifts it first, in a browser of their own.
    const other = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      await addSession(other, baseURL!, "admin");
      const otherPage = await other.newPage();
      await otherPage.goto("/admin/users");
      await userRow(otherPage, user.email)
        .getByRole("button", { name: `Send notices again ${user.email}` })
        .click();
      await expect(otherPage.getByRole("status")).toHaveText("Notices go to this address again.");
    } finally {
      await other.close();
    }

    await userRow(page, user.email)
      .getByRole("button", { name: `Send notices again ${user.email}` })
      .click();
    await expect(page.getByRole("alert")).toHaveText("Notices to this address had already been resumed.");
    await expect(userRow(page, user.email)).not.toContainText("Reported as spam");
  });
});
