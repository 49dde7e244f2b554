import type { Database } from "../../db/client";
import { logger } from "../server/logger.server";
import { runPeriodic, startPeriodicOnce, stopPeriodic, type Periodic } from "../server/periodic.server";
import { createMailClient, sendDueMail, type MailClient } from "./sender.server";

export interface MailWorkerOptions {
  db: Database;
  /** Whether the database is up; a pass is not even tried while it is not. */
  databaseUp: () => boolean;
  intervalMs: number;
  client?: MailClient | null;
  /** How long stopping waits for the send under way; past it the row's lease lets another sender finish it. */
  drainMs?: number;
}

/** Its stop() ends the loop: the send under way finishes (for at most drainMs), claimed rows not yet sent go back. */
export type MailWorker = Periodic;

/**
 * The sender inside the server: a pass every `intervalMs`, one at a time, through the errors and
 * outages runPeriodic rides out. Started and stopped explicitly by the server (express.server.ts).
 */
export function runMailWorker(options: MailWorkerOptions): MailWorker {
  const client = options.client === undefined ? createMailClient() : options.client;
  return runPeriodic({
    name: "mail sender",
    intervalMs: options.intervalMs,
    databaseUp: options.databaseUp,
    drainMs: options.drainMs,
    cutNote: "its lease lets another sender finish it",
    pass: async (signal) => {
      const report = await sendDueMail(options.db, { client, signal });
      if (report.claimed) logger.debug({ ...report }, "mail pass");
    },
  });
}

/** Starts the process's mail worker (once; later calls keep the first). */
export function startMailWorker(options: MailWorkerOptions) {
  startPeriodicOnce("mail sender", () => runMailWorker(options));
}

/** Stops the process's mail worker, if it runs. */
export async function stopMailWorker() {
  await stopPeriodic("mail sender");
}
