import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { inject } from "vitest";
import * as t from "../../db/schema";
import { openDatabase, type Database, type DatabaseDriver } from "../../db/client";
import { createSession } from "../../app/models/session.server";
import { seedIfEmpty } from "../../app/seed/seed-content.server";
import { sessionCookieHeader } from "./minted-sessions";
import { startBuiltServer, type RunningServer } from "./server-process";
import { createServerDatabase, type ServerDatabase } from "./test-database";

const roles = ["editor", "viewer"] as const;

/**
 * The production build serving a database of its own, seeded with the demo content, and the demo
 * editor's and viewer's sessions minted for it: for tests that speak HTTP to the whole app. On
 * "pglite" the database is a temporary directory; on "postgres" a copy of the migrated template on
 * DATABASE_URL's server. `start(prepare)` lets the test write what it needs before the server
 * opens the database (PGlite is one process's); call it in beforeAll and `stop` in afterAll.
 */
export function seededServer(driver: DatabaseDriver, name: string) {
  const secret = `${name}-test-session-secret-0123456789abcdef`;
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), `jembatan-${name}-`)), "db");
  let database: ServerDatabase | undefined;
  let server: RunningServer | undefined;
  const cookies = { editor: "", viewer: "" };
  const users = { editor: 0, viewer: 0 };

  return {
    /** `Cookie` headers of the demo editor's and viewer's sessions. */
    cookies,
    users,
    get url() {
      if (!server) throw new Error("the server has not started");
      return server.url;
    },
    /** Opens the database while the server is not running. */
    open() {
      return database ? openDatabase({ url: database.url, dataDir: "", maxConnections: 2 }) : openDatabase({ dataDir });
    },
    /** Opens the database from the test: on PGlite, one process's database, the server stops first. */
    async openBeside() {
      if (!database) await server?.stop();
      return this.open();
    },
    async start(prepare?: (db: Database) => Promise<void>) {
      const template = driver === "postgres" ? inject("testTemplates").postgresTemplate : undefined;
      if (driver === "postgres")
        database = await createServerDatabase({ prefix: `jembatan_${name.replaceAll("-", "_")}`, template });
      const handle = await this.open();
      try {
        if (!template) await handle.migrate();
        await seedIfEmpty(handle.db, { demo: true });
        for (const role of roles) {
          const [user] = await handle.db
            .select()
            .from(t.users)
            .where(eq(t.users.email, `${role}@example.org`));
          users[role] = user!.id;
          cookies[role] = await sessionCookieHeader(secret, (await createSession(handle.db, user!.id, {})).token);
        }
        await prepare?.(handle.db);
      } finally {
        await handle.close();
      }
      server = await startBuiltServer({
        ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }),
        SESSION_SECRET: secret,
        WEB_CONCURRENCY: "1",
      });
    },
    async stop() {
      await server?.stop("SIGKILL");
      await database?.drop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
