/**
 * What an uploaded file is, read from its bytes, never from its name or the type the browser
 * claimed. Only the kinds below are taken: documents (PDF, Word, Excel, PowerPoint and their
 * OpenDocument kin) and raster images. Anything else (HTML, SVG, scripts, programs, archives,
 * unknown bytes) is null, and refused.
 */
export interface FileKind {
  mediaType: string;
  /** The extension a download is saved with, without the dot. */
  extension: string;
  /** Whether a browser may show it itself (PDF and raster images); the rest is only downloaded. */
  inline: boolean;
}

const kind = (mediaType: string, extension: string, inline = false): FileKind => ({ mediaType, extension, inline });

export const fileKinds = {
  pdf: kind("application/pdf", "pdf", true),
  png: kind("image/png", "png", true),
  jpeg: kind("image/jpeg", "jpg", true),
  gif: kind("image/gif", "gif", true),
  webp: kind("image/webp", "webp", true),
  docx: kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  xlsx: kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  pptx: kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
  odt: kind("application/vnd.oasis.opendocument.text", "odt"),
  ods: kind("application/vnd.oasis.opendocument.spreadsheet", "ods"),
  odp: kind("application/vnd.oasis.opendocument.presentation", "odp"),
  doc: kind("application/msword", "doc"),
  xls: kind("application/vnd.ms-excel", "xls"),
  ppt: kind("application/vnd.ms-powerpoint", "ppt"),
} as const;

/** The kind a stored media type names (null for one no upload could have). */
export function kindOfMediaType(mediaType: string): FileKind | null {
  return Object.values(fileKinds).find((k) => k.mediaType === mediaType) ?? null;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (
    let i = bytes.indexOf(first!, from);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first!, i + 1)
  ) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

/** The kind of file `bytes` hold, or null when it is none the app takes. */
export function sniff(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return fileKinds.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return fileKinds.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return fileKinds.jpeg;
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return fileKinds.gif;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return fileKinds.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundKind(bytes);
  return null;
}

interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  localOffset: number;
  compressedSize: number;
}

/** The entries a ZIP's central directory lists; null when it has none that can be read. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes when it is stored uncompressed (as OpenDocument's `mimetype` must be). */
function storedContent(bytes: Uint8Array, entry: ZipEntry): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (entry.method !== 0 || at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) return null;
  return new TextDecoder().decode(bytes.subarray(start, start + entry.compressedSize)).trim();
}

/** Office Open XML (its content types and a part folder) or OpenDocument (its `mimetype`); any other ZIP is refused. */
function zipKind(bytes: Uint8Array): FileKind | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const names = entries.map((e) => e.name);
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype) {
    const declared = storedContent(bytes, mimetype);
    return [fileKinds.odt, fileKinds.ods, fileKinds.odp].find((k) => k.mediaType === declared) ?? null;
  }
  if (!names.includes("[Content_Types].xml")) return null;
  const has = (folder: string) => names.some((n) => n.startsWith(folder));
  if (has("word/")) return fileKinds.docx;
  if (has("xl/")) return fileKinds.xlsx;
  if (has("ppt/")) return fileKinds.pptx;
  return null;
}

const utf16 = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));

/**
 * Legacy Word, Excel and PowerPoint files are OLE compound files, told apart by the stream their
 * directory names (in UTF-16). Other compound files (installers, Outlook messages) are refused.
 */
function compoundKind(bytes: Uint8Array): FileKind | null {
  if (indexOf(bytes, utf16("WordDocument")) !== -1) return fileKinds.doc;
  if (indexOf(bytes, utf16("Workbook")) !== -1 || indexOf(bytes, utf16("Book\0")) !== -1) return fileKinds.xls;
  if (indexOf(bytes, utf16("PowerPoint Document")) !== -1) return fileKinds.ppt;
  return null;
}

/** Longest file name kept, before the extension. */
export const maxBaseNameLength = 120;

/**
 * The name a download is saved under: the last part of what the browser sent (no folders), without
 * control or formatting characters (a right-to-left override could hide `.exe`), without characters
 * file systems refuse, capped, and ending in the extension of the kind the content is.
 */
export function cleanFileName(sent: string, kind: FileKind): string {
  const last = sent.split(/[/\\]/).pop() ?? "";
  let base = last
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  // The sent extension goes: the content decides the one it gets.
  base = base.replace(/\.[^.]{1,10}$/, "").replace(/^[.\s]+|[.\s]+$/g, "");
  base = [...base].slice(0, maxBaseNameLength).join("").trim();
  return `${base || "document"}.${kind.extension}`;
}
