import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite is one process's database: two processes on one directory both run, hand out the same
 * ids and corrupt it without a word. So whoever opens a PGlite directory first takes a lock for the
 * life of the process: `<dir>.lock` beside the directory (not inside it, so a dump of the directory
 * never carries a lock along, and a restore can replace the directory while holding it).
 *
 * The lock file names its holder. A holder that no longer runs (killed, crashed, a reboot) leaves
 * a stale lock, which the next process takes over, saying so.
 */

interface Holder {
  pid: number;
  host: string;
  /** The kernel's boot id: a lock written before a reboot is stale whatever its pid. */
  bootId?: string;
  /** The holder's start time in clock ticks since boot: tells a reused pid from the holder. */
  startTicks?: number;
  since: string;
  /** Tells this lock from an earlier one of the same process. */
  token: string;
}

export class DataDirLockedError extends Error {
  readonly code = "EDATADIRLOCKED";
  constructor(
    readonly dataDir: string,
    readonly holder: { pid: number; host: string; since?: string } | undefined,
    detail?: string,
  ) {
    super(
      detail ??
        `The database directory ${dataDir} is in use by process ${holder?.pid ?? "?"}` +
          `${holder && holder.host !== hostname() ? ` on ${holder.host}` : ""}` +
          `${holder?.since ? ` (since ${holder.since})` : ""}. PGlite is one process's database: stop that ` +
          "process first, or give this one another DATA_DIR.",
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** Lock files this process holds, released when it exits however it exits. */
const held = new Map<string, string>();
process.once("exit", () => {
  for (const [file, token] of held) removeIfOurs(file, token);
});

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/**
 * Takes the lock on `dataDir` or throws DataDirLockedError naming the holder. `log` hears about a
 * stale lock taken over.
 */
export function lockDataDir(dataDir: string, log: (message: string) => void = console.warn): DataDirLock {
  const dir = path.resolve(dataDir);
  const file = lockFileOf(dir);
  if (held.has(file)) {
    throw new DataDirLockedError(dir, undefined, `The database directory ${dir} is already open in this process.`);
  }
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    bootId: bootId(),
    startTicks: startTicks(process.pid),
    since: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  // A few rounds: a stale lock taken over, or a holder that let go while we looked, means trying again.
  for (let round = 0; round < 5; round++) {
    if (create(file, me)) {
      held.set(file, me.token);
      return {
        file,
        release() {
          if (held.get(file) !== me.token) return;
          held.delete(file);
          removeIfOurs(file, me.token);
        },
      };
    }
    const holder = read(file);
    if (holder === "missing") continue;
    if (holder !== "unreadable" && running(holder)) throw new DataDirLockedError(dir, holder);
    // Stale. Move it aside (one atomic step, so two processes cannot both take it over), then check
    // that what was moved is the stale lock and not one another process took in the meantime.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = read(aside);
    if (moved !== "missing" && moved !== "unreadable" && (holder === "unreadable" || moved.token !== holder.token)) {
      if (running(moved)) {
        // Someone else's fresh lock: put it back where it was.
        try {
          linkSync(aside, file);
        } catch {
          // A third process took the lock meanwhile; the moved one's holder will find it gone.
        }
        unlinkSync(aside);
        throw new DataDirLockedError(dir, moved);
      }
    }
    unlinkSync(aside);
    log(
      holder === "unreadable"
        ? `Took over the lock on ${dir}: its lock file could not be read.`
        : `Took over the lock on ${dir} from process ${holder.pid} (since ${holder.since}), which is no longer running.`,
    );
  }
  throw new DataDirLockedError(
    dir,
    undefined,
    `Could not lock the database directory ${dir}: its lock keeps changing.`,
  );
}

/**
 * Creates the lock file complete or not at all: written under a name of our own, then linked into
 * place (a link fails if the name exists), so no one ever reads a half-written lock.
 */
function create(file: string, me: Holder): boolean {
  const content = JSON.stringify(me) + "\n";
  const own = `${file}.${process.pid}.${me.token}`;
  writeFileSync(own, content, { mode: 0o644 });
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // Some file systems have no hard links: create the file exclusively instead.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    return createExclusively(file, content);
  } finally {
    unlinkSync(own);
  }
}

function createExclusively(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function read(file: string): Holder | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.token === "string" ? holder : "unreadable";
  } catch {
    return "unreadable";
  }
}

function removeIfOurs(file: string, token: string) {
  try {
    const holder = read(file);
    if (typeof holder === "object" && holder.token === token) unlinkSync(file);
  } catch {
    // Exiting anyway: a lock left behind is stale and the next process takes it over.
  }
}

/** Whether the lock's holder still runs. A holder on another host is assumed to: we cannot tell. */
function running(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  // Our own pid on a lock we do not hold: a previous process that had the same pid (in a container
  // the app is often pid 1 every time).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const ticks = startTicks(holder.pid);
  return holder.startTicks === undefined || ticks === undefined || ticks === holder.startTicks;
}

function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}
