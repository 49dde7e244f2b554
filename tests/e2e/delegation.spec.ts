import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { fixtureFile } from "../support/fixture-file";
import { makeVisit } from "../support/model-factories";
import { expect, gotoHydrated, test } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * A visit's delegation (issue 12 item 3): an editor lists three members, one of them a person new
 * to the app, with and without JavaScript; a viewer reads the delegation without anyone's needs.
 * The visits and people are made through the models before this file's own server starts.
 */

const fixture = { visits: [] as number[], aysel: 0 };
const { editor, viewer, signedIn } = fixtureFile("delegation", fill);

async function fill(db: Database) {
  const [org] = await db
    .insert(t.organizations)
    .values({
      slug: "delegation-e2e-agency",
      name: { en: "ASAN Service Agency", id: "Badan Layanan ASAN" },
      acronym: "ASAN",
      kind: "agency",
    })
    .returning();
  const [, aysel] = await db
    .insert(t.people)
    .values([
      { slug: "delegation-e2e-rahmat", name: "Rahmat Hidayat" },
      { slug: "delegation-e2e-aysel", name: "Aysel Karimova", organizationId: org!.id },
    ])
    .returning();
  fixture.aysel = aysel!.id;
  for (const title of ["Baku study visit", "Baku follow-up visit", "Baku return visit"]) {
    const { activity } = await makeVisit(db, { title: { en: title } });
    fixture.visits.push(activity.id);
  }
}

