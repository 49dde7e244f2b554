import { desc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { hashPassword, verifyPassword } from "../../app/lib/password.server";
import { completeSignIn } from "../../app/models/sign-in.server";
import { createSession, findSessionUser } from "../../app/models/session.server";
import { hitRateLimit } from "../../app/models/rate-limit.server";
import { verifyLogin } from "../../app/models/user-passwords.server";
import { createUser } from "../../app/models/user.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const password = "a long enough password";

describe.each(drivers)("signing in on %s", (driver) => {
  let test: TestDatabase;
  let userId: number;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    const user = await createUser(
      test.db,
      { label: "cli" },
      { email: "sari@example.org", name: "Sari", role: "viewer", password },
    );
    userId = user.id;
  });
  afterAll(() => test.close());

  const rateLimit = { accountKey: "login:account:sari@example.org", addressKey: "login:address:127.0.0.1" };

  it("rehashes a password hashed with N=2^15 at N=2^17, in the sign-in's transaction, audited without the hash", async () => {
    const old = await hashPassword(password, { N: 2 ** 15, r: 8, p: 1 });
    await test.db.update(t.users).set({ passwordHash: old }).where(eq(t.users.id, userId));
    const [{ version } = { version: 0 }] = await test.db
      .select({ version: t.users.version })
      .from(t.users)
      .where(eq(t.users.id, userId));
    const previous = await createSession(test.db, userId, {});
    await hitRateLimit(test.db, rateLimit.accountKey, 60_000);
    const [mark] = await test.db.select({ id: t.auditLog.id }).from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1);

    const user = (await verifyLogin(test.db, "sari@example.org", password))!;
    expect(user).not.toBeNull();
    const { token } = await completeSignIn(test.db, {
      user,
      password,
      previousToken: previous.token,
      rateLimit,
      meta: { ipAddress: "127.0.0.1" },
    });

    const [after] = await test.db.select().from(t.users).where(eq(t.users.id, userId));
    expect(after!.passwordHash.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword(password, after!.passwordHash)).toBe(true);
    // Nothing a form shows changed, so an admin's open form of this user stays current.
    expect(after!.version).toBe(version);
    // The sign-in's other writes, in the same transaction.
    expect(await findSessionUser(test.db, token)).toMatchObject({ id: userId });
    expect(await findSessionUser(test.db, previous.token)).toBeNull();
    expect(await test.db.select().from(t.rateLimits).where(eq(t.rateLimits.key, rateLimit.accountKey))).toEqual([]);

    const rows = await test.db
      .select()
      .from(t.auditLog)
      .where(gt(t.auditLog.id, mark?.id ?? 0));
    const rehash = rows.filter((r) => r.action === "rehash_password");
    expect(rehash).toHaveLength(1);
    expect(rehash[0]).toMatchObject({ actorId: userId, entityType: "user", entityId: String(userId) });
    expect(rehash[0]!.before).toEqual({ hash: { algorithm: "scrypt", N: 32768, r: 8, p: 1 } });
    expect(rehash[0]!.after).toEqual({ hash: { algorithm: "scrypt", N: 131072, r: 8, p: 1 } });
    expect(JSON.stringify(rehash)).not.toContain(after!.passwordHash.split("$")[5]);
    expect(JSON.stringify(rehash)).not.toContain(old.split("$")[5]);
  });

  it("leaves a current hash alone, writing no audit row", async () => {
    const [before] = await test.db.select().from(t.users).where(eq(t.users.id, userId));
    const [last] = await test.db.select({ id: t.auditLog.id }).from(t.auditLog).orderBy(desc(t.auditLog.id));
    const user = (await verifyLogin(test.db, "sari@example.org", password))!;
    await completeSignIn(test.db, { user, password, previousToken: null, rateLimit, meta: {} });
    const [after] = await test.db.select().from(t.users).where(eq(t.users.id, userId));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    const newer = await test.db
      .select()
      .from(t.auditLog)
      .where(gt(t.auditLog.id, last?.id ?? 0));
    expect(newer.filter((r) => r.action === "rehash_password" && r.entityId === String(userId))).toEqual([]);
  });

  it("does not overwrite a password changed between the check and the rehash", async () => {
    const old = await hashPassword(password, { N: 2 ** 15, r: 8, p: 1 });
    await test.db.update(t.users).set({ passwordHash: old }).where(eq(t.users.id, userId));
    const user = (await verifyLogin(test.db, "sari@example.org", password))!;
    const changed = await hashPassword("another long password");
    await test.db.update(t.users).set({ passwordHash: changed }).where(eq(t.users.id, userId));
    await completeSignIn(test.db, { user, password, previousToken: null, rateLimit, meta: {} });
    const [after] = await test.db.select().from(t.users).where(eq(t.users.id, userId));
    expect(after!.passwordHash).toBe(changed);
  });
});
