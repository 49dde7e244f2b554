import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { createSession, deleteSession, deleteUserSessions, findSessionUser } from "../../app/models/session.server";
import { dataVersion } from "../../app/models/data-version.server";
import { recordAudit } from "../../app/models/audit.server";
import { clearRateLimit, hitRateLimit, releaseRateLimit } from "../../app/models/rate-limit.server";
import { makeUser } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("sessions and rate limits on %s", (driver) => {
  let test: TestDatabase;
  let userId: number;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    userId = (await makeUser(test.db, { email: "rina@example.org" })).id;
  });
  afterAll(() => test.close());

  it("stores only a hash of the token", async () => {
    const { token } = await createSession(test.db, userId, { ipAddress: "127.0.0.1" });
    const rows = await test.db.select().from(t.sessions).where(eq(t.sessions.userId, userId));
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(await findSessionUser(test.db, token)).toMatchObject({ email: "rina@example.org", role: "viewer" });
    expect(await findSessionUser(test.db, token + "x")).toBeNull();
  });

  it("reads where the data stands with the session, as the data version does, and follows a change", async () => {
    const { token } = await createSession(test.db, userId, {});
    const before = await findSessionUser(test.db, token);
    expect(before!.dataVersion).toEqual(await dataVersion(test.db));
    await recordAudit(test.db, { actor: { userId }, action: "update", entityType: "user", entityId: userId });
    const after = await findSessionUser(test.db, token);
    expect(after!.dataVersion).toEqual(await dataVersion(test.db));
    expect(after!.dataVersion).not.toEqual(before!.dataVersion);
  });

  it("does not accept an expired session", async () => {
    const { token } = await createSession(test.db, userId, {});
    await test.db.update(t.sessions).set({ expiresAt: sql`now() - interval '1 minute'` });
    expect(await findSessionUser(test.db, token)).toBeNull();
  });

  it("ends one session on sign-out and all on revocation", async () => {
    const a = await createSession(test.db, userId, {});
    const b = await createSession(test.db, userId, {});
    await deleteSession(test.db, a.token);
    expect(await findSessionUser(test.db, a.token)).toBeNull();
    expect(await findSessionUser(test.db, b.token)).not.toBeNull();
    await deleteUserSessions(test.db, { userId }, userId);
    expect(await findSessionUser(test.db, b.token)).toBeNull();
  });

  it("counts attempts in a window shared through the database", async () => {
    const key = "login:account:rina@example.org";
    // Parallel hits are counted one by one: no two see the same count.
    const counts = await Promise.all(Array.from({ length: 5 }, () => hitRateLimit(test.db, key, 60_000)));
    expect(counts.map((c) => c.count).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(counts[0]!.resetAt.getTime()).toBeGreaterThan(Date.now());
    await releaseRateLimit(test.db, key);
    expect((await hitRateLimit(test.db, key, 60_000)).count).toBe(5);
    // Once the window has passed, counting starts again.
    await test.db.update(t.rateLimits).set({ resetAt: sql`now() - interval '1 second'` });
    expect((await hitRateLimit(test.db, key, 60_000)).count).toBe(1);
    await clearRateLimit(test.db, key);
    expect(await test.db.select().from(t.rateLimits)).toEqual([]);
  });
});
