// The notice scheduler inside the server: a pass every few minutes, started and stopped explicitly
// by the server (express.server.ts), never at import.
import type { Database } from "../../db/client";
import { errorSummary, logger } from "../server/logger.server";
import { runSchedulerPass } from "./scheduler.server";

export interface SchedulerLoopOptions {
  db: Database;
  /** Whether the database is up; a pass is not even tried while it is not. */
  databaseUp: () => boolean;
  intervalMs: number;
}

interface SchedulerLoop {
  stop(): Promise<void>;
}

/**
 * Every app server runs one: the outbox's dedupe keys make a second scheduler's pass queue nothing
 * twice, so none needs electing. It never ends on an error: a database that is away (or a pass
 * that fails) is logged once per spell and tried again at the next tick.
 */
function runSchedulerLoop(options: SchedulerLoopOptions): SchedulerLoop {
  let stopped = false;
  let wake: (() => void) | undefined;
  let failing = false;

  const tick = async () => {
    if (!options.databaseUp()) return;
    try {
      const report = await runSchedulerPass(options.db, new Date());
      if (failing) logger.info("notice scheduler working again");
      failing = false;
      if (report.queued) logger.info({ queued: report.queued }, "notices queued");
    } catch (error) {
      if (!failing) logger.warn({ err: errorSummary(error) }, "notice pass failed; trying again at the next tick");
      failing = true;
    }
  };

  const loop = (async () => {
    while (!stopped) {
      await tick();
      if (stopped) break;
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
    // A pass under way may finish for a few seconds. Cutting it loses nothing: each mail is
    // committed on its own, and the next pass (here or on another server) queues the rest.
    async stop() {
      stopped = true;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const cut = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)));
      await Promise.race([loop, cut]);
      clearTimeout(timer);
    },
  };
}

declare global {
  // Vite re-evaluates modules in development; there must still be one scheduler per process.
  var __jembatanNoticeScheduler: SchedulerLoop | undefined;
}

/** Starts the process's notice scheduler (once; later calls keep the first). */
export function startNoticeScheduler(options: SchedulerLoopOptions) {
  globalThis.__jembatanNoticeScheduler ??= runSchedulerLoop(options);
}

/** Stops the process's notice scheduler, if it runs, once its pass under way is done. */
export async function stopNoticeScheduler() {
  const loop = globalThis.__jembatanNoticeScheduler;
  globalThis.__jembatanNoticeScheduler = undefined;
  await loop?.stop();
}
