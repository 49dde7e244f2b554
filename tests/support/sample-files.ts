import { crc32 } from "node:zlib";

/**
 * Small but well-formed files of each kind the upload takes (and some it refuses), built here
 * byte by byte so no test reads a file from outside the repository.
 */

const ascii = (text: string) => Buffer.from(text, "latin1");

/** A one-page PDF with its cross-reference table. */
export function pdfBytes(text = "Hello"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 12 Tf 20 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 50 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(body);
}

/** A 1×1 PNG. */
export const pngBytes = () =>
  Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6a1d40000000049454e44ae426082",
    "hex",
  );
/** A 1×1 JPEG's start (SOI and JFIF marker). */
export const jpegBytes = () =>
  Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), Buffer.from("ffd9", "hex")]);
/** A 1×1 GIF. */
export const gifBytes = () =>
  Buffer.from("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b", "hex");
/** A 1×1 lossless WebP. */
export const webpBytes = () => Buffer.from("524946461a000000574542505650384c0d0000002f0000001007101111888808", "hex");

/** A ZIP of stored (uncompressed) entries, with its central directory. */
export function zipBytes(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const docxBytes = () =>
  zipBytes([
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", "<Relationships/>"],
    ["word/document.xml", "<w:document/>"],
  ]);
export const xlsxBytes = () =>
  zipBytes([
    ["[Content_Types].xml", contentTypes],
    ["xl/workbook.xml", "<workbook/>"],
  ]);
export const pptxBytes = () =>
  zipBytes([
    ["[Content_Types].xml", contentTypes],
    ["ppt/presentation.xml", "<p/>"],
  ]);
export const openDocumentBytes = (kind: "text" | "spreadsheet" | "presentation") =>
  zipBytes([
    ["mimetype", `application/vnd.oasis.opendocument.${kind}`],
    ["content.xml", "<office:document-content/>"],
    ["META-INF/manifest.xml", "<manifest:manifest/>"],
  ]);

/** An OLE compound file: its header, then one directory sector naming the given stream. */
export function compoundBytes(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt32LE(0, 48);
  const directory = Buffer.alloc(512);
  const entry = (at: number, name: string, type: number) => {
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory[at + 66] = type;
  };
  entry(0, "Root Entry", 5);
  entry(128, stream, 2);
  return Buffer.concat([header, directory]);
}

/** A Windows program's first bytes ("MZ" and the DOS stub). */
export const exeBytes = () =>
  Buffer.concat([ascii("MZ"), Buffer.alloc(58), ascii("This program cannot be run in DOS mode.\r\n")]);
