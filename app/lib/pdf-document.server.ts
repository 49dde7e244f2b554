// A printed document drawn on the server with pdfkit: A4, DejaVu Sans (bundled from npm, so
// Indonesian and Azerbaijani letters print without system fonts), and a running head and page
// numbers on every page, written once the content is laid out (pages are buffered).
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { RichBlock, TextRun } from "../lexical/blocks.server";

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
  boldItalic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf"),
};

const margin = 56; // 2 cm
const ink = "#1b1f24";
const muted = "#4a525c";

export interface PdfFrame {
  /** The running head of every page: the document's name and date. */
  head: string;
  /** The page number's words: "Page 2 of 5". */
  pageLabel: (page: number, pages: number) => string;
  /** The document's metadata title. */
  title: string;
  lang: string;
}

/** A document to write into, and `finish`, which stamps every page and returns the file's bytes. */
export function pdfDocument(frame: PdfFrame) {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: margin + 14, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    font: fonts.regular,
    lang: frame.lang,
    info: { Title: frame.title, Creator: "Jembatan" },
    displayTitle: true,
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  doc.registerFont("boldItalic", fonts.boldItalic);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const width = doc.page.width - margin * 2;

  const write = {
    doc,
    width,
    h1(text: string) {
      doc.font("bold").fontSize(18).fillColor(ink).text(text, { width });
      doc.moveDown(0.3);
    },
    h2(text: string) {
      // A heading never ends a page: start a new one when little room is left under it.
      if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
      doc.moveDown(0.6);
      doc.font("bold").fontSize(13).fillColor(ink).text(text, { width });
      doc.moveDown(0.25);
    },
    h3(text: string) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
      doc.moveDown(0.3);
      doc.font("bold").fontSize(11).fillColor(ink).text(text, { width });
      doc.moveDown(0.15);
    },
    text(text: string, options: { bold?: boolean; muted?: boolean; indent?: number } = {}) {
      const indent = options.indent ?? 0;
      doc
        .font(options.bold ? "bold" : "regular")
        .fontSize(10)
        .fillColor(options.muted ? muted : ink)
        .text(text, margin + indent, doc.y, { width: width - indent, paragraphGap: 2 });
      doc.x = margin;
    },
    /** "Label: value", the label bold. */
    fact(label: string, value: string, indent = 0) {
      if (!value) return;
      doc
        .font("bold")
        .fontSize(10)
        .fillColor(ink)
        .text(`${label}: `, margin + indent, doc.y, { continued: true });
      doc.font("regular").text(value, { width: width - indent, paragraphGap: 2 });
      doc.x = margin;
    },
    /** Starts a new page unless these lines (at body size) fit on this one: a block never splits. */
    keepTogether(lines: string[]) {
      doc.font("regular").fontSize(10);
      const height = lines.reduce((sum, line) => sum + doc.heightOfString(line, { width: width - 12 }) + 2, 0);
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    },
    /**
     * A rich text's blocks (app/lexical/blocks.server.ts): headings, paragraphs, quotes, and list
     * items with their bullet or number, indented by depth; bold and italic kept, a link's address
     * printed after its text (paper cannot be clicked).
     */
    richText(blocks: RichBlock[]) {
      for (const block of blocks) {
        if (block.kind === "heading") {
          const size = { 2: 12, 3: 11, 4: 10.5 }[block.level];
          doc.moveDown(0.2);
          doc.font("bold").fontSize(size).fillColor(ink).text(plain(block.runs), margin, doc.y, { width });
          doc.moveDown(0.1);
          continue;
        }
        const indent = block.kind === "item" ? 4 + block.depth * 14 : block.kind === "quote" ? 14 : 0;
        const x = margin + indent;
        const pieces = runPieces(block.runs);
        doc.fontSize(10).fillColor(block.kind === "quote" ? muted : ink);
        if (block.kind === "item") {
          // The marker in its own gutter, on the page its item's first line is on.
          if (doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const y = doc.y;
          doc.font("regular").text(block.marker, x, y, { width: 16, lineBreak: false });
          doc.y = y;
        }
        const start = block.kind === "item" ? x + 16 : x;
        pieces.forEach((piece, i) => {
          doc.font(piece.font).text(piece.text, i === 0 ? start : undefined, i === 0 ? doc.y : undefined, {
            width: width - (start - margin),
            continued: i < pieces.length - 1,
            paragraphGap: 3,
          });
        });
        doc.x = margin;
      }
    },
    gap(lines = 0.5) {
      doc.moveDown(lines);
    },
  };

  async function finish(): Promise<Buffer> {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing in the margins must not start a page of its own.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font("regular")
        .fontSize(8.5)
        .fillColor(muted)
        .text(frame.head, margin, margin - 8, { width, lineBreak: false, ellipsis: true });
      doc
        .moveTo(margin, margin + 6)
        .lineTo(margin + width, margin + 6)
        .lineWidth(0.5)
        .strokeColor("#d0d5dc")
        .stroke();
      doc.text(frame.pageLabel(i - range.start + 1, range.count), margin, doc.page.height - margin + 16, {
        width,
        align: "center",
        lineBreak: false,
      });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }

  return { write, finish };
}

export type PdfWriter = ReturnType<typeof pdfDocument>["write"];

const plain = (runs: TextRun[]) => runs.map((r) => r.text).join("");

/** Runs as pieces of text in one font each, a link's address after its last piece. */
function runPieces(runs: TextRun[]) {
  const pieces: { text: string; font: "regular" | "bold" | "italic" | "boldItalic" }[] = [];
  runs.forEach((run, i) => {
    if (!run.text) return;
    const font = run.bold ? (run.italic ? "boldItalic" : "bold") : run.italic ? "italic" : "regular";
    pieces.push({ text: run.text, font });
    if (run.url && runs[i + 1]?.url !== run.url) pieces.push({ text: ` (${run.url})`, font: "regular" });
  });
  return pieces;
}
