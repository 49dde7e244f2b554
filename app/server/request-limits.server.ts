import type { NextFunction, Request, Response } from "express";
import { isLanguage, type Language } from "../i18n/config";
import { languageCookie, languageFromHeader, translatorFor } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";

/** Every page is read with GET (HEAD) and every form posts: nothing here takes PUT, DELETE or WebDAV. */
export const allowedMethods = ["GET", "HEAD", "POST"];

/**
 * How large a request body may be, by what the address takes. Sign-in, sign-out and the language
 * switcher post a few short fields; record forms carry long texts and the lessons' rich text.
 * The one address that takes a file (the document upload) has its own limit: the file's 10 MB and
 * room for the form's few other fields.
 */
export const bodyLimits = {
  small: 16 * 1024,
  record: 1024 * 1024,
  webhook: 256 * 1024,
  upload: 10 * 1024 * 1024 + 64 * 1024,
} as const;
const smallForms = new Set(["/login", "/language", "/logout"]);

/** The largest file the upload takes: what its refusal names. */
export const uploadFileLimit = 10 * 1024 * 1024;

/**
 * The only address whose form may carry a file (app/routes/documents.tsx reads it itself, without
 * holding more than its limit); every other form refuses files (app/lib/form-body.server.ts).
 */
export const uploadPaths: ReadonlySet<string> = new Set(["/documents"]);

/**
 * Addresses a provider posts signed JSON to, not forms (their routes check the signature). A
 * delivery report is a few KB; the limit leaves room for long recipient lists and headers.
 */
export const webhookPaths: ReadonlySet<string> = new Set(["/webhooks/resend"]);
const jsonContentType = /^\s*application\/json\s*(;|$)/i;

/** The limit for a path: a client-side submission posts to the page's `.data` address. */
export function bodyLimitFor(path: string): number {
  if (webhookPaths.has(path)) return bodyLimits.webhook;
  if (uploadPaths.has(path.replace(/\.data$/, ""))) return bodyLimits.upload;
  const page = path.replace(/\.data$/, "").replace(/\/_root$/, "/") || "/";
  return smallForms.has(page.replace(/\/+$/, "") || "/") ? bodyLimits.small : bodyLimits.record;
}

/** The two encodings an HTML form sends; anything else cannot be a form of ours. */
export const formContentType = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

/** The reader's language, as the app decides it (cookie, then Accept-Language), for messages sent from here. */
async function languageOf(req: Request): Promise<Language> {
  const fromCookie: unknown = await languageCookie.parse(req.headers.cookie ?? null).catch(() => null);
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromHeader(req.get("accept-language") ?? null) ?? "en";
}

async function refuse(
  req: Request,
  res: Response,
  status: number,
  key: TranslationKey,
  values: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const language = await languageOf(req);
  if (res.headersSent) return;
  res.status(status).set(headers).type("text/plain; charset=utf-8").send(translatorFor(language).t(key, values));
}

class BodyTooLarge extends Error {}

/** Whether the request's URL can be built as React Router will: a Host like `%00` cannot be. */
function addressable(req: Request): boolean {
  try {
    new URL(`http://${req.hostname?.split(/[\\/?#@]/)[0] || "localhost"}${req.originalUrl}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses what no route takes before React Router reads a byte of the body: a method other than
 * GET, HEAD and POST (405 with `Allow`), a POST that is not a form (415), and a body past its
 * address's limit (413): at once from Content-Length, or as soon as a chunked body passes it.
 * The form itself (its encoding, repeated fields) is checked by app/lib/form-body.server.ts.
 */
export function requestLimits() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!addressable(req)) {
      void refuse(req, res, 400, "request.badHost");
      return;
    }
    if (!allowedMethods.includes(req.method)) {
      void refuse(
        req,
        res,
        405,
        "request.methodNotAllowed",
        { method: req.method },
        { Allow: allowedMethods.join(", ") },
      );
      return;
    }
    if (req.method !== "POST") return next();

    const limit = bodyLimitFor(req.path);
    const declared = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    const empty = !chunked && (declared === undefined || declared === "0");
    // A POST with no body at all (`curl -X POST /logout`) is an empty form: saying so lets a
    // route read it as one, where `request.formData()` would throw without a type.
    if (empty && !req.headers["content-type"]) req.headers["content-type"] = "application/x-www-form-urlencoded";
    const webhook = webhookPaths.has(req.path);
    if (!empty && !(webhook ? jsonContentType : formContentType).test(req.get("content-type") ?? "")) {
      const key = webhook ? "delivery.webhook.jsonOnly" : "request.unsupportedType";
      void refuse(req, res, 415, key, {}, { Connection: "close" });
      return;
    }
    // An upload's refusal names the file's limit, not the form's.
    const upload = uploadPaths.has(req.path.replace(/\.data$/, ""));
    const tooLarge: [TranslationKey, string] = upload
      ? ["documents.tooLarge", sizeLabel(uploadFileLimit)]
      : ["request.tooLarge", sizeLabel(limit)];
    if (declared !== undefined && Number(declared) > limit) {
      // The body is never read: the connection closes after the answer instead.
      void refuse(req, res, 413, tooLarge[0], { limit: tooLarge[1] }, { Connection: "close" });
      return;
    }
    if (chunked) {
      // No length to check up front: count what arrives. The listener sees every chunk React
      // Router reads; pausing at once leaves the flow to React Router's reader, which resumes it.
      let received = 0;
      let language: Language = "en";
      void languageOf(req).then((found) => (language = found));
      const count = (chunk: Buffer) => {
        received += chunk.length;
        if (received <= limit) return;
        req.off("data", count);
        if (!res.headersSent) {
          res
            .status(413)
            .set("Connection", "close")
            .type("text/plain; charset=utf-8")
            .send(translatorFor(language).t(tooLarge[0], { limit: tooLarge[1] }));
        }
        // With an error, so whatever reads the body fails instead of seeing a cut-off form end.
        req.destroy(new BodyTooLarge(`request body over ${limit} bytes`));
      };
      // Without a listener the error would end the process.
      req.on("error", () => {});
      req.on("data", count);
      req.pause();
    }
    next();
  };
}
