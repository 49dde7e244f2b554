/**
 * Reads the one form that carries a file (the document upload) without React Router's
 * `request.formData()`, which would keep the body and a copy of the file: the body is read once
 * into a buffer no larger than its limit (the size the request declared, or grown as chunks come,
 * up to the limit), and the fields and the file are views into it.
 */
export interface MultipartForm {
  fields: Map<string, string>;
  /** The first file field's name (as the browser sent it) and bytes; null when none was chosen. */
  file: { field: string; fileName: string; bytes: Uint8Array } | null;
}

/** The body is over the limit (413). */
export class BodyTooLargeError extends Error {}
/** The body is no multipart form that can be read (400). */
export class MalformedFormError extends Error {}

async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array(0);
  let buffer = new Uint8Array(Number.isFinite(declared) ? declared : 64 * 1024);
  let length = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The connection was cut (request-limits ends a chunked body past its limit this way).
      throw new BodyTooLargeError();
    }
    if (chunk.done) break;
    if (length + chunk.value.byteLength > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError();
    }
    if (length + chunk.value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.min(limit, Math.max(buffer.byteLength * 2, length + chunk.value.byteLength)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(chunk.value, length);
    length += chunk.value.byteLength;
  }
  return buffer.subarray(0, length);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function find(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let i = haystack.indexOf(first, from); i !== -1; i = haystack.indexOf(first, i + 1)) {
    if (i + needle.length > haystack.length) return -1;
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** A quoted parameter of Content-Disposition; browsers percent-encode `"`, CR and LF in it. */
function parameter(disposition: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, "i").exec(disposition);
  return match ? match[1]!.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n") : null;
}

/** Reads a multipart/form-data request of at most `limit` bytes. */
export async function readMultipartForm(request: Request, limit: number): Promise<MultipartForm> {
  const type = request.headers.get("content-type") ?? "";
  const boundary = /^\s*multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  if (!boundary) throw new MalformedFormError("not a multipart form");
  const body = await readBody(request, limit);
  const delimiter = encoder.encode(`--${boundary[1] ?? boundary[2]}`);
  const form: MultipartForm = { fields: new Map(), file: null };
  let at = find(body, delimiter, 0);
  if (at === -1) throw new MalformedFormError("no boundary");
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter ends the form.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return form;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw new MalformedFormError("bad delimiter line");
    const headersEnd = find(body, encoder.encode("\r\n\r\n"), at + 2);
    if (headersEnd === -1) throw new MalformedFormError("part without headers");
    const headers = decoder.decode(body.subarray(at + 2, headersEnd));
    const next = find(body, encoder.encode(`\r\n--${decoder.decode(delimiter.subarray(2))}`), headersEnd + 4);
    if (next === -1) throw new MalformedFormError("unterminated part");
    const content = body.subarray(headersEnd + 4, next);
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? null;
    const name = disposition === null ? null : parameter(disposition, "name");
    if (name === null) throw new MalformedFormError("part without a name");
    const fileName = parameter(disposition!, "filename");
    if (fileName === null) {
      if (form.fields.has(name)) throw new MalformedFormError(`repeated field ${name}`);
      form.fields.set(name, decoder.decode(content));
    } else if (form.file) {
      throw new MalformedFormError("more than one file");
    } else if (fileName !== "" || content.byteLength > 0) {
      // A file input left empty sends a part with no name and no bytes: no file.
      form.file = { field: name, fileName, bytes: content };
    }
    at = next + 2;
  }
}
