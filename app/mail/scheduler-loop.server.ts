// The notice scheduler inside the server: a pass every few minutes, started and stopped explicitly
// by the server (express.server.ts), never at import.
import type { Database } from "../../db/client";
import { logger } from "../server/logger.server";
import { runPeriodic, startPeriodicOnce, stopPeriodic } from "../server/periodic.server";
import { runSchedulerPass } from "./scheduler.server";

export interface SchedulerLoopOptions {
  db: Database;
  /** Whether the database is up; a pass is not even tried while it is not. */
  databaseUp: () => boolean;
  intervalMs: number;
}

/**
 * Every app server runs one: the outbox's dedupe keys make a second scheduler's pass queue nothing
 * twice, so none needs electing.
 */
export function startNoticeScheduler(options: SchedulerLoopOptions) {
  startPeriodicOnce("notice scheduler", () =>
    runPeriodic({
      name: "notice scheduler",
      intervalMs: options.intervalMs,
      databaseUp: options.databaseUp,
      // Cutting a pass loses nothing: each mail is committed on its own, and the next pass (here
      // or on another server) queues the rest.
      cutNote: "the next pass queues what it left",
      pass: async () => {
        const report = await runSchedulerPass(options.db, new Date());
        if (report.queued) logger.info({ queued: report.queued }, "notices queued");
      },
    }),
  );
}

/** Stops the process's notice scheduler, if it runs, once its pass under way is done. */
export async function stopNoticeScheduler() {
  await stopPeriodic("notice scheduler");
}
