/**
 * The document upload and download over HTTP, on the production build and both drivers: the one
 * form that carries a file, its limit and type check, the download's headers and who may have it,
 * and the audit rows. The models themselves: documents.test.ts.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "../../db/schema";
import { decodeHtml, match, rawRequest } from "../support/http";
import { makeCase, makePublishedCase } from "../support/model-factories";
import { docxBytes, exeBytes, pdfBytes, pngBytes } from "../support/sample-files";
import { seededServer } from "../support/seeded-server";
import { drivers } from "../support/test-database";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

describe.each(drivers)("documents over HTTP on %s", (driver) => {
  const app = seededServer(driver, "documents");
  const { cookies } = app;
  const ids = { editor: 0, activity: 0, draftCase: 0, publishedCase: 0, publishedSlug: "", publishedVersion: 0 };

  beforeAll(() =>
    app.start(async (db) => {
      ids.editor = app.users.editor;
      ids.activity = (await db.select({ id: t.activities.id }).from(t.activities).limit(1))[0]!.id;
      ids.draftCase = (await makeCase(db)).id;
      const published = (await makePublishedCase(db))!;
      ids.publishedCase = published.id;
      ids.publishedSlug = published.slug;
      ids.publishedVersion = published.version;
    }),
  );
  afterAll(() => app.stop());

  const url = (address: string) => `${app.url}${address}`;
  const get = (address: string, headers: Record<string, string> = {}) =>
    fetch(url(address), { headers, redirect: "manual" });
  function upload(
    subject: [kind: string, id: number],
    file: { name: string; bytes: Buffer; type?: string } | null,
    headers: Record<string, string> = {},
    to = "/documents",
  ) {
    const form = new FormData();
    form.append("subjectKind", subject[0]);
    form.append("subjectId", String(subject[1]));
    form.append("title", "");
    if (file)
      form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }), file.name);
    return fetch(url(to), {
      method: "POST",
      body: form,
      headers: { Origin: app.url, ...headers },
      redirect: "manual",
    });
  }
  /** The download link of the document named `fileName` on a record page. */
  async function linkOn(page: string, fileName: string, cookie = cookies.editor) {
    const html = decodeHtml(await (await get(page, { Cookie: cookie })).text());
    return match(html, new RegExp(`href="(/documents/\\d+/${encodeURIComponent(fileName)})"`), fileName);
  }

  it("takes an editor's PDF for an activity, sends them back with a notice, and serves it with safe headers", async () => {
    const bytes = pdfBytes("Minutes");
    const answer = await upload(
      ["activity", ids.activity],
      { name: "../Minutes.exe", bytes },
      { Cookie: cookies.editor },
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/activities/${ids.activity}`);
    expect(answer.headers.getSetCookie().join()).toContain("__flash_notice=");
    const link = await linkOn(`/activities/${ids.activity}`, "Minutes.pdf");

    const download = await get(link, { Cookie: cookies.viewer });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="Minutes.pdf"; filename*=UTF-8''Minutes.pdf`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "content-length": String(bytes.length),
    });
    const etag = download.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get(link, { Cookie: cookies.viewer, "If-None-Match": etag });
    expect(again.status).toBe(304);
  });

  it("sends an office file as a download of no type a browser would open, under its name in UTF-8", async () => {
    const answer = await upload(
      ["activity", ids.activity],
      { name: "Ringkasan kerja sama ş.docx", bytes: docxBytes(), type: "text/html" },
      { Cookie: cookies.editor },
    );
    expect(answer.status).toBe(302);
    const download = await get(await linkOn(`/activities/${ids.activity}`, "Ringkasan kerja sama ş.docx"), {
      Cookie: cookies.editor,
    });
    expect(download.headers.get("content-type")).toBe("application/octet-stream");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Ringkasan kerja sama _.docx"; filename*=UTF-8''Ringkasan%20kerja%20sama%20%C5%9F.docx`,
    );
  });

  it("refuses a file of a kind it does not take, whatever its name, in the reader's language", async () => {
    const refused = [
      { name: "page.pdf", bytes: Buffer.from("<!doctype html><script>alert(1)</script>"), type: "application/pdf" },
      { name: "logo.png", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: "image/png" },
      { name: "report.pdf", bytes: exeBytes() },
    ];
    for (const file of refused) {
      const answer = await upload(["activity", ids.activity], file, {
        Cookie: cookies.editor,
        "Accept-Language": "id",
      });
      expect(answer.status, file.name).toBe(415);
      expect(decodeHtml(await answer.text())).toContain("Jenis berkas ini tidak diterima.");
    }
    const none = await upload(["activity", ids.activity], null, { Cookie: cookies.editor });
    expect(none.status).toBe(400);
    expect(decodeHtml(await none.text())).toContain("Choose a file to upload.");
  });

  it("refuses a file over 10 MB with 413 and the limit, whether the length says so or the file does", async () => {
    // Past the form's limit: refused from Content-Length before a byte of the body is read.
    const body = Buffer.alloc(10 * 1024 * 1024 + 100 * 1024, 0x20);
    const declared = await rawRequest(url("/documents"), {
      method: "POST",
      headers: {
        Cookie: cookies.editor,
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(body.length),
      },
      chunks: [body.subarray(0, 1024)],
    });
    expect(declared.error).toBeUndefined();
    expect(declared.status).toBe(413);
    expect(declared.body).toBe("This file is too large: 10 MB at most.");
    // Within the form's limit, but the file itself one byte past 10 MB.
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024 + 1 - pdfBytes().length, 0x20)]);
    const file = await upload(["activity", ids.activity], { name: "big.pdf", bytes: big }, { Cookie: cookies.editor });
    expect(file.status).toBe(413);
    expect(decodeHtml(await file.text())).toContain("This file is too large: 10 MB at most.");
    expect((await get("/healthz")).status).toBe(200);
  });

  it("takes uploads from editors on this site only, and files on no other address", async () => {
    const file = { name: "a.png", bytes: pngBytes(), type: "image/png" };
    expect((await upload(["activity", ids.activity], file, { Cookie: cookies.viewer })).status).toBe(403);
    const visitor = await upload(["activity", ids.activity], file);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?/);
    const crossSite = await upload(["activity", ids.activity], file, {
      Cookie: cookies.editor,
      Origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);
    const elsewhere = await upload(["activity", ids.activity], file, { Cookie: cookies.editor }, "/follows");
    expect(elsewhere.status).toBe(400);
    expect(decodeHtml(await elsewhere.text())).toContain("This form does not accept files.");
    const gone = await upload(["agreement", 2_000_000_000], file, { Cookie: cookies.editor });
    expect(gone.status).toBe(404);
  });

  it("lets a visitor download a document only through a published case", async () => {
    const file = (name: string) => ({ name, bytes: pngBytes(), type: "image/png" });
    for (const [id, name] of [
      [ids.publishedCase, "published.png"],
      [ids.draftCase, "draft.png"],
    ] as const) {
      expect((await upload(["case", id], file(name), { Cookie: cookies.editor })).status).toBe(302);
    }
    // A document attached to a published case goes public with the case's next publication.
    const republish = await fetch(url(`/cases/${ids.publishedCase}`), {
      method: "POST",
      body: new URLSearchParams({ intent: "publish", version: String(ids.publishedVersion) }),
      headers: { Origin: app.url, Cookie: cookies.editor },
      redirect: "manual",
    });
    expect(republish.status).toBe(302);
    const links = {
      "Minutes.pdf": await linkOn(`/activities/${ids.activity}`, "Minutes.pdf"),
      "published.png": await linkOn(`/cases/${ids.publishedCase}`, "published.png"),
      "draft.png": await linkOn(`/cases/${ids.draftCase}`, "draft.png"),
    };
    const published = await get(links["published.png"]!);
    expect(published.status).toBe(200);
    expect(published.headers.get("content-type")).toBe("image/png");
    expect((await get(links["draft.png"]!)).status).toBe(404);
    // The library's page of the case lists it for visitors, with the same address.
    const page = decodeHtml(await (await get(`/library/${ids.publishedSlug}`)).text());
    expect(page).toContain(`href="${links["published.png"]}"`);
    expect(page).not.toContain("draft.png");
    expect((await get(links["Minutes.pdf"]!)).status).toBe(404);
    expect((await get(links["draft.png"]!, { Cookie: cookies.viewer })).status).toBe(200);
    const missing = await get("/documents/2000000000/x.pdf", { Cookie: cookies.viewer });
    expect(missing.status).toBe(404);
    // Not a download but the site's error page, under the pages' policy.
    expect(missing.headers.get("content-security-policy")).toMatch(/^default-src 'self'; script-src 'self' 'nonce-/);
  });

  it("takes a document off a record: gone with its bytes once no record carries it", async () => {
    const link = await linkOn(`/activities/${ids.activity}`, "Minutes.pdf");
    const documentId = match(link, /\/documents\/(\d+)\//, "id");
    const detach = (cookie: string) =>
      fetch(url("/documents"), {
        method: "POST",
        body: new URLSearchParams({
          intent: "detach",
          subjectKind: "activity",
          subjectId: String(ids.activity),
          documentId,
        }),
        headers: { Origin: app.url, Cookie: cookie },
        redirect: "manual",
      });
    expect((await detach(cookies.viewer)).status).toBe(403);
    const done = await detach(cookies.editor);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/activities/${ids.activity}`);
    expect((await get(link, { Cookie: cookies.editor })).status).toBe(404);
    expect((await detach(cookies.editor)).status).toBe(404);
  });

  it("attaches a document already uploaded to a second record, for editors only", async () => {
    const uploaded = await upload(
      ["activity", ids.activity],
      { name: "Shared.png", bytes: pngBytes(), type: "image/png" },
      {
        Cookie: cookies.editor,
      },
    );
    expect(uploaded.status).toBe(302);
    const link = await linkOn(`/activities/${ids.activity}`, "Shared.png");
    const attach = (cookie: string, documentId = match(link, /\/documents\/(\d+)\//, "id")) =>
      fetch(url("/documents"), {
        method: "POST",
        body: new URLSearchParams({
          intent: "attach",
          subjectKind: "case",
          subjectId: String(ids.draftCase),
          documentId,
        }),
        headers: { Origin: app.url, Cookie: cookie, "Accept-Language": "id" },
        redirect: "manual",
      });
    expect((await attach(cookies.viewer)).status).toBe(403);
    const done = await attach(cookies.editor);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/cases/${ids.draftCase}`);
    expect(await linkOn(`/cases/${ids.draftCase}`, "Shared.png")).toBe(link);
    // Twice is once; a document that does not exist is a 404 in the reader's language.
    expect((await attach(cookies.editor)).status).toBe(302);
    const gone = await attach(cookies.editor, "2000000000");
    expect(gone.status).toBe(404);
    expect(decodeHtml(await gone.text())).toContain("Dokumen itu atau catatan ini sudah tidak ada.");
  });

  it("adds a source from its own form, refusing an address that is not http(s)", async () => {
    const form = (fields: Record<string, string>) =>
      fetch(url(`/sources/new?kind=activity&id=${ids.activity}`), {
        method: "POST",
        body: new URLSearchParams({
          subjectKind: "activity",
          subjectId: String(ids.activity),
          publisher: "Kompas",
          title: "Mal pelayanan publik",
          language: "id",
          publishedOn: "2023-07",
          ...fields,
        }),
        headers: { Origin: app.url, Cookie: cookies.editor },
        redirect: "manual",
      });
    const bad = await form({ url: "javascript:alert(1)", publishedOn: "2023-13" });
    expect(bad.status).toBe(400);
    const html = decodeHtml(await bad.text());
    expect(html).toContain("Enter an address that starts with https:// or http://.");
    expect(html).toContain("Enter the date as YYYY, YYYY-MM or YYYY-MM-DD.");
    const good = await form({ url: "https://example.org/mpp" });
    expect(good.status).toBe(302);
    expect(good.headers.get("location")).toBe(`/activities/${ids.activity}`);
    const page = decodeHtml(await (await get(`/activities/${ids.activity}`, { Cookie: cookies.viewer })).text());
    expect(page).toContain("Mal pelayanan publik");
  });

  it("writes an audit row for every upload, attachment and removal, by the editor", async () => {
    const handle = await app.openBeside();
    try {
      const rows = await handle.db
        .select()
        .from(t.auditLog)
        .where(
          and(
            eq(t.auditLog.actorId, ids.editor),
            inArray(t.auditLog.entityType, ["document", "activity_attachments", "case_attachments", "source"]),
          ),
        )
        .orderBy(t.auditLog.id);
      const summary = rows.map((r) => `${r.entityType} ${r.action}`);
      expect(summary).toEqual([
        "document create",
        "activity_attachments attach",
        "document create",
        "activity_attachments attach",
        "document create",
        "case_attachments attach",
        "document create",
        "case_attachments attach",
        "activity_attachments detach",
        "document delete",
        "document create",
        "activity_attachments attach",
        "case_attachments attach",
        "source create",
      ]);
      const documents = await handle.db.select().from(t.documents);
      const blobs = await handle.db.select({ key: t.documentBlobs.key }).from(t.documentBlobs);
      expect(blobs.map((b) => `db:${b.key}`).sort()).toEqual(documents.map((d) => d.storageKey).sort());
    } finally {
      await handle.close();
    }
  });
});
