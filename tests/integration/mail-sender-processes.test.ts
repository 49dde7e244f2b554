import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { openDatabase } from "../../db/client";
import { auditLog, mailOutbox } from "../../db/schema";
import { sendDueMail } from "../../app/mail/sender.server";
import { createUser } from "../../app/models/user.server";
import { childEnv } from "../support/child-env";
import { fetchSignIn } from "../support/http";
import { at, outboxRows, queueTestMail } from "../support/mail-outbox";
import { startResendStandIn, type StandIn } from "../support/resend-stand-in";
import { startBuiltServer } from "../support/server-process";
import { createServerDatabase, drivers } from "../support/test-database";

// The sender in processes of its own, on a database they share: a sender killed mid-send, the
// server's own worker, and an admin's retry over HTTP. Runs the production build (npm run build).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const root = path.resolve(import.meta.dirname, "../..");
const from = "Jembatan <noreply@example.org>";
const minute = 60_000;

describe.each(drivers)("the mail sender on %s", (driver) => {
  let stand: StandIn;
  let client: Resend;
  beforeEach(async () => {
    stand = await startResendStandIn();
    client = new Resend(stand.key, { baseUrl: stand.url });
  });
  afterEach(() => stand.close());

  describe("in processes of their own", () => {
    const work = mkdtempSync(path.join(tmpdir(), "jembatan-mail-"));
    let where: { DATABASE_URL?: string; DATA_DIR: string };
    let dropServerDatabase: (() => Promise<void>) | undefined;
    const openWhere = () => openDatabase({ url: where.DATABASE_URL, dataDir: where.DATA_DIR, maxConnections: 2 });
    beforeAll(async () => {
      // A database of its own that a second process can open: a PGlite directory, or a server database.
      if (driver === "pglite") {
        where = { DATA_DIR: path.join(work, "db") };
        await (await openDatabase({ dataDir: where.DATA_DIR, loadDump: inject("testTemplates").pgliteDump })).close();
      } else {
        const database = await createServerDatabase({ template: inject("testTemplates").postgresTemplate });
        where = { DATABASE_URL: database.url, DATA_DIR: path.join(work, "unused") };
        dropServerDatabase = database.drop;
      }
    });
    afterAll(async () => {
      await dropServerDatabase?.();
      rmSync(work, { recursive: true, force: true });
    });

    it("a sender killed mid-send: its rows are reclaimed after their lease, and each is delivered exactly once", async () => {
      let handle = await openWhere();
      const ids = await queueTestMail(handle.db, 3, "Reclaimed");
      // PGlite is one process's database: the sender process needs it to itself.
      if (driver === "pglite") await handle.close();

      stand.hangNext(1, { accept: true });
      // --import tsx: one process, which SIGKILL ends outright (tsx's CLI would run it in a child).
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/mail-send.ts"], {
        cwd: root,
        env: childEnv({ ...where, RESEND_API_KEY: stand.key, RESEND_BASE_URL: stand.url, MAIL_FROM: from }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_code, signal) => resolve(signal)),
      );
      await Promise.race([
        stand.waitForRequests(1, 90_000),
        exited.then(() => Promise.reject(new Error(`the sender exited before sending:\n${output}`))),
      ]);
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");

      if (driver === "pglite") handle = await openWhere();
      try {
        // The first message reached the provider, but its sender died before hearing back.
        expect(stand.deliveries).toHaveLength(1);
        expect((await outboxRows(handle.db)).map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sending", 1]));
        // Within the lease nobody takes them over.
        expect(await sendDueMail(handle.db, { client, from })).toMatchObject({ claimed: 0 });

        const report = await sendDueMail(handle.db, { client, from, now: at(new Date(), 6 * minute) });
        expect(report).toMatchObject({ claimed: 3, sent: 3 });
        const rows = await outboxRows(handle.db);
        expect(rows.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["sent", 2]));
        // Four requests, three deliveries: the first message's second request was the same key.
        expect(stand.requests.map((r) => r.idempotencyKey)).toEqual([ids[0], ...ids].map((id) => `outbox/${id}`));
        expect(stand.deliveries.map((d) => d.idempotencyKey)).toEqual(ids.map((id) => `outbox/${id}`));
        expect(rows.map((r) => r.providerMessageId)).toEqual(stand.deliveries.map((d) => d.id));
      } finally {
        await handle.close();
      }
    });

    it("the server's own worker sends what is queued, and stops cleanly on SIGTERM", async () => {
      let handle = await openWhere();
      const ids = await queueTestMail(handle.db, 2, "From the server");
      if (driver === "pglite") await handle.close();
      const server = await startBuiltServer({
        ...where,
        RESEND_API_KEY: stand.key,
        RESEND_BASE_URL: stand.url,
        MAIL_FROM: from,
        MAIL_SEND_INTERVAL_SECONDS: "0.2",
      });
      try {
        await stand.waitForRequests(2, 60_000);
        expect(stand.deliveries.map((d) => d.idempotencyKey)).toEqual(ids.map((id) => `outbox/${id}`));
        expect(stand.deliveries[0]!.body).toMatchObject({ from, subject: "From the server 1" });
      } finally {
        expect((await server.stop("SIGTERM")).code).toBe(0);
      }
      if (driver === "pglite") handle = await openWhere();
      try {
        const rows = (await outboxRows(handle.db)).filter((r) => ids.includes(r.id));
        expect(rows.map((r) => [r.status, r.providerMessageId])).toEqual(stand.deliveries.map((d) => ["sent", d.id]));
      } finally {
        await handle.close();
      }
    });

    it("an admin sends a failed message again with a plain form post; one that has not failed is refused (409); a key in the shell sends nothing", async () => {
      let handle = await openWhere();
      const email = `mail-admin-${driver}@example.org`;
      const password = "a long enough password";
      await createUser(handle.db, { label: "cli" }, { email, name: "Mail Admin", role: "admin", password });
      const [failed, queued] = await queueTestMail(handle.db, 2, "Retry");
      await handle.db
        .update(mailOutbox)
        .set({ status: "failed", attempts: 1, lastError: "422 validation_error: no" })
        .where(eq(mailOutbox.id, failed!));
      if (driver === "pglite") await handle.close();
      // A developer's own key in the shell never reaches a server a test starts: its sender has no
      // key, so it leaves the messages queued, to be seen, and the provider hears nothing.
      const shell = { RESEND_API_KEY: process.env.RESEND_API_KEY, RESEND_BASE_URL: process.env.RESEND_BASE_URL };
      Object.assign(process.env, { RESEND_API_KEY: stand.key, RESEND_BASE_URL: stand.url });
      const server = await startBuiltServer({ ...where, MAIL_SEND_INTERVAL_SECONDS: "0.2" }).finally(() => {
        for (const [name, value] of Object.entries(shell)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      });
      try {
        const cookie = await fetchSignIn(server.url, email, password);
        const post = (id: number, language = "en") =>
          fetch(`${server.url}/admin/mail/${id}`, {
            method: "POST",
            body: new URLSearchParams({ intent: "retry" }),
            headers: { Origin: server.url, Cookie: cookie, "Accept-Language": language },
            redirect: "manual",
          });
        const retried = await post(failed!);
        expect(retried.status).toBe(302);
        expect(retried.headers.get("location")).toBe(`/admin/mail/${failed}`);
        const refused = await post(queued!);
        expect(refused.status).toBe(409);
        expect(await refused.text()).toContain("Only a message that failed can be sent again.");
        const refusedId = await post(queued!, "id");
        expect(await refusedId.text()).toContain("Hanya pesan yang gagal yang dapat dikirim ulang.");
      } finally {
        expect((await server.stop("SIGTERM")).code).toBe(0);
      }
      if (driver === "pglite") handle = await openWhere();
      try {
        const rows = (await outboxRows(handle.db)).filter((r) => r.id === failed || r.id === queued);
        expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
          ["queued", 0, null],
          ["queued", 0, null],
        ]);
        const audit = await handle.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityType, "mail"), eq(auditLog.action, "retry")));
        expect(audit.map((a) => a.entityId)).toEqual([String(failed)]);
        expect(stand.requests, "requests that reached the provider").toEqual([]);
      } finally {
        await handle.close();
      }
    });
  });
});
