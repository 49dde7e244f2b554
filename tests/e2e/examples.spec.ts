import type { Page } from "@playwright/test";
import { demoAccounts, expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

// The demo's example scenario (app/seed/examples-scenario.ts), seeded with --demo and dated from
// the day the server was seeded: whatever today is, the dashboard has a plan, what is coming and
// a chart, and every example record says it is one.
const zone = demoAccounts.viewer.timeZone;
const todayInZone = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
const quarterOf = (day: string) => `Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1} ${day.slice(0, 4)}`;
const planTitle = "Example: action plan on service standards";

const section = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

test.describe("the demo's example scenario", () => {
  test("gives the dashboard a plan in force with progress, what is coming and a chart, each example badged", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    const plan = section(page, "Action plan progress");
    const article = plan.getByRole("article").filter({ has: page.getByRole("link", { name: planTitle }) });
    await expect(article).toBeVisible();
    await expect(article.locator(".badge--example")).toHaveText("Example");
    await expect(article).toContainText("In force");
    await expect(article.getByRole("rowheader", { name: "Time elapsed" })).toBeVisible();

    const upcoming = section(page, "Activities in the next 30 days");
    const examples = upcoming.getByRole("listitem").filter({ hasText: "Example:" });
    expect(await examples.count()).toBeGreaterThanOrEqual(1);
    for (const item of await examples.all()) await expect(item.locator(".badge--example")).toHaveText("Example");

    const chartSection = section(page, /^Activities per quarter/);
    const heading = (await chartSection.getByRole("heading", { level: 2 }).textContent())!;
    const table = chartSection.getByRole("table", { name: heading });
    // This quarter and the three before it each have example sessions.
    const rows = await table.getByRole("row").all();
    const totals = [];
    for (const row of rows.slice(-4)) totals.push(Number((await row.getByRole("cell").allTextContents()).at(-1)));
    expect(totals).toHaveLength(4);
    for (const total of totals) expect(total).toBeGreaterThanOrEqual(1);
    await expect(table.getByRole("rowheader", { name: quarterOf(todayInZone), exact: true })).toBeVisible();

    const visits = section(page, /Visits in the next/);
    await expect(
      visits.getByRole("rowheader", { name: /Example: study visit/ }).locator(".badge--example"),
    ).toBeVisible();
    const followUps = section(page, /follow-ups/i);
    await expect(
      followUps.getByRole("listitem").filter({ hasText: "Example: send the draft programme" }),
    ).toContainText("Example");
    await expectNoAxeViolations(page);
  });

  test("badges the plan, a commitment, an activity, the visit, a made-up person and a follow-up on their pages", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    const badge = page.getByRole("main").locator(".badge--example").first();

    await page.getByRole("link", { name: planTitle }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
    await expect(badge).toHaveText("Example");
    const commitment = page.getByRole("link", { name: /^Example: name a focal point/ }).first();
    await commitment.click();
    await expect(page.getByRole("heading", { level: 1, name: /^Example: name a focal point/ })).toBeVisible();
    await expect(badge).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Complete");

    await page.goto("/activities?q=Example&sort=startsAt&dir=desc");
    const row = page.getByRole("row").filter({ hasText: "Example: second workshop on service standards" });
    await expect(row.locator(".badge--example")).toHaveText("Example");
    await row.getByRole("link", { name: "Example: second workshop on service standards" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Example: second workshop/ })).toBeVisible();
    await expect(badge).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/dashboard");
    await section(page, /Visits in the next/)
      .getByRole("link", { name: /Example: study visit/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Example: study visit/ })).toBeVisible();
    await expect(badge).toBeVisible();
    const followUp = page.getByRole("rowheader", { name: /Example: send the draft programme/ });
    await expect(followUp.locator(".badge--example")).toBeVisible();
    // Made-up people, never real ones, make up the example delegation.
    await page.goto("/people?q=Dana+Example");
    await page.getByRole("link", { name: "Dana Example" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Dana Example" })).toBeVisible();
    await expect(badge).toBeVisible();
  });

  test("marks examples in the CSV's example column and the calendar's descriptions", async ({ page, loginAs }) => {
    await loginAs("viewer");
    const csv = await (await page.request.get("/activities.csv?q=Example")).text();
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(header!.split(",").at(-1)).toBe("Example");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.endsWith(",yes")).toBe(true);
    const ics = await (await page.request.get("/activities.ics?q=Example")).text();
    expect(ics.replace(/\r\n /g, "")).toContain("Example: made up for the demo\\, not part of the sourced record.");
  });
});
