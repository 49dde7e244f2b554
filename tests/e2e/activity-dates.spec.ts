import { readFile } from "node:fs/promises";
import { parseCsv } from "../support/http";
import { expect, gotoHydrated, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

const regionalVisit = "KemenPANRB visit to Azerbaijan with regional government leaders (2017)";

test("the 2017 visit, dated by its sources only to the month, reads 'Sept 2017' in the list and in the CSV", async ({
  page,
  loginAs,
}) => {
  await loginAs("viewer");
  await gotoHydrated(page, "/activities?type=visit");
  const table = page.getByRole("table", { name: /^Activities/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: regionalVisit }) });
  // Approximate as well: the month is the one the visit was planned for.
  await expect(row.getByRole("cell").first()).toHaveText("c. Sept 2017");
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Spreadsheet (CSV)" }).click();
  const bytes = await readFile((await (await download).path())!);
  const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
  const title = header!.indexOf("Title");
  const visit = records.find((r) => r[title] === regionalVisit)!;
  expect(visit[header!.indexOf("Date (as the source gives it)")]).toBe("c. Sept 2017");
  expect(visit[header!.indexOf("Start (Asia/Baku)")]).toBe("2017-09");

  await page.getByRole("link", { name: regionalVisit }).first().click();
  await expect(page.getByText("c. Sept 2017", { exact: true })).toBeVisible();
});

test("an editor records a date known only to the year, marked approximate", async ({ page, loginAs }) => {
  await loginAs("editor");
  await gotoHydrated(page, "/activities/new");
  const title = `Workshop known only by its year ${Date.now()}`;
  await page.getByLabel("Title in English").fill(title);
  await page.getByLabel("Start date").fill("2015-06-10");
  await page.getByLabel("The source gives").selectOption({ label: "Only the year" });
  await page.getByLabel(/The date is approximate/).check();
  await page.getByRole("button", { name: "Create activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("c. 2015", { exact: true })).toBeVisible();
});
