import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { env } from "../app/env.server";
import { endAllSessions } from "../app/models/session.server";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { lockDataDir } from "../db/data-dir-lock";
import { CommandError, explainLock, fail, fileArgument, fileKind, runPgTool } from "./backup-tools";

// npm run db:restore -- <file>: replaces the configured database with a copy written by db:backup,
// brings it up to this version's migrations and ends every session in it (sessions must not
// outlive the data they were opened against), which the audit log records.
// PostgreSQL: pg_restore into DATABASE_URL's database, in one transaction (all or nothing).
// PGlite: the copy is loaded beside DATA_DIR and swapped in only once complete; refused while the
// app (or anything else) has DATA_DIR open.
const file = fileArgument("db:restore");
const kind = fileKind(file);

try {
  if (env.DATABASE_URL) {
    if (kind !== "pg_dump") fail(`${file} is not a pg_dump archive (custom format) written by db:backup.`);
    await restorePostgres(env.DATABASE_URL);
  } else {
    if (kind !== "tarball") fail(`${file} is not a PGlite backup (a tarball written by db:backup).`);
    await restorePglite(env.DATA_DIR);
  }
} catch (error) {
  if (error instanceof CommandError) fail(error.message);
  throw error;
}

async function restorePostgres(url: string) {
  // --clean --if-exists drops what the archive holds before recreating it; --single-transaction
  // with --exit-on-error makes the restore all or nothing; --no-owner lets another role restore.
  await runPgTool("pg_restore", url, [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    "--exit-on-error",
    file,
  ]);
  const handle = await openDatabase({ url, dataDir: "", maxConnections: 1 });
  await finish(handle, `PostgreSQL database ${new URL(url).pathname.slice(1)}`);
}

async function restorePglite(dataDir: string) {
  const dir = path.resolve(dataDir);
  // Held from start to end: no app starts on the directory half-way, and none has it open now.
  let lock;
  try {
    lock = lockDataDir(dir);
  } catch (error) {
    explainLock(error, "restored");
  }
  const incoming = `${dir}.restoring-${process.pid}`;
  const outgoing = `${dir}.replaced-${process.pid}`;
  try {
    rmSync(incoming, { recursive: true, force: true });
    await finish(await openDatabase({ dataDir: incoming, loadDump: file }), `PGlite database in ${dir}`, () => {
      // Swapped only now that the copy is loaded, migrated and closed: a failure before this
      // leaves DATA_DIR as it was.
      if (existsSync(dir)) renameSync(dir, outgoing);
      try {
        renameSync(incoming, dir);
      } catch (error) {
        if (existsSync(outgoing)) renameSync(outgoing, dir);
        throw error;
      }
      rmSync(outgoing, { recursive: true, force: true });
    });
  } finally {
    rmSync(incoming, { recursive: true, force: true });
    lock.release();
  }
}

/** Migrates the restored copy, ends its sessions, closes it, then runs `done` and says what happened. */
async function finish(handle: DatabaseHandle, what: string, done?: () => void) {
  let ended: number;
  try {
    await handle.migrate();
    ended = await endAllSessions(handle.db, { label: "cli" }, "restored from a backup");
  } finally {
    await handle.close();
  }
  done?.();
  console.log(`Restored the ${what} from ${file}; ${ended} session${ended === 1 ? "" : "s"} ended.`);
}
