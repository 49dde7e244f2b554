import type { Page } from "@playwright/test";
import { createActivity } from "../support/http-factories";
import { demoAccounts, demoPassword, expect, signedInRequest, test, uniqueSuffix } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

// Every test here is the demo viewer's, whose dashboard is in their own zone (Baku): from 17:00 to
// 20:00 UTC it is already tomorrow in Jakarta but not yet in Baku.
const zone = demoAccounts.viewer.timeZone;
const todayInZone = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
const quarterOf = (day: string) => `Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1} ${day.slice(0, 4)}`;

const planTitle = "Action plan to accelerate public service (2024–2026)";
const planInForce = todayInZone >= "2024-07-01" && todayInZone <= "2026-07-01";
// Its status is expiring in its last 90 days (lib/agreement-status.ts).
const planExpiresSoon = todayInZone >= "2026-04-02" && todayInZone <= "2026-07-01";

// An all-day workshop today: it is in the next 30 days and in the current quarter, whatever the date.
const workshop = `Dashboard workshop ${uniqueSuffix()}`;

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await signedInRequest(playwright, baseURL!, "editor");
  try {
    await createActivity(api, baseURL!, workshop, {
      type: "workshop",
      status: "confirmed",
      mode: "in_person",
      startsOn: todayInZone,
      city: "Jakarta",
      countryCode: "ID",
    });
  } finally {
    await api.dispose();
  }
});

const section = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

async function expectDashboard(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`Figures as of ${dayLabel(todayInZone)}.`)).toBeVisible();

  const plan = section(page, "Action plan progress");
  if (planInForce) {
    await expect(plan.getByRole("link", { name: planTitle })).toBeVisible();
    await expect(plan.getByRole("rowheader", { name: "Time elapsed" })).toBeVisible();
    await expect(plan).toContainText(planExpiresSoon ? "Expiring" : "In force");
    // No source gives the plan's end: the date is marked as inferred.
    await expect(plan).toContainText("1 Jul 2024 – 1 Jul 2026 (end date inferred: no source gives it)");
  } else {
    // The sourced plan is over (the demo's example plan may be in force instead).
    await expect(plan.getByRole("link", { name: planTitle })).toHaveCount(0);
  }

  const commitments = section(page, "Commitments by status");
  const planRow = commitments.getByRole("row").filter({ has: page.getByRole("link", { name: planTitle }) });
  await expect(planRow.getByRole("link", { name: planTitle })).toHaveAttribute("href", /^\/agreements\/\d+$/);
  // No source reports progress on the plan's commitments: not assessed.
  await expect(planRow).toContainText("Not assessed:");
  await expect(
    commitments.getByRole("link", { name: "Memorandum of Understanding on public service cooperation (2017)" }),
  ).toBeVisible();

  const upcoming = section(page, "Activities in the next 30 days");
  const item = upcoming.getByRole("listitem").filter({ hasText: workshop });
  await expect(item).toContainText(dayLabel(todayInZone));
  await expect(item).toContainText("Workshop");

  await expect(section(page, "Overdue commitments")).toContainText(
    "Due before today and neither complete nor withdrawn",
  );

  const expiring = section(page, "Expiring agreements");
  if (planExpiresSoon) await expect(expiring.getByRole("link", { name: planTitle })).toBeVisible();
  else await expect(expiring.getByRole("link", { name: planTitle })).toHaveCount(0);

  // Seeding the demo just now is not activity: only agreements in force can be dormant, and the
  // 2017 MoU, renewed, is not one of them.
  const dormant = section(page, "Dormant agreements");
  await expect(dormant.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(dormant.getByRole("link", { name: /Memorandum of Understanding on public service/ })).toHaveCount(0);
  for (const item of await dormant.getByRole("listitem").all()) await expect(item).toContainText(/In force|Expiring/);

  const chartSection = section(page, /^Activities per quarter, Q[1-4] \d{4} to Q[1-4] \d{4}$/);
  const heading = (await chartSection.getByRole("heading", { level: 2 }).textContent())!;
  expect(heading).toMatch(new RegExp(`to ${quarterOf(todayInZone)}$`));
  const chart = chartSection.getByRole("img", { name: heading });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/Stacked bars, one for each quarter/);
  await expect(chartSection.getByRole("listitem").filter({ hasText: "Workshop" })).toBeVisible();
  // The same numbers as a table for screen readers: the current quarter has at least today's workshop.
  const table = chartSection.getByRole("table", { name: heading });
  const current = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: quarterOf(todayInZone), exact: true }) });
  const cells = await current.getByRole("cell").allTextContents();
  expect(cells).toHaveLength(7);
  expect(Number(cells[0])).toBeGreaterThanOrEqual(1); // workshops
  expect(Number(cells.at(-1))).toBeGreaterThanOrEqual(1); // total
}

test.describe("dashboard", () => {
  test("shows a viewer the plan, commitments, what is coming and due, and the quarter chart", async ({
    page,
    loginAs,
  }) => {
    await loginAs("viewer");
    await expectDashboard(page);
  });

  test("has no axe violations", async ({ page, loginAs }) => {
    await loginAs("viewer");
    await expect(page.getByRole("img", { name: /Activities per quarter/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // On a phone the chart scrolls sideways: the scrolling box must be reachable by keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
  });
});

test.describe("dashboard without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signs in, shows every section and the chart, and switches to Indonesian", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demoAccounts.viewer.email);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expectDashboard(page);

    await page.getByLabel("Language").selectOption("id");
    await page.getByRole("button", { name: "Change" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dasbor" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Kemajuan rencana aksi" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Kegiatan dalam 30 hari ke depan" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /^Kegiatan per triwulan, Triwulan [1-4] \d{4} sampai Triwulan [1-4] \d{4}$/ }),
    ).toBeVisible();
  });
});
