import type { Page } from "@playwright/test";
import { addSession, expect, gotoHydrated, test, waitForHydration } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone, visitorPage } from "./helpers";

// The replication chain (issue 11): staff link cases on /cases/:id/links; a case's public page shows
// where its idea came from and where it went, as a timeline and a map drawn on the server.

const asan = "ASAN Xidmat service centres";
const mpp = /^Public service malls \(Mal Pelayanan Publik, MPP\)/;

/**
 * The database ids of the seeded cases, read from the link form's case choices on a links page
 * already open (the page's own case is missing from them; `own` names it).
 */
async function caseIdsOn(page: Page, ownId: number) {
  const own = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const options = await page
    .getByLabel("Other case")
    .first()
    .locator("option")
    .evaluateAll((list) => list.map((o) => [(o as HTMLOptionElement).text, (o as HTMLOptionElement).value] as const));
  const ids = options.filter(([, v]) => v).map(([text, v]) => [text, Number(v)] as const);
  return (title: string | RegExp) => {
    if (typeof title === "string" ? own.includes(title) : title.test(own.replace(/^Replication links of “/, ""))) {
      return ownId;
    }
    const found = ids.find(([text]) => (typeof title === "string" ? text === title : title.test(text)));
    if (!found) throw new Error(`no case ${String(title)} among ${ids.map(([text]) => text).join("; ")}`);
    return found[1];
  };
}