test("an editor lists three members, one new to the app; a viewer reads them without their needs", async ({
  browser,
}) => {
  const id = fixture.visits[0]!;
  const { context, page } = await signedIn(browser, editor);
  try {
    await gotoHydrated(page, `/visits/${id}/delegation`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delegation: Baku study visit");
    const first = page.getByRole("group", { name: "Member 1" });
    await first.getByLabel("Person", { exact: true }).selectOption({ label: "Rahmat Hidayat" });
    await first.getByLabel("Role").selectOption({ label: "Head of delegation" });
    await first.getByLabel("Arriving by").selectOption({ label: "Flight" });
    await first.getByRole("group", { name: "Arrival" }).getByLabel("Flight or train number").fill("J2 42");
    await first.getByLabel("Arrives").fill("2025-06-09T14:30");
    await first.getByLabel("Dietary needs").fill("Vegetarian, no nuts");

    await page.getByRole("button", { name: "Add a member" }).click();
    const second = page.getByRole("group", { name: "Member 2" });
    await expect(second.getByLabel("Person", { exact: true })).toBeFocused();
    await second.getByLabel("Person", { exact: true }).selectOption({ label: "Aysel Karimova (ASAN)" });
    await second.getByLabel("Side").selectOption({ label: "Host counterpart" });
    await second.getByLabel("Role").selectOption({ label: "Counterpart" });

    await page.getByRole("button", { name: "Add a member" }).click();
    const third = page.getByRole("group", { name: "Member 3" });
    await third.getByLabel("Or a new person's name").fill("Dewi Lestari");
    await third.getByLabel("New person's organisation").selectOption({ label: "ASAN Service Agency (ASAN)" });
    await third.getByLabel("Hotel").fill("Hilton Baku");

    await page.setViewportSize(phone);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${id}$`));
    await expect(page.getByRole("status").filter({ hasText: "The delegation was saved." })).toBeVisible();
    // The visit's page shows the delegation, needs included for its editors.
    const onVisit = page.getByRole("region", { name: "Delegation", exact: true });
    await expect(onVisit.getByRole("region", { name: "Members of the delegation" })).toContainText("Rahmat Hidayat");
    await expect(onVisit).toContainText("Dietary: Vegetarian, no nuts");

    // Back in the editor: the three rows as saved, needs included, times in Baku's.
    await gotoHydrated(page, `/visits/${id}/delegation`);
    await expect(first.getByLabel("Person", { exact: true })).toHaveValue(/\d+/);
    await expect(first.getByLabel("Dietary needs")).toHaveValue("Vegetarian, no nuts");
    await expect(first.getByLabel("Arrives")).toHaveValue("2025-06-09T14:30");
    await expect(third.getByLabel("Person", { exact: true }).locator("option:checked")).toHaveText(
      "Dewi Lestari (ASAN)",
    );
  } finally {
    await context.close();
  }

  const reader = await signedIn(browser, viewer, { viewport: phone });
  try {
    await gotoHydrated(reader.page, `/visits/${id}/delegation`);
    const delegation = reader.page.getByRole("region", { name: "Members of the delegation" });
    await expect(delegation.getByRole("listitem").filter({ hasText: "Rahmat Hidayat" }).first()).toContainText(
      "Head of delegation",
    );
    await expect(delegation).toContainText("Flight J2 42");
    await expect(delegation).toContainText("Dewi Lestari");
    await expect(reader.page.getByRole("region", { name: "Host counterparts" })).toContainText("Aysel Karimova");
    await expect(reader.page.getByText("Vegetarian")).toHaveCount(0);
    await expect(reader.page.getByRole("button", { name: "Save the delegation" })).toHaveCount(0);
    expect((await reader.page.request.post(`/visits/${id}/delegation`, { form: { version: "2" } })).status()).toBe(403);
    await expectNoAxeViolations(reader.page);
    await expectFitsPhone(reader.page);
    // And on the visit's page: the delegation, without anyone's needs.
    await gotoHydrated(reader.page, `/visits/${id}`);
    await expect(reader.page.getByRole("region", { name: "Delegation", exact: true })).toContainText("Dewi Lestari");
    await expect(reader.page.getByText("Vegetarian")).toHaveCount(0);
    await expect(reader.page.getByRole("link", { name: "Edit the delegation" })).toHaveCount(0);
  } finally {
    await reader.context.close();
  }
});

test("the delegation's rows are added, refused and removed without JavaScript", async ({ browser }) => {
  const id = fixture.visits[1]!;
  const { context, page } = await signedIn(browser, editor, { javaScriptEnabled: false });
  try {
    await page.goto(`/visits/${id}/delegation`);
    await page
      .getByRole("group", { name: "Member 1" })
      .getByLabel("Person", { exact: true })
      .selectOption({ label: "Rahmat Hidayat" });
    await page.getByRole("button", { name: "Add a member" }).click();
    await page.getByRole("group", { name: "Member 2" }).getByLabel("Or a new person's name").fill("Budi Santoso");
    await page.getByRole("button", { name: "Add a member" }).click();
    // Rahmat twice: refused beside the second, and everything typed stays.
    const third = page.getByRole("group", { name: "Member 3" });
    await third.getByLabel("Person", { exact: true }).selectOption({ label: "Rahmat Hidayat" });
    await third.getByLabel("Access needs").fill("Step-free rooms");
    await page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(page.getByRole("alert").first()).toContainText(
      "Member 3: Person: This person is already listed above.",
    );
    await expect(third.getByLabel("Access needs")).toHaveValue("Step-free rooms");
    await expect(page.getByRole("group", { name: "Member 2" }).getByLabel("Or a new person's name")).toHaveValue(
      "Budi Santoso",
    );

    await third.getByLabel("Person", { exact: true }).selectOption({ label: "Aysel Karimova (ASAN)" });
    await page.getByRole("button", { name: "Remove member 1" }).click();
    await expect(page.getByRole("group", { name: "Member 3" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Member 1" }).getByLabel("Or a new person's name")).toHaveValue(
      "Budi Santoso",
    );
    await page
      .getByRole("group", { name: "Member 1" })
      .getByLabel("Role")
      .selectOption({ label: "Head of delegation" });
    await page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${id}$`));

    await page.goto(`/visits/${id}/delegation`);
    await expect(page.getByRole("group", { name: "Member 1" }).getByLabel("Role")).toHaveValue("head");
    await expect(page.getByRole("group", { name: "Member 2" }).getByLabel("Access needs")).toHaveValue(
      "Step-free rooms",
    );
    await expect(page.getByRole("group", { name: "Member 3" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a save over someone else's shows both delegations, and the editor's rows go back into the form", async ({
  browser,
}) => {
  const id = fixture.visits[2]!;
  const mine = await signedIn(browser, editor);
  const theirs = await signedIn(browser, editor);
  try {
    await gotoHydrated(mine.page, `/visits/${id}/delegation`);
    const saved = await theirs.page.request.post(`/visits/${id}/delegation`, {
      form: { intent: "save", version: "1", personId: String(fixture.aysel), side: "host", role: "counterpart" },
      maxRedirects: 0,
    });
    expect(saved.status()).toBe(302);

    const first = mine.page.getByRole("group", { name: "Member 1" });
    await first.getByLabel("Person", { exact: true }).selectOption({ label: "Rahmat Hidayat" });
    await first.getByLabel("Hotel").fill("Fairmont Baku");
    await mine.page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(
      mine.page.getByRole("heading", { name: "Someone saved this delegation while you were editing it" }),
    ).toBeVisible();
    const row = mine.page.getByRole("row", { name: /Member 1/ });
    await expect(row).toContainText("Rahmat Hidayat (Delegation, Member)");
    await expect(row).toContainText("Aysel Karimova (Host counterpart, Counterpart)");
    await expectNoAxeViolations(mine.page);

    await mine.page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(first.getByLabel("Hotel")).toHaveValue("Fairmont Baku");
    await mine.page.getByRole("button", { name: "Save the delegation" }).click();
    await expect(mine.page).toHaveURL(new RegExp(`/visits/${id}$`));
    await gotoHydrated(mine.page, `/visits/${id}/delegation`);
    await expect(first.getByLabel("Hotel")).toHaveValue("Fairmont Baku");
    await expect(mine.page.getByRole("group", { name: "Member 2" })).toHaveCount(0);
  } finally {
    await mine.context.close();
    await theirs.context.close();
  }
});
