import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { sessionCookieName } from "./session-pool";

/**
 * The HTTP helpers of the tests: posting forms as the app's own pages do, reading what a page's
 * forms hold, and reading CSV. Failures throw with a message naming what was looked for, so they
 * read the same under Playwright and vitest.
 */

/**
 * A form POST with exactly these headers (none added), not following redirects: for requests the
 * app must refuse (a foreign Origin, Sec-Fetch-Site), and everything else through `postForm`.
 */
export function postFormWith(
  api: APIRequestContext,
  url: string,
  form: Record<string, string>,
  headers: Record<string, string>,
) {
  return api.post(url, { form, headers, maxRedirects: 0 });
}

/** A form POST as the app's pages send it: the same Origin (its CSRF check), no redirect followed. */
export function postForm(api: APIRequestContext, baseURL: string, url: string, form: Record<string, string>) {
  return postFormWith(api, url, form, { Origin: baseURL });
}

/** The first group of `pattern` in `text`; throws, naming `what`, when there is none. */
export function match(text: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(text);
  if (!found?.[1]) throw new Error(`${what}: nothing matches ${pattern}`);
  return found[1];
}

/** The id in the address a create redirected to (`/activities/12`, with or without a query). */
export function createdId(location: string | undefined, collection: string, what: string): number {
  return Number(match(location ?? "", new RegExp(`^/${collection}/(\\d+)(?:\\?.*)?$`), `${what}: where it went`));
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Text of server-rendered HTML with its character references resolved. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

const attribute = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decodeHtml(value);
};
const flag = (tag: string, name: string) => new RegExp(`\\s${name}(?:[\\s=>/]|$)`).test(tag);

/**
 * What a form would send as it stands, as a browser would collect it (the fields of the first form
 * of `html` that holds one named `withField`, or of the first form): inputs with their values
 * (checkboxes and radios only when checked), selects with their selected option (else the first),
 * textareas with their text. Each name holds the last value sent under it.
 */
export function formFields(html: string, withField?: string): Record<string, string> {
  const forms = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = withField ? forms.find((f) => new RegExp(`\\sname="${withField}"`).test(f)) : forms[0];
  if (!form) throw new Error(withField ? `no form with a field ${withField}` : "no form on the page");
  const fields: Record<string, string> = {};
  for (const [element] of form.matchAll(/<(?:input|select|textarea)\b[^>]*>(?:[\s\S]*?<\/(?:select|textarea)>)?/g)) {
    const tag = /^<[^>]*>/.exec(element)![0];
    const name = attribute(tag, "name");
    if (!name || flag(tag, "disabled")) continue;
    if (element.startsWith("<input")) {
      const type = attribute(tag, "type") ?? "text";
      if (["submit", "button", "reset", "image", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !flag(tag, "checked")) continue;
      fields[name] = attribute(tag, "value") ?? (type === "checkbox" || type === "radio" ? "on" : "");
    } else if (element.startsWith("<select")) {
      const options = [...element.matchAll(/<option\b[^>]*>/g)].map((m) => m[0]);
      const chosen = options.find((o) => flag(o, "selected")) ?? options[0];
      if (chosen) fields[name] = attribute(chosen, "value") ?? "";
    } else {
      fields[name] = decodeHtml(element.slice(tag.length, element.lastIndexOf("</textarea>")).replace(/^\n/, ""));
    }
  }
  return fields;
}

/** The options a form's select offers, as [value, label] pairs. */
export function selectOptions(html: string, name: string): [string, string][] {
  const select = new RegExp(`<select\\b[^>]*\\sname="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) throw new Error(`no select ${name}`);
  return [...select.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((m) => [
    attribute(m[1]!, "value") ?? decodeHtml(m[2]!),
    decodeHtml(m[2]!),
  ]);
}

/** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}

/**
 * Signs in with fetch (for tests that start the server themselves) and returns the `Cookie`
 * header of the new session.
 */
export async function fetchSignIn(serverUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${serverUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: serverUrl },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`));
  if (response.status !== 302 || !cookie) throw new Error(`signing in as ${email} answered ${response.status}`);
  return cookie.split(";")[0]!;
}

/** What a raw request got: an answer, or the connection-level failure (ECONNREFUSED: nothing took it). */
export interface RawAnswer {
  status?: number;
  headers?: IncomingHttpHeaders;
  body?: string;
  error?: string;
  ms: number;
}

/**
 * One request on a connection of its own (a server that stops cannot leave it on a dead keep-alive
 * one), for what fetch will not do: methods it refuses (TRACE), bodies sent as `chunks` (chunked
 * transfer), a Host header of the test's choosing, or timing a server that goes away.
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    chunks?: Buffer[];
    timeoutMs?: number;
  } = {},
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const failed = (e: NodeJS.ErrnoException) =>
      resolve({ error: e.code ?? e.message, ms: performance.now() - started });
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body, ms: performance.now() - started }),
      );
      res.on("error", failed);
    });
    req.setTimeout(options.timeoutMs ?? 20_000, () =>
      req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })),
    );
    req.on("error", failed);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}
