// A background pass run every few seconds or minutes inside the server (the mail sender, the notice
// scheduler): started and stopped explicitly by express.server.ts, never at import.
import { errorSummary, logger } from "./logger.server";

export interface PeriodicOptions {
  /** Names the pass in the log: "mail sender". */
  name: string;
  intervalMs: number;
  /** Whether the database is up; a pass is not even tried while it is not. */
  databaseUp: () => boolean;
  /** One pass. The signal aborts when stop() is called, so a long pass can end early. */
  pass: (signal: AbortSignal) => Promise<void>;
  /** How long stop() waits for the pass under way (5 s when not given). */
  drainMs?: number;
  /** Logged when stop() stops waiting: why leaving the pass unfinished loses nothing. */
  cutNote?: string;
}

export interface Periodic {
  /** Ends the loop; the pass under way may finish, for at most drainMs. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` at once and then `intervalMs` after each pass ends, one at a time. It never ends on
 * an error: a database that is away, or a pass that fails, is logged once per spell (not at every
 * tick) and tried again at the next tick.
 */
export function runPeriodic(options: PeriodicOptions): Periodic {
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  let failing = false;

  const tick = async () => {
    if (!options.databaseUp()) return;
    try {
      await options.pass(stopping.signal);
      if (failing) logger.info({ pass: options.name }, "background pass working again");
      failing = false;
    } catch (error) {
      if (!failing) {
        logger.warn(
          { pass: options.name, err: errorSummary(error) },
          "background pass failed; trying again at the next tick",
        );
      }
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
          logger.warn({ pass: options.name, note: options.cutNote }, "background pass still under way at shutdown");
          resolve();
        }, options.drainMs ?? 5_000);
      });
      await Promise.race([loop, cut]);
      clearTimeout(timer);
    },
  };
}

declare global {
  // Vite re-evaluates modules in development; there must still be one loop of each name per process.
  var __jembatanPeriodic: Map<string, Periodic> | undefined;
}

/** Starts the process's loop of this name (once: while one runs, later calls keep it). */
export function startPeriodicOnce(name: string, start: () => Periodic) {
  const running = (globalThis.__jembatanPeriodic ??= new Map());
  if (!running.has(name)) running.set(name, start());
}

/** Stops the process's loop of this name, if it runs, once its pass under way is done or cut. */
export async function stopPeriodic(name: string) {
  const loop = globalThis.__jembatanPeriodic?.get(name);
  globalThis.__jembatanPeriodic?.delete(name);
  await loop?.stop();
}
