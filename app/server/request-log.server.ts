import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { noteDatabaseFailure } from "../db.server";
import { unavailableHeaders } from "../lib/availability.server";
import { errorSummary, logger, requestState } from "./logger.server";

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
        // An unsubscribe link's token is in its path: it is a credential, so it is not written.
        path: req.path.replace(/^\/unsubscribe\/[^/]+/, "/unsubscribe/[token]"),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      requestState.run({ id, databaseFailed: false }, () => logger.info(fields, "request"));
    });
    requestState.run({ id, databaseFailed: false }, next);
  };
}

/**
 * Last in the chain: an error no handler answered (React Router answers its own). One log line
 * instead of Express's stack on standard error, and a 503 if the database was the cause.
 */
export function unansweredError() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    noteDatabaseFailure(error);
    logger.error({ err: errorSummary(error) }, "request failed outside React Router");
    if (res.headersSent) return next(error);
    if (requestState.getStore()?.databaseFailed) res.status(503).set(unavailableHeaders);
    else res.status(500);
    res
      .type("text/plain; charset=utf-8")
      .send(res.statusCode === 503 ? "Service Unavailable" : "Internal Server Error");
  };
}