test.describe("replication links", () => {
  test("an editor adds a link, changes its year and deletes it; a viewer only reads", async ({
    page,
    loginAs,
    browser,
    baseURL,
  }) => {
    await loginAs("editor");
    await gotoHydrated(page, "/cases/1/links");
    const idOf = await caseIdsOn(page, 1);
    const edat = idOf(/\(EDAT\), Teluk Bintuni/);
    const buses = idOf("ASAN mobile service buses");
    await gotoHydrated(page, `/cases/${edat}/links`);
    await page.getByText("Add a link").click();
    const add = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Save the link" }) })
      .last();
    await add.getByLabel("Direction").selectOption("adaptedAs");
    await add.getByLabel("Other case").selectOption(String(buses));
    await add.getByLabel("Place (English)").fill("Test place");
    await add.getByLabel("Latitude").fill("40.4");
    await add.getByRole("button", { name: "Save the link" }).click();
    // Both coordinates or neither: the form says so beside the longitude, and keeps what was typed.
    await expect(add.getByText("Enter both the latitude and the longitude, or neither.")).toBeVisible();
    await expect(add.getByLabel("Place (English)")).toHaveValue("Test place");
    await add.getByLabel("Longitude").fill("49.9");
    await add.getByRole("textbox", { name: /^Year/ }).fill("2030");
    await add.getByRole("button", { name: "Save the link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link was added." })).toBeVisible();
    const item = page.getByRole("listitem").filter({ hasText: "adapted as" }).filter({ hasText: "Test place" });
    await expect(item).toContainText("ASAN mobile service buses");
    await expect(item).toContainText("2030");

    await item.getByRole("link", { name: /^Edit/ }).click();
    await waitForHydration(page);
    const edit = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Edit the link with/ }) });
    await edit.getByRole("textbox", { name: /^Year/ }).fill("2031");
    await edit.getByRole("button", { name: "Save the link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link was saved." })).toBeVisible();
    await expect(item).toContainText("2031");

    // The other case's page shows the link from its side.
    await gotoHydrated(page, `/cases/${buses}/links`);
    await expect(
      page.getByRole("listitem").filter({ hasText: "inspired by" }).filter({ hasText: "Test place" }),
    ).toContainText("EDAT");

    await gotoHydrated(page, `/cases/${edat}/links`);
    await item.locator("summary").click();
    await item.getByRole("button", { name: /^Delete the link/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link was deleted." })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Test place" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // A viewer reads the links and is offered no form.
    const viewer = await browser.newContext({ baseURL, locale: "en-GB" });
    await addSession(viewer, baseURL!, "viewer");
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/cases/${idOf(asan)}/links`);
    await expect(viewerPage.getByText("You can read these links")).toBeVisible();
    await expect(viewerPage.getByRole("listitem").filter({ hasText: "adapted as" })).toContainText(
      "Public service malls (Mal Pelayanan Publik, MPP)",
    );
    await expect(viewerPage.getByRole("button", { name: "Save the link" })).toHaveCount(0);
    await viewer.close();
  });

  test("the same works without JavaScript, and the chain's rules are said beside the field", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, locale: "en-GB", javaScriptEnabled: false });
    await addSession(context, baseURL!, "editor");
    const page = await context.newPage();
    await page.goto("/cases/1/links");
    const idOf = await caseIdsOn(page, 1);
    // MPP already took its idea from ASAN Xidmat: linking them again either way is refused.
    const mppId = idOf(mpp);
    await page.goto(`/cases/${mppId}/links`);
    await page.getByText("Add a link").click();
    const add = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Save the link" }) })
      .last();
    await add.getByLabel("Direction").selectOption("adaptedAs");
    await add.getByLabel("Other case").selectOption({ label: asan });
    await add.getByRole("button", { name: "Save the link" }).click();
    await expect(page.getByText("These two cases are already linked. Edit that link instead.").first()).toBeVisible();
    await context.close();
  });

  test("a save over someone else's shows both versions, and the editor's changes go back into the form", async ({
    page,
    loginAs,
  }) => {
    await loginAs("editor");
    await gotoHydrated(page, "/cases/1/links");
    const idOf = await caseIdsOn(page, 1);
    const outreach = idOf("Mobile outreach by vehicle for people with low digital literacy");
    const buses = idOf("ASAN mobile service buses");
    const links = `/cases/${outreach}/links`;
    await gotoHydrated(page, links);
    await page.getByText("Add a link").click();
    const add = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Save the link" }) })
      .last();
    await add.getByLabel("Other case").selectOption(String(buses));
    await add.getByRole("textbox", { name: /^Year/ }).fill("2020");
    await add.getByRole("button", { name: "Save the link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link was added." })).toBeVisible();
    const item = page
      .getByRole("listitem")
      .filter({ hasText: "inspired by" })
      .filter({ hasText: "ASAN mobile service buses" });
    await item.getByRole("link", { name: /^Edit/ }).click();
    await waitForHydration(page);
    const editAt = page.url();

    // Someone else saves the link first.
    const other = await page.context().newPage();
    await gotoHydrated(other, editAt);
    await other.getByRole("textbox", { name: /^Year/ }).last().fill("2021");
    await other.getByRole("button", { name: "Save the link" }).first().click();
    await expect(other.getByRole("status").filter({ hasText: "The link was saved." })).toBeVisible();
    await other.close();

    const edit = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Edit the link with/ }) });
    await edit.getByLabel("Status").selectOption("stopped");
    await edit.getByRole("button", { name: "Save the link" }).click();
    await expect(
      page.getByRole("heading", { name: "Someone else saved this record while you were editing" }),
    ).toBeVisible();
    const yearRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Year" }) });
    await expect(yearRow).toContainText("2020");
    await expect(yearRow).toContainText("2021");
    await page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your changes are back in the form." })).toBeVisible();
    await page.getByRole("button", { name: "Save the link" }).first().click();
    await expect(page.getByRole("status").filter({ hasText: "The link was saved." })).toBeVisible();
    await expect(item).toContainText("2020");
    await expect(item).toContainText("Stopped");

    await item.locator("summary").click();
    await item.getByRole("button", { name: /^Delete the link/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "The link was deleted." })).toBeVisible();
  });
});

test.describe("the case page's replication chain", () => {
  test("ASAN Xidmat's page shows MPP as adapted from it, with place and year, on a map drawn on the server", async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await visitorPage(browser, baseURL!);
    await page.goto("/library/asan-xidmat-service-centres");
    const chain = page.getByRole("region", { name: "Where the idea travelled" });
    const adaptation = chain.getByRole("listitem").filter({ hasText: "Adaptation" });
    await expect(adaptation.getByRole("link", { name: mpp })).toBeVisible();
    await expect(adaptation).toContainText("2017");
    await expect(adaptation).toContainText("Banyuwangi, East Java, Indonesia");
    await expect(adaptation).toContainText(`Adapted from ${asan}`);
    const map = chain.getByRole("img", { name: /Map of the places in this chain: 1\. ASAN Xidmat.*Banyuwangi/ });
    await expect(map).toBeVisible();
    expect(await map.locator("path").count()).toBeGreaterThan(10);
    await expectFitsPhone(page);
    const box = await map.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page);

    await page.goto("/library/mal-pelayanan-publik");
    const origin = page
      .getByRole("region", { name: "Where the idea travelled" })
      .getByRole("listitem")
      .filter({ hasText: "Origin" });
    await expect(origin.getByRole("link", { name: asan })).toBeVisible();
    const self = page
      .getByRole("region", { name: "Where the idea travelled" })
      .getByRole("listitem")
      .filter({ hasText: "This case" });
    await expect(self).toContainText("Banyuwangi, East Java, Indonesia");
    await expect(self).toContainText("2017");
    await context.close();
  });

  test("an Indonesian reader reads the chain in Indonesian", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, locale: "id-ID", viewport: phone });
    const page = await context.newPage();
    await page.goto("/library/mal-pelayanan-publik");
    const chain = page.getByRole("region", { name: "Perjalanan gagasan ini" });
    const self = chain.getByRole("listitem").filter({ hasText: "Kasus ini" });
    await expect(self).toContainText("Banyuwangi, Jawa Timur, Indonesia");
    await expect(self).toContainText("Diadaptasi dari");
    await expect(chain.getByRole("img", { name: /^Peta tempat-tempat dalam rantai ini: 1\. / })).toBeVisible();
    await expectFitsPhone(page);
    await context.close();
  });
});
