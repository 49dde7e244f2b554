import type { Database } from "../../db/client";
import { errorSummary, logger } from "../server/logger.server";
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

export interface MailWorker {
  /** Ends the loop: the send under way finishes (for at most drainMs), claimed rows not yet sent go back. */
  stop(): Promise<void>;
}

/**
 * The sender inside the server: a pass every `intervalMs`, one at a time. It never ends on an
 * error: a database that is away (or a pass that fails) is logged once per spell and tried again
 * at the next tick. Started and stopped explicitly by the server (express.server.ts).
 */
export function runMailWorker(options: MailWorkerOptions): MailWorker {
  const client = options.client === undefined ? createMailClient() : options.client;
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  let failing = false;

  const tick = async () => {
    if (!options.databaseUp()) return;
    try {
      const report = await sendDueMail(options.db, { client, signal: stopping.signal });
      if (failing) logger.info("mail sender working again");
      failing = false;
      if (report.claimed) logger.debug({ ...report }, "mail pass");
    } catch (error) {
      if (!failing) logger.warn({ err: errorSummary(error) }, "mail pass failed; trying again at the next tick");
      failing = true;
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await tick();
      if (stopping.signal.aborted) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      stopping.abort();
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const cut = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn("mail send still under way at shutdown; its lease lets another sender finish it");
          resolve();
        }, options.drainMs ?? 5_000);
      });
      await Promise.race([loop, cut]);
      clearTimeout(timer);
    },
  };
}

declare global {
  // Vite re-evaluates modules in development; there must still be one worker per process.
  var __jembatanMailWorker: MailWorker | undefined;
}

/** Starts the process's mail worker (once; later calls keep the first). */
export function startMailWorker(options: MailWorkerOptions) {
  globalThis.__jembatanMailWorker ??= runMailWorker(options);
}

/** Stops the process's mail worker, if it runs. */
export async function stopMailWorker() {
  const worker = globalThis.__jembatanMailWorker;
  globalThis.__jembatanMailWorker = undefined;
  await worker?.stop();
}
