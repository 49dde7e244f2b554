import { expect, gotoHydrated, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

/*
 * Issue 12's content: the seeded visits carry the delegations, hosts and places their sources
 * state. The server's database is seeded with content/ (tests/e2e/server.ts), as `db:seed` does.
 */

const bakuVisit = "Minister Abdullah Azwar Anas and delegation visit ASAN Xidmat in Baku";

test("the 2023 Baku visit is still among the visits, now with its delegation, host and place", async ({
  page,
  loginAs,
}) => {
  await loginAs("viewer");
  await gotoHydrated(page, "/activities?type=visit");
  const table = page.getByRole("table", { name: /^Activities/ });
  await table.getByRole("rowheader", { name: bakuVisit }).getByRole("link").click();
  await expect(page).toHaveURL(/\/activities\/\d+$/);
  const id = /\/activities\/(\d+)$/.exec(page.url())![1];

  await gotoHydrated(page, `/visits/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(bakuVisit);
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText("Baku");
  await expect(facts).toContainText("Asia/Baku");
  await expect(facts).toContainText("State Agency for Public Service and Social Innovations");

  await gotoHydrated(page, `/visits/${id}/delegation`);
  // The travelling side's region (whatever its heading), then the hosts'.
  const delegation = page.getByRole("region", { name: /delegation$/i });
  await expect(delegation.getByRole("listitem").filter({ hasText: "Abdullah Azwar Anas" }).first()).toContainText(
    "Head of delegation",
  );
  await expect(page.getByRole("region", { name: "Host counterparts" })).toContainText("Ulvi Mehdiyev");
  await expectNoAxeViolations(page);
});
