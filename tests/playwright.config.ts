import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { freePortSync } from "./support/server-process";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");

/**
 * A free port, chosen once per run: the machines are shared, so no fixed port. It is kept in the
 * environment: worker processes evaluate this file again and inherit the environment, so they see
 * the same port as the web server.
 */
process.env.E2E_PORT ||= String(freePortSync());
const port = process.env.E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_OUTPUT_DIR ||= path.join(repoRoot, "test-results", `e2e-${port}`);
const outputDir = process.env.E2E_OUTPUT_DIR;
// Where the web server leaves the sessions it minted for the tests (tests/support/session-pool.ts):
// beside the output directory, which Playwright empties when the run starts.
process.env.E2E_SESSIONS_FILE ||= `${outputDir}-sessions.json`;
const sessionsFile = process.env.E2E_SESSIONS_FILE;

// Debian's Chromium when it is there (no downloads on these machines); otherwise Playwright's own.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "./e2e",
  // One per run, in the git-ignored test-results/: Playwright empties its output directory when a
  // run starts, so a directory shared by concurrent runs would lose the other run's traces.
  outputDir,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: "list",
  // Generous: the machines have 2 cores, are shared and often busy, and a run has two browsers, the
  // server and PostgreSQL on them. The longest tests took close to 40 s on such a machine.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx tests/e2e/server.ts",
    cwd: repoRoot,
    url: `${baseURL}/healthz`,
    // Copying the build, then migrating and seeding a database, on a busy machine.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Not the default SIGKILL: the script must stop the app and drop its database or data directory.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_PORT: port, E2E_SESSIONS_FILE: sessionsFile },
  },
});
