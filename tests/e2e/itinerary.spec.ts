import type { Database } from "../../db/client";
import { bareMember } from "../../app/models/visit-members.server";
import { saveDelegation } from "../../app/models/visit-members-writes.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { fixtureFile } from "../support/fixture-file";
import { makeVisit, testActor } from "../support/model-factories";
import { expect, gotoHydrated, test } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * A visit's itinerary (issue 12 item 4): an editor builds a two-day itinerary in Baku and Jakarta
 * without JavaScript, a wrong row refused with everything typed kept; the page shows each item at
 * its place's clock with the other side's beside it and flags an overlap in words; a viewer reads
 * it; a save over someone else's shows both. The content, visits and members are made through the
 * models before this file's own server starts.
 */

const fixture = { visits: [] as number[] };
const { editor, viewer, signedIn } = fixtureFile("itinerary", fill);

const member = (name: string) => bareMember(0, { name, organizationId: null });

async function fill(db: Database) {
  await seedContent(db, { demo: false });
  // Visits to Baku on 10 and 11 June 2025, each with two members.
  for (const title of ["Baku study visit", "Baku return visit"]) {
    const { activity } = await makeVisit(db, { title: { en: title } });
    await saveDelegation(db, testActor, activity.id, 1, [member("Ani Rahma"), member("Budi Santoso")]);
    fixture.visits.push(activity.id);
  }
}

