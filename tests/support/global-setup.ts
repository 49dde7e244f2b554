import type { TestProject } from "vitest/node";
import { prepareTemplates } from "./test-database";

/**
 * vitest's globalSetup: migrates the databases that every integration test file copies, once per
 * run (see test-database.ts), and removes them when the run ends.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const { templates, cleanUp } = await prepareTemplates();
  if (process.env.TEST_DB_TIMING) {
    console.log(`[test-database] templates ready in ${Math.round(performance.now() - started)} ms`);
  }
  project.provide("testTemplates", templates);
  return cleanUp;
}
