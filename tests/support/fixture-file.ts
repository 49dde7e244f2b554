// A browser test file with its own server: the database `fill` prepares through the models, an
// editor and a viewer of the file's own, and browser contexts signed in as either.
import type { Browser, BrowserContextOptions } from "@playwright/test";
import type { Database } from "../../db/client";
import { addSession, installHydrationProbe, test, uniqueSuffix } from "../e2e/fixtures";
import { startFixtureServer } from "./fixture-server";
import { makeUser } from "./model-factories";
import type { RunningServer } from "./server-process";

export type FixtureAccount = { email: string; password: string };

/**
 * Starts the file's server before its tests (serially: they share the records) and stops it after.
 * Call at the top of a spec; `signedIn` opens a context on it as the editor or the viewer.
 */
export function fixtureFile(prefix: string, fill: (db: Database) => Promise<void>) {
  const password = "a long enough password";
  const editor: FixtureAccount = { email: `${prefix}-editor-${uniqueSuffix()}@example.org`, password };
  const viewer: FixtureAccount = { email: `${prefix}-viewer-${uniqueSuffix()}@example.org`, password };
  let running: { server: RunningServer; stop: () => Promise<void> } | undefined;

  test.describe.configure({ mode: "serial" });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    running = await startFixtureServer(prefix, async (db) => {
      await fill(db);
      await makeUser(db, { ...editor, role: "editor" });
      await makeUser(db, { ...viewer, role: "viewer" });
    });
  });
  test.afterAll(async () => {
    await running?.stop();
  });

  return {
    editor,
    viewer,
    async signedIn(browser: Browser, who: FixtureAccount, options: BrowserContextOptions = {}) {
      const url = running!.server.url;
      const context = await browser.newContext({ baseURL: url, locale: "en-GB", ...options });
      await installHydrationProbe(context);
      await addSession(context, url, who);
      return { context, page: await context.newPage() };
    },
  };
}