test("an editor builds a two-day itinerary without JavaScript; both zones' times and the overlap show", async ({
  browser,
}) => {
  const id = fixture.visits[0]!;
  const { context, page } = await signedIn(browser, editor, { javaScriptEnabled: false });
  try {
    await page.goto(`/visits/${id}/itinerary`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Itinerary: Baku study visit");
    await expect(page.getByText("No items in the itinerary yet.")).toBeVisible();

    const first = page.getByRole("group", { name: "Item 1" });
    await first.getByLabel("Day", { exact: true }).fill("2025-06-10");
    await first.getByLabel("Starts").fill("10:00");
    await first.getByLabel("Ends", { exact: true }).fill("11:30");
    await expect(first.getByLabel("Time zone")).toHaveValue("Asia/Baku");
    await first.getByLabel("Title (English)").fill("Visit to ASAN Xidmat No. 1");
    await first.getByLabel(/^Place/).fill("ASAN Xidmat centre No. 1");
    await first.getByLabel("Host organisation").selectOption({ label: "ASAN Xidmat (ASAN Service) (ASAN)" });
    await first.getByLabel("ASAN Xidmat service centres").check();

    await page.getByRole("button", { name: "Add an item" }).click();
    const second = page.getByRole("group", { name: "Item 2" });
    await expect(second.getByLabel("Day", { exact: true })).toHaveValue("2025-06-10");
    await second.getByLabel("Starts").fill("11:00");
    await second.getByLabel("Ends", { exact: true }).fill("12:00");
    await second.getByLabel("Title (English)").fill("Press interview");
    await second.getByLabel("Who attends").selectOption({ label: "Chosen members only" });
    await second.getByLabel("Ani Rahma").check();

    await page.getByRole("button", { name: "Add an item" }).click();
    const third = page.getByRole("group", { name: "Item 3" });
    await third.getByLabel("Day", { exact: true }).fill("2025-06-11");
    await third.getByLabel("Starts").fill("09:00");
    await third.getByLabel("Ends", { exact: true }).fill("08:00");
    await third.getByLabel("Time zone").fill("Asia/Jakarta");
    await third.getByLabel("Title (English)").fill("Debrief at the ministry");
    await page.getByRole("button", { name: "Save the itinerary" }).click();

    // Refused beside the row, everything typed kept.
    await expect(page.getByRole("alert").first()).toContainText(
      "Item 3: Ends: The item must end after it starts, or end on the next day.",
    );
    await expect(third.getByLabel("Ends", { exact: true })).toHaveValue("08:00");
    await expect(third.getByLabel("Time zone")).toHaveValue("Asia/Jakarta");
    await expect(second.getByLabel("Title (English)")).toHaveValue("Press interview");
    await expect(second.getByLabel("Ani Rahma")).toBeChecked();
    await expect(first.getByLabel("ASAN Xidmat service centres")).toBeChecked();

    // A day outside the visit is refused too; then it saves.
    await third.getByLabel("Ends", { exact: true }).fill("10:00");
    await third.getByLabel("Day", { exact: true }).fill("2025-06-12");
    await page.getByRole("button", { name: "Save the itinerary" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Item 3: Day: The day must fall within the visit");
    await third.getByLabel("Day", { exact: true }).fill("2025-06-11");
    await page.getByRole("button", { name: "Save the itinerary" }).click();
    await expect(page).toHaveURL(new RegExp(`/visits/${id}/itinerary$`));
    await expect(page.getByText("The itinerary was saved.")).toBeVisible();

    const day1 = page.getByRole("region", { name: "Tuesday, 10 June 2025" });
    const day2 = page.getByRole("region", { name: "Wednesday, 11 June 2025" });
    const item = (day: typeof day1, title: string) =>
      day.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
    const visitItem = item(day1, "Visit to ASAN Xidmat No. 1");
    await expect(visitItem).toContainText("Baku 10:00–11:30 · Jakarta 13:00–14:30");
    await expect(visitItem).toContainText("ASAN Xidmat (ASAN Service)");
    await expect(visitItem.getByRole("link", { name: "ASAN Xidmat service centres" })).toHaveAttribute(
      "href",
      "/library/asan-xidmat-service-centres",
    );
    await expect(visitItem.getByRole("note")).toContainText(
      "Overlaps with “Press interview” (11:00–12:00) for Ani Rahma.",
    );
    await expect(item(day1, "Press interview").getByRole("note")).toContainText("Overlap");
    const debrief = item(day2, "Debrief at the ministry");
    await expect(debrief).toContainText("Jakarta 09:00–10:00 · Baku 06:00–07:00");
    await expect(debrief.getByRole("note")).toHaveCount(0);
    // The editor reads the rows back as saved, in each item's own zone.
    await expect(third.getByLabel("Time zone")).toHaveValue("Asia/Jakarta");
    await expect(third.getByLabel("Starts")).toHaveValue("09:00");
  } finally {
    await context.close();
  }

  // With scripts, at a phone's width: the editor and the reader pass axe and fit.
  const withScripts = await signedIn(browser, editor, { viewport: phone });
  try {
    await gotoHydrated(withScripts.page, `/visits/${id}/itinerary`);
    await expectNoAxeViolations(withScripts.page);
    await expectFitsPhone(withScripts.page);
  } finally {
    await withScripts.context.close();
  }
  const reader = await signedIn(browser, viewer, { viewport: phone });
  try {
    await gotoHydrated(reader.page, `/visits/${id}/itinerary`);
    await expect(reader.page.getByText("Baku 10:00–11:30 · Jakarta 13:00–14:30")).toBeVisible();
    await expect(reader.page.getByRole("button", { name: "Save the itinerary" })).toHaveCount(0);
    expect((await reader.page.request.post(`/visits/${id}/itinerary`, { form: { version: "2" } })).status()).toBe(403);
    await expectNoAxeViolations(reader.page);
    await expectFitsPhone(reader.page);
  } finally {
    await reader.context.close();
  }
});

test("a save over someone else's itinerary shows both, and the editor's items go back into the form", async ({
  browser,
}) => {
  const id = fixture.visits[1]!;
  const mine = await signedIn(browser, editor);
  const theirs = await signedIn(browser, editor);
  try {
    await gotoHydrated(mine.page, `/visits/${id}/itinerary`);
    const saved = await theirs.page.request.post(`/visits/${id}/itinerary`, {
      form: {
        intent: "save",
        version: "1",
        itemKey: "n1",
        itemDay: "2025-06-10",
        itemStart: "08:00",
        itemEnd: "09:00",
        itemZone: "Asia/Baku",
        itemTitleEn: "Breakfast with the hosts",
        itemAttendance: "all",
      },
      maxRedirects: 0,
    });
    expect(saved.status()).toBe(302);

    const first = mine.page.getByRole("group", { name: "Item 1" });
    await first.getByLabel("Day", { exact: true }).fill("2025-06-10");
    await first.getByLabel("Starts").fill("09:30");
    await first.getByLabel("Ends", { exact: true }).fill("10:30");
    await first.getByLabel("Title (English)").fill("Opening meeting");
    await mine.page.getByRole("button", { name: "Save the itinerary" }).click();
    await expect(
      mine.page.getByRole("heading", { name: "Someone saved this itinerary while you were editing it" }),
    ).toBeVisible();
    const row = mine.page.getByRole("row", { name: /10 June 2025/ });
    await expect(row).toContainText("09:30–10:30 (Asia/Baku) Opening meeting");
    await expect(row).toContainText("08:00–09:00 (Asia/Baku) Breakfast with the hosts");
    await expectNoAxeViolations(mine.page);

    await mine.page.getByRole("button", { name: "Back to the form with my changes" }).click();
    await expect(first.getByLabel("Title (English)")).toHaveValue("Opening meeting");
    await mine.page.getByRole("button", { name: "Save the itinerary" }).click();
    await expect(mine.page).toHaveURL(new RegExp(`/visits/${id}/itinerary$`));
    await expect(mine.page.getByRole("region", { name: "Tuesday, 10 June 2025" })).toContainText("Opening meeting");
    // The form starts afresh from what was saved: the stored item keeps its id when saved again.
    await expect(first.locator('input[name="itemKey"]')).toHaveValue(/^\d+$/);
    await expect(first.getByLabel("Title (English)")).toHaveValue("Opening meeting");
  } finally {
    await mine.context.close();
    await theirs.context.close();
  }
});
