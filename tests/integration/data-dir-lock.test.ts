import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { openDatabase } from "../../db/client";
import { lockFileOf } from "../../db/data-dir-lock";
import { npmRun } from "../support/npm-run";

// PGlite is one process's database: the first process to open a directory locks it for its life
// (db/data-dir-lock.ts). Shown here with real processes: a second one is refused, the lock goes
// with a process that exits, and the stale lock of a killed one is taken over.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "jembatan-lock-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A process that opens `dataDir` through openDatabase and holds it (tests/support/open-data-dir.ts). */
interface Opener {
  child: ChildProcess;
  output(): string;
  /** Resolves with the pid that opened the directory, or rejects with the output if it exited. */
  opened: Promise<number>;
  exited: Promise<number | null>;
}

function openInAnotherProcess(dataDir: string): Opener {
  // --import tsx: one process (tsx's CLI would put the script in a child, out of reach of signals).
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/open-data-dir.ts", dataDir], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const opened = new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d;
      const match = /opened by (\d+)/.exec(log);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${log}`)));
  });
  opened.catch(() => {});
  return { child, output: () => log, opened, exited };
}

describe("the lock on a PGlite directory", () => {
  const dataDir = path.join(work, "locked", "db");
  const openers: Opener[] = [];
  const open = (dir = dataDir) => {
    const opener = openInAnotherProcess(dir);
    openers.push(opener);
    return opener;
  };
  // A migrated copy, not an empty directory: initdb in every opener would take most of the time.
  beforeAll(async () => {
    await (await openDatabase({ dataDir, loadDump: inject("testTemplates").pgliteDump })).close();
  });
  afterAll(() => {
    for (const { child } of openers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("refuses a second process, naming the directory and the holder's pid", async () => {
    const first = open();
    const holder = await first.opened;
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).pid).toBe(holder);

    const second = open();
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`The database directory ${dataDir} is in use by process ${holder}`);
    expect(second.output()).not.toContain("opened by");
    // The refused process left the holder's lock alone.
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).pid).toBe(holder);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(existsSync(lockFileOf(dataDir)), "released on exit").toBe(false);
  });

  it("takes over the stale lock of a process that was killed, and says so", async () => {
    const killed = open();
    const pid = await killed.opened;
    killed.child.kill("SIGKILL");
    await killed.exited;
    expect(existsSync(lockFileOf(dataDir)), "a killed process cannot let go").toBe(true);

    const next = open();
    const holder = await next.opened;
    expect(next.output()).toContain(`Took over the lock on ${dataDir} from process ${pid}`);
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).pid).toBe(holder);
    // Letting go on a clean exit is the test above; this holder is only cleared away.
    next.child.kill("SIGKILL");
    await next.exited;
  });

  it("refuses a backup and a restore while the directory is open", async () => {
    const holder = open();
    const pid = await holder.opened;
    const file = path.join(work, "locked.tar.gz");
    for (const script of ["db:backup", "db:restore"]) {
      // A restore checks the file before the lock: give it a real tarball, the template.
      const arg = script === "db:restore" ? inject("testTemplates").pgliteDump! : file;
      const { code, output } = await npmRun(script, [arg], { DATA_DIR: dataDir });
      expect(code, output).toBe(1);
      expect(output).toContain(`is in use by process ${pid}`);
      expect(output).toContain("Stop the app first");
    }
    expect(existsSync(file)).toBe(false);
    holder.child.kill("SIGKILL");
    await holder.exited;
  });
});
