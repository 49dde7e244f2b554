// People and organisations managed in the app (issue 12 item 1): an editor adds an organisation
// and a person with two dated positions, edits the positions without JavaScript (a bad row refused
// with everything typed kept), and merges a duplicate into the person. Axe and a phone's width.
import { addSession, expect, gotoHydrated, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

test.describe.configure({ mode: "serial" });

const suffix = uniqueSuffix();
const orgName = `Mahalle Service Bureau ${suffix}`;
const acronym = `MSB${suffix}`.slice(0, 12).toUpperCase();
const personName = `Leyla Aliyeva ${suffix}`;
const duplicateName = `Leyla A. ${suffix}`;
let personUrl = "";

test("an editor adds an organisation and a person with two dated positions", async ({ page, loginAs }) => {
  await loginAs("editor");
  await gotoHydrated(page, "/organizations");
  await page.getByRole("link", { name: "New organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New organisation" })).toBeVisible();
  await page.getByLabel("Name in English").fill(orgName);
  await page.getByLabel("Name in Indonesian").fill(`Biro Layanan Mahalle ${suffix}`);
  await page.getByLabel("Acronym").fill(acronym);
  await page.getByLabel("Kind").selectOption({ label: "Agency" });
  await page.getByLabel("Country").selectOption({ label: "Azerbaijan" });
  await page.getByLabel("Website").fill("https://example.org/mahalle");
  await page.getByRole("button", { name: "New organisation" }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${orgName} (${acronym})`);
  await expect(page.getByRole("status").filter({ hasText: "The organisation was added." })).toBeVisible();

  await gotoHydrated(page, "/people");
  await page.getByRole("link", { name: "New person" }).click();
  await page.getByLabel("Name", { exact: true }).fill(personName);
  await page.getByLabel("Organisation today").selectOption({ label: `${orgName} (${acronym})` });
  await page.getByLabel("Email").fill("leyla@example.org");
  await page.getByLabel("Languages spoken").fill("az, en");
  const first = page.getByRole("group", { name: "Position 1" });
  await first.getByLabel("Title in English").fill("Head of Department");
  await first.getByLabel("Organisation", { exact: true }).selectOption({ label: `${orgName} (${acronym})` });
  await first.getByLabel("From").fill("2019-01-01");
  await first.getByLabel("Until").fill("2022-12-31");
  const second = page.getByRole("group", { name: "Position 2" });
  await second.getByLabel("Title in English").fill("Deputy Director");
  await second.getByLabel("Title in Indonesian").fill("Wakil Direktur");
  await second.getByLabel("Title in Azerbaijani").fill("Direktor müavini");
  await second.getByLabel("From").fill("2023-01-01");
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await page.getByRole("button", { name: "New person" }).click();

  await expect(page).toHaveURL(/\/people\/\d+$/);
  personUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(personName);
  await expect(page.getByRole("status").filter({ hasText: "The person was added." })).toBeVisible();
  const positions = page.getByRole("region", { name: "Positions" });
  await expect(positions.getByRole("listitem")).toHaveCount(2);
  await expect(positions.getByRole("listitem").first()).toContainText("Deputy Director");
  await expect(positions.getByRole("listitem").last()).toContainText(`Head of Department, ${acronym}`);
  await expect(page.getByRole("link", { name: "leyla@example.org" })).toBeVisible();
  await expect(page.getByText("Azerbaijani, English")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);

  // Found by the list's search, with today's title.
  await gotoHydrated(page, `/people?q=${encodeURIComponent(acronym)}`);
  const row = page.getByRole("row").filter({ hasText: personName });
  await expect(row).toContainText("Deputy Director");
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
});

test("the positions are edited without JavaScript: a bad row refused with what was typed kept", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, locale: "en-GB", javaScriptEnabled: false, viewport: phone });
  await addSession(context, baseURL!, "editor");
  const page = await context.newPage();
  try {
    await page.goto(`${personUrl}/edit`);
    // The form lists positions from the earliest: the second one's Azerbaijani title came back with it.
    await expect(page.getByRole("group", { name: "Position 2" }).getByLabel("Title in Azerbaijani")).toHaveValue(
      "Direktor müavini",
    );
    await page.getByRole("group", { name: "Position 2" }).getByLabel("Title in English").fill("Director");
    const third = page.getByRole("group", { name: "Position 3" });
    await third.getByLabel("Title in English").fill("Adviser");
    await third.getByLabel("From").fill("2024-06-01");
    await third.getByLabel("Until").fill("2024-01-01");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Position 3: Until: The end is before the start.");
    await expect(third.getByLabel("Title in English")).toHaveValue("Adviser");
    await expect(page.getByRole("group", { name: "Position 2" }).getByLabel("Title in English")).toHaveValue(
      "Director",
    );
    await third.getByLabel("Until").fill("");
    // Emptying a row removes the position.
    const first = page.getByRole("group", { name: "Position 1" });
    await expect(first.getByLabel("Title in English")).toHaveValue("Head of Department");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(new RegExp(`${personUrl}$`));
    const positions = page.getByRole("region", { name: "Positions" });
    await expect(positions.getByRole("listitem")).toHaveCount(3);
    await expect(positions.getByRole("listitem").first()).toContainText("Adviser");
    await expect(positions).toContainText("Director");
    await expect(page.getByRole("status").filter({ hasText: "The person was saved." })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a duplicate is merged into the person and is gone", async ({ page, loginAs }) => {
  await loginAs("editor");
  await gotoHydrated(page, "/people/new");
  await page.getByLabel("Name", { exact: true }).fill(duplicateName);
  await page.getByLabel("Phone").fill("+994 12 555 0101");
  await page.getByRole("button", { name: "New person" }).click();
  await expect(page).toHaveURL(/\/people\/\d+$/);
  const duplicateUrl = new URL(page.url()).pathname;

  await gotoHydrated(page, personUrl);
  await page.getByRole("link", { name: "Merge a duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Merge a duplicate into ${personName}`);
  await page.getByLabel("The duplicate").selectOption({ label: duplicateName });
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await page.getByRole("button", { name: "Merge and delete the duplicate" }).click();
  await expect(page).toHaveURL(new RegExp(`${personUrl}$`));
  await expect(
    page.getByRole("status").filter({ hasText: "The duplicate was merged into this person." }),
  ).toBeVisible();
  // The survivor took the phone number it lacked.
  await expect(page.getByRole("link", { name: "+994 12 555 0101" })).toBeVisible();
  expect((await page.request.get(duplicateUrl)).status()).toBe(404);
});

