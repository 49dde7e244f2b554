import { describe, expect, it } from "vitest";
import { cleanFileName, fileKinds, sniff } from "../../app/storage/sniff";
import * as sample from "../support/sample-files";

describe("the type of an upload, read from its bytes", () => {
  it.each([
    ["PDF", sample.pdfBytes(), fileKinds.pdf],
    ["PNG", sample.pngBytes(), fileKinds.png],
    ["JPEG", sample.jpegBytes(), fileKinds.jpeg],
    ["GIF", sample.gifBytes(), fileKinds.gif],
    ["WebP", sample.webpBytes(), fileKinds.webp],
    ["DOCX", sample.docxBytes(), fileKinds.docx],
    ["XLSX", sample.xlsxBytes(), fileKinds.xlsx],
    ["PPTX", sample.pptxBytes(), fileKinds.pptx],
    ["ODT", sample.openDocumentBytes("text"), fileKinds.odt],
    ["ODS", sample.openDocumentBytes("spreadsheet"), fileKinds.ods],
    ["ODP", sample.openDocumentBytes("presentation"), fileKinds.odp],
    ["DOC", sample.compoundBytes("WordDocument"), fileKinds.doc],
    ["XLS", sample.compoundBytes("Workbook"), fileKinds.xls],
    ["PPT", sample.compoundBytes("PowerPoint Document"), fileKinds.ppt],
  ])("takes %s", (_, bytes, kind) => {
    expect(sniff(bytes)).toEqual(kind);
  });

  it.each([
    ["HTML", Buffer.from("<!doctype html><html><script>alert(1)</script></html>")],
    ["HTML behind a BOM and blanks", Buffer.from("\ufeff  <html><body>%PDF-</body></html>")],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["a script", Buffer.from("#!/bin/sh\nrm -rf /\n")],
    ["a Windows program", sample.exeBytes()],
    ["a plain ZIP", sample.zipBytes([["readme.txt", "hello"]])],
    ["a ZIP claiming an OpenDocument type it is not", sample.zipBytes([["mimetype", "text/html"]])],
    ["a ZIP with a part folder but no content types", sample.zipBytes([["word/document.xml", "<w/>"]])],
    ["a ZIP whose directory is cut off", sample.docxBytes().subarray(0, 60)],
    ["a compound file that is no Office document (an installer)", sample.compoundBytes("SummaryInformation")],
    ["empty bytes", Buffer.alloc(0)],
    ["a PDF signature not at the start", Buffer.from("junk%PDF-1.4")],
  ])("refuses %s", (_, bytes) => {
    expect(sniff(bytes)).toBeNull();
  });

  it("goes by the content, not the name: a PDF named .exe is a PDF, a program named .pdf is refused", () => {
    expect(cleanFileName("report.exe", sniff(sample.pdfBytes())!)).toBe("report.pdf");
    expect(sniff(sample.exeBytes())).toBeNull();
  });
});

describe("the name a download is saved under", () => {
  it("keeps the last part of a path, without control or direction characters, with the content's extension", () => {
    expect(cleanFileName("C:\\Users\\me\\Laporan tahunan.PDF", fileKinds.pdf)).toBe("Laporan tahunan.pdf");
    expect(cleanFileName("../../etc/passwd", fileKinds.pdf)).toBe("passwd.pdf");
    expect(cleanFileName("invoice\u202Efdp.exe", fileKinds.pdf)).toBe("invoicefdp.pdf");
    expect(cleanFileName("a\r\nb\u0000c.docx", fileKinds.docx)).toBe("abc.docx");
    expect(cleanFileName('say "hi" <now>?.png', fileKinds.png)).toBe("say _hi_ _now__.png");
    expect(cleanFileName("photo.jpeg", fileKinds.jpeg)).toBe("photo.jpg");
    expect(cleanFileName("Ringkasan Kerja Sama ş.odt", fileKinds.odt)).toBe("Ringkasan Kerja Sama ş.odt");
  });

  it("names a file that has no name left, and caps a long one", () => {
    expect(cleanFileName("", fileKinds.pdf)).toBe("document.pdf");
    expect(cleanFileName("...", fileKinds.pdf)).toBe("document.pdf");
    expect(cleanFileName(".pdf", fileKinds.pdf)).toBe("document.pdf");
    const long = cleanFileName(`${"x".repeat(500)}.pdf`, fileKinds.pdf);
    expect(long).toBe(`${"x".repeat(120)}.pdf`);
  });
});
