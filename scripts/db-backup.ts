import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { env } from "../app/env.server";
import { openDatabase } from "../db/client";
import { CommandError, explainLock, fail, fileArgument, runPgTool } from "./backup-tools";

// npm run db:backup -- <file>: a consistent copy of the configured database in one file.
// PostgreSQL: pg_dump's custom format (pg_dump of the server's major version or newer on the PATH).
// PGlite: a gzipped tarball of the data directory, taken while no other process has it open.
// db:restore reads either back.
const file = fileArgument("db:backup");
// Written beside the target and renamed when complete, so a failed backup never leaves a file
// that looks like a good one (or replaces a good one with half of another).
const partial = `${file}.partial`;

try {
  if (env.DATABASE_URL) {
    // pg_dump reads one snapshot: the copy is consistent while the app keeps serving.
    await runPgTool("pg_dump", env.DATABASE_URL, ["--format=custom", `--file=${partial}`]);
  } else {
    await backUpPglite(env.DATA_DIR);
  }
  renameSync(partial, file);
} catch (error) {
  rmSync(partial, { force: true });
  if (error instanceof CommandError) fail(error.message);
  throw error;
}
console.log(`Backed up the ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"} database to ${file} (${size(file)}).`);

async function backUpPglite(dataDir: string) {
  // Opening a directory that is not there would create an empty database and back that up.
  if (!existsSync(dataDir)) fail(`There is no PGlite database in ${dataDir} (DATA_DIR) to back up.`);
  // Opening takes the directory's lock: the app must not be writing while the copy is taken.
  const handle = await openDatabase({ dataDir }).catch((error) => explainLock(error, "backed up"));
  try {
    await handle.dump(partial, { gzip: true });
  } finally {
    await handle.close();
  }
}

function size(path: string) {
  const bytes = statSync(path).size;
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
