import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv } from "./child-env";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs `npm run <script> -- <args>` from the repository as a user would, with the given
 * environment on top of this process's (less DATABASE_URL, which each call names if it wants one,
 * and Resend's key and address: see child-env.ts).
 */
export function npmRun(script: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
      cwd: root,
      env: childEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.once("exit", (code) => resolve({ code, output }));
  });
}
