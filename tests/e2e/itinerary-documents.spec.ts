import type { Browser } from "@playwright/test";
import type { Database } from "../../db/client";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { makeUser, makeVisit } from "../support/model-factories";
import { startFixtureServer } from "../support/fixture-server";
import { pdfBytes } from "../support/sample-files";
import type { RunningServer } from "../support/server-process";
import { addSession, expect, gotoHydrated, installHydrationProbe, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

/*
 * Documents on an itinerary item (issue 12 item 4): an editor attaches a PDF to one item on the
 * itinerary page and lands back there with it listed; a viewer reads the list but has no form and
 * is refused a post; a visitor without an account is refused the download (staff-only).
 */

test.describe.configure({ mode: "serial" });

const password = "a long enough password";
const editor = { email: `itemdocs-editor-${uniqueSuffix()}@example.org`, password };
const viewer = { email: `itemdocs-viewer-${uniqueSuffix()}@example.org`, password };
const fixture = { visit: 0, item: 0 };

let server: RunningServer;
let stop: (() => Promise<void>) | undefined;

async function fill(db: Database) {
  await seedContent(db, { demo: false });
  const { activity } = await makeVisit(db, { title: { en: "Baku documents visit" } });
  fixture.visit = activity.id;
  const [item] = await db
    .insert(t.itineraryItems)
    .values({
      visitId: activity.id,
      startsAt: new Date(Date.UTC(2025, 5, 10, 6)),
      endsAt: new Date(Date.UTC(2025, 5, 10, 7)),
      timeZone: "Asia/Baku",
      title: { en: "Meeting at ASAN", id: "Rapat di ASAN" },
    })
    .returning({ id: t.itineraryItems.id });
  fixture.item = item!.id;
  await makeUser(db, { ...editor, role: "editor" });
  await makeUser(db, { ...viewer, role: "viewer" });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ server, stop } = await startFixtureServer("itemdocs", fill));
});
test.afterAll(async () => {
  await stop?.();
});

async function signedIn(browser: Browser, who: typeof editor) {
  const context = await browser.newContext({ baseURL: server.url, locale: "en-GB", viewport: phone });
  await installHydrationProbe(context);
  await addSession(context, server.url, who);
  return { context, page: await context.newPage() };
}

test("an editor attaches a PDF to an itinerary item; a viewer reads it; a visitor is refused it", async ({
  browser,
}) => {
  const address = `/visits/${fixture.visit}/itinerary`;
  let href = "";
  const mine = await signedIn(browser, editor);
  try {
    const { page } = mine;
    await gotoHydrated(page, address);
    const documents = page.getByRole("region", { name: /Documents\s*: Meeting at ASAN/ });
    await expect(documents.getByText("No documents are attached.")).toBeVisible();
    await documents.getByText("Attach a document").click();
    await documents.getByLabel("File").setInputFiles({
      name: "Programme.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes("Programme"),
    });
    await documents.getByLabel("Title").fill("Programme");
    await expectNoAxeViolations(page);
    await documents.getByRole("button", { name: "Upload and attach" }).click();

    await expect(page).toHaveURL(new RegExp(`${address}#itinerary-item-${fixture.item}$`));
    await expect(page.getByText("The document was attached.")).toBeVisible();
    const link = page
      .getByRole("region", { name: /Documents\s*: Meeting at ASAN/ })
      .getByRole("link", { name: "Programme" });
    await expect(link).toBeVisible();
    href = (await link.getAttribute("href"))!;
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
  } finally {
    await mine.context.close();
  }

  const reader = await signedIn(browser, viewer);
  try {
    await gotoHydrated(reader.page, address);
    await expect(reader.page.getByRole("link", { name: "Programme" })).toBeVisible();
    await expect(reader.page.getByRole("button", { name: "Upload and attach" })).toHaveCount(0);
    const refused = await reader.page.request.post("/documents", {
      form: { intent: "detach", subjectKind: "itinerary_item", subjectId: String(fixture.item), documentId: "1" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect((await reader.page.request.get(href)).status()).toBe(200);
  } finally {
    await reader.context.close();
  }

  const anonymous = await browser.newContext({ baseURL: server.url });
  try {
    expect((await anonymous.request.get(href, { maxRedirects: 0 })).status()).toBe(404);
  } finally {
    await anonymous.close();
  }
});
