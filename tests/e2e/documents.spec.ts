/**
 * Documents and sources on the record pages (issue 11): an editor attaches a PDF to an activity
 * and downloads it, and adds a new source to an agreement; at 390 px and axe-clean.
 */
import { readFileSync } from "node:fs";
import { createActivity, createAgreement } from "../support/http-factories";
import { pdfBytes, pngBytes } from "../support/sample-files";
import { addSession, expect, gotoHydrated, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone } from "./helpers";

test.describe("documents and sources", () => {
  test.use({ viewport: phone });

  test("an editor attaches a PDF to an activity and downloads it", async ({ page, loginAs, requestAs, baseURL }) => {
    const id = await createActivity(await requestAs("editor"), baseURL!, `Documents test ${uniqueSuffix()}`);
    await loginAs("editor");
    await gotoHydrated(page, `/activities/${id}`);
    const documents = page.getByRole("region", { name: "Documents" });
    await expect(documents.getByText("No documents are attached.")).toBeVisible();

    await documents.getByText("Attach a document").click();
    const bytes = pdfBytes("Minutes");
    await documents.getByLabel("File", { exact: true }).setInputFiles({
      name: "Minutes of the visit.pdf",
      mimeType: "application/pdf",
      buffer: bytes,
    });
    await documents.getByLabel("Title").fill("Minutes");
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);
    await documents.getByRole("button", { name: "Upload and attach" }).click();

    await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
    await expect(page.getByText("The document was attached.")).toBeVisible();
    const link = page.getByRole("region", { name: "Documents" }).getByRole("link", { name: "Minutes" });
    await expect(link).toBeVisible();
    await expectNoAxeViolations(page);

    const download = page.waitForEvent("download");
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Minutes of the visit.pdf");
    expect(readFileSync(await file.path())).toEqual(bytes);
  });

  test("an editor attaches a document uploaded on an activity to an agreement too", async ({
    page,
    loginAs,
    requestAs,
    baseURL,
  }) => {
    const editor = await requestAs("editor");
    const suffix = uniqueSuffix();
    const activity = await createActivity(editor, baseURL!, `Shared document test ${suffix}`);
    const agreement = await createAgreement(editor, baseURL!, `Shared document test ${suffix}`);
    const uploaded = await editor.post("/documents", {
      multipart: {
        subjectKind: "activity",
        subjectId: String(activity),
        title: `Minutes ${suffix}`,
        file: { name: `minutes-${suffix}.pdf`, mimeType: "application/pdf", buffer: pdfBytes("Minutes") },
      },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(uploaded.status()).toBe(302);

    await loginAs("editor");
    await gotoHydrated(page, `/agreements/${agreement}`);
    const documents = page.getByRole("region", { name: "Documents" });
    await documents.getByText("Attach an uploaded document").click();
    // Words no upload holds: said so, with the way back to the latest uploads.
    await documents.getByLabel("Find by words of the title or file name").fill(`nothing-such-${suffix}`);
    await documents.getByRole("button", { name: "Find" }).click();
    await expect(documents.getByRole("status")).toContainText(`has “nothing-such-${suffix}” in its title or file name`);
    await expect(documents.getByLabel("Document", { exact: true })).toHaveCount(0);
    await documents.getByRole("link", { name: "Show the latest uploads" }).click();
    await expect(page).toHaveURL(new RegExp(`/agreements/${agreement}$`));
    await documents.getByText("Attach an uploaded document").click();
    // Found by words of its file name: the search reloads the page with the list narrowed to it.
    await documents.getByLabel("Find by words of the title or file name").fill(`MINUTES-${suffix}`);
    await documents.getByRole("button", { name: "Find" }).click();
    await expect(page).toHaveURL(new RegExp(`/agreements/${agreement}\\?documents=MINUTES-${suffix}$`));
    await expect(documents.getByLabel("Document").getByRole("option")).toHaveText([
      "Choose a document",
      `Minutes ${suffix} (minutes-${suffix}.pdf)`,
    ]);
    await documents.getByLabel("Document").selectOption({ label: `Minutes ${suffix} (minutes-${suffix}.pdf)` });
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);
    await documents.getByRole("button", { name: "Attach", exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/agreements/${agreement}$`));
    await expect(page.getByText("The document was attached.")).toBeVisible();
    await expect(documents.getByRole("link", { name: `Minutes ${suffix}` })).toBeVisible();
    // Offered no more here, and still on the activity.
    await expect(documents.getByRole("option", { name: `Minutes ${suffix} (minutes-${suffix}.pdf)` })).toHaveCount(0);
    await gotoHydrated(page, `/activities/${activity}`);
    await expect(
      page.getByRole("region", { name: "Documents" }).getByRole("link", { name: `Minutes ${suffix}` }),
    ).toBeVisible();
  });

  test("an editor adds a new source to an agreement and cites it there", async ({
    page,
    loginAs,
    requestAs,
    baseURL,
  }) => {
    const id = await createAgreement(await requestAs("editor"), baseURL!, `Sources test ${uniqueSuffix()}`);
    await loginAs("editor");
    await gotoHydrated(page, `/agreements/${id}`);
    const sources = page.getByRole("region", { name: "Sources" });
    await sources.getByText("Cite a source").click();
    await expectNoAxeViolations(page);
    await sources.getByRole("link", { name: "Add a new source" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "A new source" })).toBeVisible();
    await page.getByLabel("Publisher").fill("Kementerian PANRB");
    await page.getByLabel("Title", { exact: true }).fill("Mal Pelayanan Publik diresmikan");
    await page.getByLabel("Language of the source").selectOption({ label: "Bahasa Indonesia" });
    await page.getByLabel("Date published").fill("2024-03");
    await page.getByLabel("Address (URL)").fill("javascript:alert(1)");
    await page.getByLabel("Quotation").fill("Mal pelayanan publik memudahkan masyarakat.");
    await page.getByRole("button", { name: "Add the source and cite it" }).click();
    await expect(page.getByText("Enter an address that starts with https:// or http://.").first()).toBeVisible();
    await expectFitsPhone(page);
    await expectNoAxeViolations(page);

    await page.getByLabel("Address (URL)").fill("https://example.org/mpp");
    await page.getByRole("button", { name: "Add the source and cite it" }).click();
    await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`));
    await expect(page.getByText("The source was added and cited.")).toBeVisible();
    const cited = page.getByRole("region", { name: "Sources" });
    await expect(cited.getByRole("link", { name: "“Mal Pelayanan Publik diresmikan”" })).toBeVisible();
    await expectNoAxeViolations(page);

    await expect(cited.getByText("Source: Kementerian PANRB, March 2024:")).toBeVisible();
    // The button says which source it removes (the title is there for screen readers).
    await cited.getByRole("button", { name: /^Remove ?: Mal Pelayanan Publik diresmikan$/ }).click();
    await expect(page.getByText("The source is no longer cited here.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Sources" }).getByText("No sources are cited.")).toBeVisible();
  });

  test("without JavaScript, an editor attaches an image, is told a page is refused, cites a source and removes both", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB", viewport: phone });
    try {
      await addSession(context, baseURL!, "editor");
      const id = await createAgreement(context.request, baseURL!, `No-script documents ${uniqueSuffix()}`);
      const page = await context.newPage();
      await page.goto(`/agreements/${id}`);
      const documents = page.getByRole("region", { name: "Documents" });
      await documents.getByText("Attach a document").click();
      await documents.getByLabel("File", { exact: true }).setInputFiles({
        name: "page.png",
        mimeType: "image/png",
        buffer: Buffer.from("<html><script>alert(1)</script></html>"),
      });
      await documents.getByRole("button", { name: "Upload and attach" }).click();
      await expect(page.getByText(/This kind of file is not accepted\./)).toBeVisible();

      await page.goto(`/agreements/${id}`);
      await documents.getByText("Attach a document").click();
      await documents
        .getByLabel("File", { exact: true })
        .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: pngBytes() });
      await documents.getByRole("button", { name: "Upload and attach" }).click();
      await expect(page).toHaveURL(new RegExp(`/agreements/${id}$`));
      await expect(page.getByText("The document was attached.")).toBeVisible();
      await expect(documents.getByRole("link", { name: "poster.png" })).toBeVisible();

      const sources = page.getByRole("region", { name: "Sources" });
      await sources.getByText("Cite a source").click();
      await sources.getByLabel("Source").selectOption({ index: 1 });
      await sources.getByLabel("Note").fill("cited without scripts");
      await sources.getByRole("button", { name: "Cite", exact: true }).click();
      await expect(page.getByText("The source is cited.")).toBeVisible();
      await expect(sources.getByText("(cited without scripts)")).toBeVisible();

      await documents.getByRole("button", { name: /^Remove ?: poster\.png$/ }).click();
      await expect(page.getByText("The document was removed.")).toBeVisible();
      await expect(documents.getByText("No documents are attached.")).toBeVisible();
      await sources.getByRole("button", { name: /^Remove ?: / }).click();
      await expect(page.getByText("The source is no longer cited here.")).toBeVisible();
      await expect(sources.getByText("No sources are cited.")).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
