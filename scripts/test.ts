/**
 * `npm test`: every check, in order, each as its own npm script with its output streamed:
 *
 *   typecheck → lint → build → test:unit (vitest) → test:e2e (Playwright)
 *
 * It stops at the first stage that fails (and exits with that stage's exit code), and ends with a
 * table of how long each stage took and how it ended, plus the total.
 *
 * TEST_SKIP leaves stages out: a comma- or space-separated list of their names, e.g.
 * `TEST_SKIP=lint npm test`, or `TEST_SKIP=typecheck,lint,build npm test` to run only the tests
 * against an existing build. Skipped stages show as such in the table.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";

const stages = ["typecheck", "lint", "build", "test:unit", "test:e2e"] as const;
type Stage = (typeof stages)[number];

const skip = new Set((process.env.TEST_SKIP ?? "").split(/[\s,]+/).filter(Boolean));
const unknown = [...skip].filter((name) => !stages.includes(name as Stage));
if (unknown.length) {
  console.error(`TEST_SKIP names no stage ${unknown.join(", ")}; the stages are ${stages.join(", ")}`);
  process.exit(2);
}

interface Outcome {
  stage: Stage;
  result: "passed" | "failed" | "skipped" | "not run";
  seconds?: number;
  code?: number;
}

let child: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    interrupted ??= signal;
    // The stage runs in a process group of its own: stop all of it, not only npm (whose shell would
    // leave the command it runs behind).
    if (child?.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  });
}

function run(stage: Stage): Promise<number> {
  return new Promise((resolve) => {
    child = spawn("npm", ["run", stage], { stdio: "inherit", detached: true });
    child.once("error", (error) => {
      console.error(`could not start npm run ${stage}:`, error);
      resolve(127);
    });
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

const outcomes: Outcome[] = [];
const started = performance.now();
let exitCode = 0;
for (const stage of stages) {
  if (exitCode !== 0 || interrupted) {
    outcomes.push({ stage, result: "not run" });
    continue;
  }
  if (skip.has(stage)) {
    outcomes.push({ stage, result: "skipped" });
    continue;
  }
  console.log(`\n▶ npm run ${stage}\n`);
  const stageStarted = performance.now();
  const code = await run(stage);
  child = undefined;
  const seconds = (performance.now() - stageStarted) / 1000;
  outcomes.push({ stage, result: code === 0 && !interrupted ? "passed" : "failed", seconds, code });
  if (code !== 0 || interrupted) exitCode = code || 1;
}
const total = (performance.now() - started) / 1000;

const rows = [
  ["stage", "seconds", "result"],
  ...outcomes.map((o) => [
    o.stage,
    o.seconds === undefined ? "-" : o.seconds.toFixed(1),
    o.result === "failed" ? `failed (exit ${o.code})` : o.result,
  ]),
  ["total", total.toFixed(1), exitCode === 0 ? "passed" : interrupted ? `stopped (${interrupted})` : "failed"],
];
const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
const line = (row: string[]) => `${row[0]!.padEnd(width[0]!)}  ${row[1]!.padStart(width[1]!)}  ${row[2]}`;
console.log(`\n${line(rows[0]!)}\n${"-".repeat(width[0]! + width[1]! + width[2]! + 4)}`);
for (const row of rows.slice(1, -1)) console.log(line(row));
console.log(`${"-".repeat(width[0]! + width[1]! + width[2]! + 4)}\n${line(rows.at(-1)!)}`);
process.exit(exitCode);
