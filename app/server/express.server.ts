import "react-router";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { RouterContextProvider } from "react-router";
import * as build from "virtual:react-router/server-build";
import { closeDatabase, databaseStatus, db, startDatabase } from "../db.server";
import { env } from "../env.server";
import { requestInfoContext } from "../lib/request-context";
import { startNoticeScheduler, stopNoticeScheduler } from "../mail/scheduler-loop.server";
import { startMailWorker, stopMailWorker } from "../mail/worker.server";
import { requestContext, unansweredError } from "./request-log.server";
import { requestLimits } from "./request-limits.server";
import { rejectCrossSiteWrites, securityHeaders } from "./security.server";

const development = env.NODE_ENV !== "production";

export const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);
app.use(requestContext({ trustProxy: env.TRUST_PROXY > 0 }));
app.use(securityHeaders({ development, secure: !development, publicOrigin: env.APP_URL }));
app.use(rejectCrossSiteWrites(env.APP_URL));
app.use(requestLimits());
app.use(
  createRequestHandler({
    mode: env.NODE_ENV,
    // The build itself, not a function returning it: React Router derives its routes from a
    // build once, where a function makes it do so on every request. (In development Vite
    // reloads this whole module when the app changes.)
    build,
    getLoadContext(req, res) {
      const context = new RouterContextProvider();
      context.set(requestInfoContext, {
        nonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        buildVersion: build.assets.version,
      });
      return context;
    },
  }),
);
app.use(unansweredError());

/**
 * server.js starts the database after the HTTP server listens (pages answer 503 until it is up):
 * `migrate` in one process of a deployment only.
 */
export async function start(options: { migrate: boolean }) {
  await startDatabase(options);
  // Background work starts once the database is up, here and nowhere at import.
  startMailWorker({
    db,
    databaseUp: () => databaseStatus() === "up",
    intervalMs: env.MAIL_SEND_INTERVAL_SECONDS * 1000,
    // Longer than one send may take (15 s), so a stop never cuts a send in half.
    drainMs: 20_000,
  });
  // Reminders and digests: every app server runs it, the outbox's dedupe keys queue each mail once.
  startNoticeScheduler({ db, databaseUp: () => databaseStatus() === "up", intervalMs: 5 * 60_000 });
}

/**
 * Lets server.js close the database once the HTTP server has finished its requests; the mail
 * sender first finishes the send under way.
 */
export async function shutdown() {
  await Promise.all([stopMailWorker(), stopNoticeScheduler()]);
  await closeDatabase();
}
