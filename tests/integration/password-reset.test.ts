import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { countResetRequest, requestPasswordReset, resetRequests } from "../../app/models/password-reset.server";
import { hitRateLimit, passwordGuesses } from "../../app/models/rate-limit.server";
import { createSession, findSessionUser } from "../../app/models/session.server";
import { acceptInvitation, resetPassword } from "../../app/models/token-passwords.server";
import { verifyLogin } from "../../app/models/user-passwords.server";
import { findValidToken } from "../../app/models/user-tokens.server";
import { createUser, updateUser } from "../../app/models/user.server";
import { testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const origin = "https://jembatan.example.org";

function resetToken(text: string) {
  const found = new RegExp(`${origin}/reset-password\\?token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!found) throw new Error(`no reset link in: ${text}`);
  return found[1]!;
}

describe.each(drivers)("password reset on %s", (driver) => {
  let test: TestDatabase;
  let sari: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    sari = await createUser(test.db, testActor, {
      email: "sari@example.org",
      name: "Sari",
      role: "viewer",
      password: "the old password",
    });
  });
  afterAll(() => test.close());

  const outboxSize = async () => (await test.db.select({ n: count() }).from(t.mailOutbox))[0]!.n;
  const mailTo = (userId: number, kind: "password_reset" | "password_changed") =>
    test.db
      .select()
      .from(t.mailOutbox)
      .where(and(eq(t.mailOutbox.userId, userId), eq(t.mailOutbox.kind, kind)))
      .orderBy(t.mailOutbox.id);
  const ask = (email: string, language: "en" | "id" = "en") =>
    requestPasswordReset(test.db, { email, origin, language });
  const reset = (token: string, password = "a new password of mine", previousToken: string | null = null) =>
    resetPassword(test.db, {
      token,
      password,
      previousToken,
      meta: {},
      mail: { origin, fallbackLanguage: "id" },
    });

  it("queues nothing for an address without an account, and says nothing either way", async () => {
    const before = await outboxSize();
    await expect(ask("nobody@example.org")).resolves.toBeUndefined();
    expect(await outboxSize()).toBe(before);
  });

  it("sends a one-hour link in the language the user reads the site in; a new request replaces it", async () => {
    await expect(ask("SARI@example.org", "id")).resolves.toBeUndefined();
    const [first] = await mailTo(sari.id, "password_reset");
    expect(first).toMatchObject({
      locale: "id",
      subject: "Atur ulang kata sandi Jembatan Anda",
      toAddress: "sari@example.org",
    });
    expect(first!.html).not.toMatch(/<img|url\(/i);
    const token = resetToken(first!.text);
    const found = await findValidToken(test.db, token, "password_reset");
    expect(found).toMatchObject({ user: { id: sari.id } });
    const minutes = (found!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    // Never an invitation.
    expect(await findValidToken(test.db, token, "invitation")).toBeNull();

    await ask("sari@example.org");
    const mail = await mailTo(sari.id, "password_reset");
    expect(mail).toHaveLength(2);
    expect(await findValidToken(test.db, token, "password_reset")).toBeNull();
    expect(await findValidToken(test.db, resetToken(mail[1]!.text), "password_reset")).not.toBeNull();
  });

  it("ends every session, tells the user by email, signs this browser in, and refuses the link a second time", async () => {
    await ask("sari@example.org");
    const mail = await mailTo(sari.id, "password_reset");
    const token = resetToken(mail.at(-1)!.text);
    const elsewhere = await createSession(test.db, sari.id, {});
    const here = await createSession(test.db, sari.id, {});
    await hitRateLimit(test.db, passwordGuesses.accountKey("sari@example.org"), passwordGuesses.windowMs);

    const session = await reset(token, "a new password of mine", here.token);
    expect(session).not.toBeNull();
    expect(await findSessionUser(test.db, session!.token)).toMatchObject({ id: sari.id });
    expect(await findSessionUser(test.db, elsewhere.token)).toBeNull();
    expect(await findSessionUser(test.db, here.token)).toBeNull();
    expect(await test.db.select().from(t.sessions).where(eq(t.sessions.userId, sari.id))).toHaveLength(1);
    expect(await verifyLogin(test.db, "sari@example.org", "the old password")).toBeNull();
    expect(await verifyLogin(test.db, "sari@example.org", "a new password of mine")).not.toBeNull();
    // The guesses at the old password count no more.
    expect(
      await test.db
        .select()
        .from(t.rateLimits)
        .where(eq(t.rateLimits.key, passwordGuesses.accountKey("sari@example.org"))),
    ).toEqual([]);

    const changed = await mailTo(sari.id, "password_changed");
    expect(changed).toHaveLength(1);
    // Sari chose no language: the one she read the reset page in.
    expect(changed[0]).toMatchObject({ locale: "id", subject: "Kata sandi Jembatan Anda telah diubah" });
    expect(changed[0]!.text).toContain(`${origin}/forgot-password`);

    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityId, String(sari.id)), eq(t.auditLog.action, "reset_password")));
    expect(audit).toMatchObject({ actorId: sari.id, before: { sessions: 2 }, after: { sessions: 0 } });

    expect(await reset(token, "yet another password")).toBeNull();
    expect(await verifyLogin(test.db, "sari@example.org", "a new password of mine")).not.toBeNull();
    expect(await mailTo(sari.id, "password_changed")).toHaveLength(1);
  });

  it("never lets a reset link accept an invitation", async () => {
    await ask("sari@example.org");
    const token = resetToken((await mailTo(sari.id, "password_reset")).at(-1)!.text);
    expect(
      await acceptInvitation(test.db, { token, password: "a password for this", previousToken: null, meta: {} }),
    ).toBeNull();
    expect(await findValidToken(test.db, token, "password_reset")).not.toBeNull();
  });

  it("sends no link to a disabled account, and a link sent before stops working when it is disabled", async () => {
    const user = await createUser(test.db, testActor, {
      email: "tono@example.org",
      name: "Tono",
      role: "viewer",
      password: "tono's password",
    });
    await ask("tono@example.org");
    const token = resetToken((await mailTo(user.id, "password_reset"))[0]!.text);
    await updateUser(test.db, testActor, { id: user.id, version: user.version, disabled: true });
    expect(await reset(token)).toBeNull();
    await ask("tono@example.org");
    expect(await mailTo(user.id, "password_reset")).toHaveLength(1);
  });

  it("limits requests per address typed, whether or not it has an account, and per client", async () => {
    for (const email of ["sari@example.org", "ghost@example.org"]) {
      for (let i = 0; i < resetRequests.perAccount; i++) {
        expect(await countResetRequest(test.db, email, `10.0.0.${email.length}`)).toBeNull();
      }
      const wait = await countResetRequest(test.db, ` ${email.toUpperCase()}`, `10.0.0.${email.length}`);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
    }
    for (let i = 0; i < resetRequests.perAddress; i++) {
      expect(await countResetRequest(test.db, `person${i}@example.org`, "10.9.9.9")).toBeNull();
    }
    expect(await countResetRequest(test.db, "one-more@example.org", "10.9.9.9")).toBeGreaterThan(0);
    // Another client asking for another address is not held back.
    expect(await countResetRequest(test.db, "one-more@example.org", "10.9.9.10")).toBeNull();
  });
});
