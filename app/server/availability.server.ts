import { randomUUID } from "node:crypto";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import { databaseStatus, healthReport, noteDatabaseFailure } from "../db.server";
import { isLanguage, type Language } from "../i18n/config";
import { languageCookie, languageFromHeader, translatorFor } from "../i18n/i18n.server";
import { errorSummary, logger, requestState } from "./logger.server";

/** Seconds a client is asked to wait before trying again while the database is away. */
export const retryAfterSeconds = 5;
const unavailableHeaders = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };

const requestIdPattern = /^[\w.:-]{1,64}$/;

/**
 * First on every request: gives it an id (a trusted proxy's X-Request-Id, or a new one), sent back
 * as X-Request-Id and carried by every log line written while answering it, and logs one line
 * when it is answered: method, path (never the query, which can hold a feed token), status and
 * duration.
 */
export function requestContext(options: { trustProxy: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = options.trustProxy ? req.get("x-request-id") : undefined;
    const id = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    res.setHeader("X-Request-Id", id);
    res.once("close", () => {
      const fields = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      requestState.run({ id, databaseFailed: false }, () => logger.info(fields, "request"));
    });
    requestState.run({ id, databaseFailed: false }, next);
  };
}

/** The reader's language, as the app decides it (cookie, then Accept-Language). */
async function languageOf(req: Request): Promise<Language> {
  const fromCookie: unknown = await languageCookie.parse(req.headers.cookie ?? null).catch(() => null);
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromHeader(req.get("accept-language") ?? null) ?? "en";
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * The answer while the database is away: 503 with Retry-After and a short page in the reader's
 * language. Rendered without React Router, whose root loader and session check need the database.
 */
async function sendUnavailable(req: Request, res: Response, stylesheet: string | undefined) {
  const language = await languageOf(req);
  const { t } = translatorFor(language);
  if (res.headersSent) return;
  res.status(503).set(unavailableHeaders);
  if (req.method === "HEAD") return res.end();
  const title = escape(t("errors.unavailable"));
  res
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8">` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Jembatan</title>` +
        (stylesheet ? `<link rel="stylesheet" href="${escape(stylesheet)}">` : "") +
        `</head><body><main id="main" class="page page--narrow"><h1>${title}</h1>` +
        `<p>${escape(t("errors.unavailableText"))}</p></main></body></html>`,
    );
}

/**
 * Serves the app through React Router, unless the database is away: then every page (but
 * /healthz, which says why) answers 503 at once rather than waiting on it. A request that the
 * database failed while it was being answered (a connection lost mid-query) gets the same 503
 * instead of React Router's 500: entry.server.tsx's handleError marks it (noteDatabaseFailure).
 *
 * This is @react-router/express's handler with that one step added; the request and response
 * are converted the way it does.
 */
export function reactRouterHandler(options: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: Request, res: Response) => RouterContextProvider;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  const stylesheet = options.build.assets.routes.root?.css?.[0];
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const status = databaseStatus();
      if (status !== "up" && req.path === "/healthz") {
        const { httpStatus, body } = healthReport(status);
        return void res.status(httpStatus).set(unavailableHeaders).json(body);
      }
      if (status !== "up") return await sendUnavailable(req, res, stylesheet);
      const response = await handle(toFetchRequest(req, res), options.getLoadContext(req, res));
      if (response.status >= 500 && requestState.getStore()?.databaseFailed && req.path !== "/healthz") {
        await response.body?.cancel();
        return await sendUnavailable(req, res, stylesheet);
      }
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  const [, forwardedPort] = req.app.enabled("trust proxy") ? (req.get("x-forwarded-host")?.split(":") ?? []) : [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find(Number.isSafeInteger);
  const host = `${req.hostname.split(/[\\/?#@]/)[0] || "localhost"}${port ? `:${port}` : ""}`;
  const controller = new AbortController();
  res.on("close", () => res.writableFinished || controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  const withBody = req.method !== "GET" && req.method !== "HEAD";
  return new globalThis.Request(new URL(`${req.protocol}://${host}${req.originalUrl}`), {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(withBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  } as RequestInit);
}

async function send(res: Response, response: globalThis.Response) {
  if (res.destroyed || res.writableEnded) return void (await response.body?.cancel());
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (!response.body) return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!(res.destroyed || res.writableEnded)) throw error;
  }
}

/**
 * Last in the chain: an error no handler answered (React Router answers its own). One log line
 * instead of Express's stack on standard error, and a 503 if the database was the cause.
 */
export function unansweredError(stylesheet?: string) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    noteDatabaseFailure(error);
    logger.error({ err: errorSummary(error) }, "request failed outside React Router");
    if (res.headersSent) return next(error);
    if (requestState.getStore()?.databaseFailed) return void sendUnavailable(req, res, stylesheet);
    res.status(500).type("text/plain; charset=utf-8").send("Internal Server Error");
  };
}
