import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DataDirLockedError } from "../db/data-dir-lock";

/** What db:backup and db:restore share: the file argument, the PostgreSQL tools, the messages. */

/** The one file argument: `npm run db:backup -- <file>`. */
export function fileArgument(command: string): string {
  const { positionals } = parseArgs({ allowPositionals: true });
  if (positionals.length !== 1) {
    console.error(`Usage: npm run ${command} -- <file>`);
    process.exit(2);
  }
  return path.resolve(positionals[0]!);
}

/** A failure whose message says it all (a tool missing or failing): shown without a stack. */
export class CommandError extends Error {}

/** A failure the user can act on: its message alone, no stack, exit code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A locked PGlite directory means the app (or another tool) has it open: say what to do. */
export function explainLock(error: unknown, doing: string): never {
  if (error instanceof DataDirLockedError) {
    fail(`${error.message}\nStop the app first: PGlite cannot be ${doing} while another process has it open.`);
  }
  throw error;
}

/** The first bytes of a file, to tell a pg_dump archive from a PGlite tarball. */
export function fileKind(file: string): "pg_dump" | "tarball" | "unknown" {
  if (!existsSync(file)) fail(`${file} does not exist.`);
  const head = Buffer.alloc(512);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
  if ((head[0] === 0x1f && head[1] === 0x8b) || head.subarray(257, 262).toString("latin1") === "ustar")
    return "tarball";
  return "unknown";
}

/**
 * pg_dump and pg_restore take the database as a connection URI; its password goes through the
 * environment instead, so it never shows in the process list.
 */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs pg_dump or pg_restore on DATABASE_URL's database, its output passed through. */
export function runPgTool(tool: "pg_dump" | "pg_restore", databaseUrl: string, args: string[]): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${dbname}`], { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new CommandError(
              `${tool} was not found on the PATH. Install the PostgreSQL client tools of the server's major ` +
                "version (Debian: apt install postgresql-client-<major>).",
            )
          : error,
      ),
    );
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new CommandError(`${tool} failed (${signal ?? `exit code ${code}`}); see above.`)),
    );
  });
}