test("a duplicate organisation is merged into another and is gone", async ({ page, loginAs }) => {
  await loginAs("editor");
  const addOrganization = async (name: string, website: string) => {
    await gotoHydrated(page, "/organizations/new");
    await page.getByLabel("Name in English").fill(name);
    await page.getByLabel("Kind").selectOption({ label: "Agency" });
    if (website) await page.getByLabel("Website").fill(website);
    await page.getByRole("button", { name: "New organisation" }).click();
    await expect(page).toHaveURL(/\/organizations\/\d+$/);
    return new URL(page.url()).pathname;
  };
  const survivorName = `ASAN Service ${suffix}`;
  const duplicateOrg = `ASAN Xidmat ${suffix}`;
  const survivorUrl = await addOrganization(survivorName, "");
  const duplicateUrl = await addOrganization(duplicateOrg, "https://example.org/asan");

  await gotoHydrated(page, survivorUrl);
  await page.getByRole("link", { name: "Merge a duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Merge a duplicate into ${survivorName}`);
  await page.getByLabel("The duplicate").selectOption({ label: duplicateOrg });
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await page.getByRole("button", { name: "Merge and delete the duplicate" }).click();
  await expect(page).toHaveURL(new RegExp(`${survivorUrl}$`));
  await expect(
    page.getByRole("status").filter({ hasText: "The duplicate was merged into this organisation." }),
  ).toBeVisible();
  // The survivor took the website it lacked.
  await expect(page.getByRole("link", { name: /example\.org\/asan/ })).toBeVisible();
  expect((await page.request.get(duplicateUrl)).status()).toBe(404);
});

test("an organisation's Azerbaijani name is entered, read in Azerbaijani, and can be removed again", async ({
  page,
  loginAs,
}) => {
  await loginAs("editor");
  const name = `Mahalle Digital Office ${suffix}`;
  const azName = `Məhəllə Rəqəmsal Ofisi ${suffix}`;
  await gotoHydrated(page, "/organizations/new");
  await page.getByLabel("Name in English").fill(name);
  await page.getByLabel("Name in Azerbaijani").fill(azName);
  await page.getByLabel("Kind").selectOption({ label: "Agency" });
  await page.getByRole("button", { name: "New organisation" }).click();
  await expect(page).toHaveURL(/\/organizations\/\d+$/);
  const url = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  await page.getByLabel("Language").selectOption({ label: "Azərbaycanca" });
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(azName);
  await page.getByLabel("Dil").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Dəyiş" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // Emptied, the translation is gone: not kept from before.
  await gotoHydrated(page, `${url}/edit`);
  await expect(page.getByLabel("Name in Azerbaijani")).toHaveValue(azName);
  await page.getByLabel("Name in Azerbaijani").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The organisation was saved." })).toBeVisible();
  await gotoHydrated(page, `${url}/edit`);
  await expect(page.getByLabel("Name in Azerbaijani")).toHaveValue("");
});

test("a viewer reads people and organisations but may not edit them", async ({ page, loginAs, requestAs }) => {
  await loginAs("viewer");
  await gotoHydrated(page, personUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(personName);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Merge a duplicate" })).toHaveCount(0);
  const viewer = await requestAs("viewer");
  expect((await viewer.get(`${personUrl}/edit`, { maxRedirects: 0 })).status()).toBe(403);
  const anonymous = await requestAs("anonymous");
  const visitor = await anonymous.get(personUrl, { maxRedirects: 0 });
  expect(visitor.status()).toBe(302);
});
