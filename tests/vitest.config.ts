import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Migrates once per run the databases each integration file starts from a copy of.
    globalSetup: ["tests/support/global-setup.ts"],
    // Sized for a shared 2-core machine that is also running builds and browsers: PGlite start-up,
    // seeding and scrypt can take many times their usual seconds there. A real hang still ends.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
