import { describe, expect, it } from "vitest";
import { uploadForm } from "../../app/forms/documents";
import { BodyTooLargeError, MalformedFormError, readMultipartForm } from "../../app/lib/multipart.server";
import { bodyLimitFor, bodyLimits } from "../../app/server/request-limits.server";
import { pdfBytes } from "../support/sample-files";

/** A request as a browser sends a multipart form (undici writes the body and boundary). */
function formRequest(fill: (form: FormData) => void) {
  const form = new FormData();
  fill(form);
  return new Request("http://localhost/documents", { method: "POST", body: form });
}

describe("the upload's form, read without request.formData()", () => {
  it("reads the fields and the file's name and exact bytes", async () => {
    const bytes = pdfBytes();
    const request = formRequest((f) => {
      f.append("subjectKind", "activity");
      f.append("title", 'Notulen ş "rapat"');
      f.append("file", new Blob([new Uint8Array(bytes)]), 'Notulen "rapat".pdf');
    });
    const form = await readMultipartForm(request, bodyLimits.upload);
    expect(Object.fromEntries(form.fields)).toEqual({ subjectKind: "activity", title: 'Notulen ş "rapat"' });
    expect(form.file?.field).toBe("file");
    expect(form.file?.fileName).toBe('Notulen "rapat".pdf');
    expect(Buffer.from(form.file!.bytes)).toEqual(bytes);
  });

  it("takes a file input left empty as no file", async () => {
    const request = formRequest((f) => f.append("file", new Blob([]), ""));
    expect((await readMultipartForm(request, 1024)).file).toBeNull();
  });

  it("refuses a body past the limit, a repeated field, a second file and what is no multipart form", async () => {
    const type = { "Content-Type": "multipart/form-data; boundary=abc" };
    const declared = new Request("http://localhost/documents", {
      method: "POST",
      headers: { ...type, "Content-Length": "2048" },
      body: "x".repeat(2048),
    });
    await expect(readMultipartForm(declared, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    // A body of no stated length that never ends: read up to the limit, then given up.
    let pulled = 0;
    const endless = new Request("http://localhost/documents", {
      method: "POST",
      headers: type,
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(256));
        },
      }),
      duplex: "half",
    } as RequestInit);
    await expect(readMultipartForm(endless, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled).toBeLessThan(10);
    const repeated = formRequest((f) => {
      f.append("title", "a");
      f.append("title", "b");
    });
    await expect(readMultipartForm(repeated, 1024)).rejects.toBeInstanceOf(MalformedFormError);
    const twoFiles = formRequest((f) => {
      f.append("file", new Blob(["a"]), "a.pdf");
      f.append("other", new Blob(["b"]), "b.pdf");
    });
    await expect(readMultipartForm(twoFiles, 1024)).rejects.toBeInstanceOf(MalformedFormError);
    const cut = new Request("http://localhost/documents", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=abc" },
      body: '--abc\r\nContent-Disposition: form-data; name="title"\r\n\r\nno end',
    });
    await expect(readMultipartForm(cut, 1024)).rejects.toBeInstanceOf(MalformedFormError);
    const urlencoded = new Request("http://localhost/documents", { method: "POST", body: new URLSearchParams("a=b") });
    await expect(readMultipartForm(urlencoded, 1024)).rejects.toBeInstanceOf(MalformedFormError);
  });

  it("is the one address with the upload's limit", () => {
    expect(bodyLimitFor("/documents")).toBe(bodyLimits.upload);
    expect(bodyLimitFor("/documents.data")).toBe(bodyLimits.upload);
    expect(bodyLimits.upload).toBeGreaterThan(10 * 1024 * 1024);
    expect(bodyLimitFor("/documents/1/a.pdf")).toBe(bodyLimits.record);
    expect(bodyLimitFor("/citations")).toBe(bodyLimits.record);
  });
});

describe("the upload's other fields", () => {
  const parse = (title: string) => uploadForm.safeParse({ subjectKind: "case", subjectId: "1", title });
  it("takes a title of one line, trimmed, or none, and refuses control characters and a long one", () => {
    expect(parse(" Poster ").data?.title).toBe("Poster");
    expect(parse("").data?.title).toBeUndefined();
    expect(parse("a\u0007b").error?.issues[0]?.message).toBe("validation.controlCharacters");
    expect(parse("x".repeat(201)).success).toBe(false);
    expect(uploadForm.safeParse({ subjectKind: "commitment", subjectId: "1" }).success).toBe(false);
  });
});
