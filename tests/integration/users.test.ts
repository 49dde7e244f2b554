import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { createSession, findSessionUser } from "../../app/models/session.server";
import { ConflictError } from "../../app/models/errors.server";
import { changePassword, verifyLogin } from "../../app/models/user-passwords.server";
import { createUser, DuplicateError, updateUser } from "../../app/models/user.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("users on %s", (driver) => {
  let test: TestDatabase;
  const actor = { label: "cli" } as const;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("creates a user with a hashed password and an audit row without the hash", async () => {
    const user = await createUser(test.db, actor, {
      email: "Dewi@Example.org",
      name: "Dewi",
      role: "editor",
      password: "a long enough password",
    });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "user"), eq(t.auditLog.entityId, String(user.id))));
    expect(audit).toMatchObject({ action: "create", actorLabel: "cli" });
    expect(JSON.stringify(audit!.after)).not.toContain("scrypt");
  });

  it("refuses a second account for the same email in any letter case", async () => {
    await expect(
      createUser(test.db, actor, {
        email: "dewi@example.org",
        name: "D",
        role: "viewer",
        password: "another long password",
      }),
    ).rejects.toBeInstanceOf(DuplicateError);
  });

  it("verifies the password, case-insensitively on the email", async () => {
    expect(await verifyLogin(test.db, "DEWI@example.org", "a long enough password")).toMatchObject({ name: "Dewi" });
    expect(await verifyLogin(test.db, "dewi@example.org", "wrong password")).toBeNull();
    expect(await verifyLogin(test.db, "nobody@example.org", "a long enough password")).toBeNull();
  });

  it("turns a stale change into a conflict and leaves the row as it was", async () => {
    const [user] = await test.db.select().from(t.users).where(eq(t.users.name, "Dewi"));
    await updateUser(test.db, actor, { id: user!.id, version: user!.version, role: "viewer" });
    await expect(
      updateUser(test.db, actor, { id: user!.id, version: user!.version, role: "admin" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const [after] = await test.db.select().from(t.users).where(eq(t.users.id, user!.id));
    expect(after).toMatchObject({ role: "viewer", version: user!.version + 1 });
  });

  it("ends every session of a user who is disabled, and refuses their sign-in", async () => {
    const [user] = await test.db.select().from(t.users).where(eq(t.users.name, "Dewi"));
    const { token } = await createSession(test.db, user!.id, {});
    expect(await findSessionUser(test.db, token)).toMatchObject({ id: user!.id });
    await updateUser(test.db, actor, { id: user!.id, version: user!.version, disabled: true });
    expect(await findSessionUser(test.db, token)).toBeNull();
    expect(await test.db.select().from(t.sessions).where(eq(t.sessions.userId, user!.id))).toEqual([]);
    expect(await verifyLogin(test.db, "dewi@example.org", "a long enough password")).toBeNull();
  });

  it("changes a password only with the current one, ending every session, in the audit log without hashes", async () => {
    const user = await createUser(test.db, actor, {
      email: "sari@example.org",
      name: "Sari",
      role: "viewer",
      password: "the first password",
    });
    const { token } = await createSession(test.db, user.id, {});
    const self = { userId: user.id };

    expect(
      await changePassword(test.db, self, {
        userId: user.id,
        currentPassword: "not my password",
        newPassword: "the second password",
      }),
    ).toBe(false);
    expect(await verifyLogin(test.db, "sari@example.org", "the first password")).not.toBeNull();
    expect(await findSessionUser(test.db, token)).not.toBeNull();

    expect(
      await changePassword(test.db, self, {
        userId: user.id,
        currentPassword: "the first password",
        newPassword: "the second password",
      }),
    ).toBe(true);
    expect(await verifyLogin(test.db, "sari@example.org", "the first password")).toBeNull();
    expect(await verifyLogin(test.db, "sari@example.org", "the second password")).toMatchObject({
      id: user.id,
      version: user.version + 1,
    });
    expect(await findSessionUser(test.db, token)).toBeNull();
    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.entityType, "user"),
          eq(t.auditLog.entityId, String(user.id)),
          eq(t.auditLog.action, "change_password"),
        ),
      );
    expect(audit).toMatchObject({ actorId: user.id, before: { sessions: 1 }, after: { sessions: 0 } });
    expect(JSON.stringify(audit)).not.toContain("scrypt");
  });
});
