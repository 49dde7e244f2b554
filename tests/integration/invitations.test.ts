import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import * as t from "../../db/schema";
import { invitationForm } from "../../app/forms/access";
import { saveForm } from "../../app/forms/save.server";
import { ConflictError } from "../../app/models/errors.server";
import { listPendingInvitations } from "../../app/models/invitation-list.server";
import { inviteUser, resendInvitation, revokeInvitation } from "../../app/models/invitations.server";
import { findSessionUser } from "../../app/models/session.server";
import { acceptInvitation, resetPassword } from "../../app/models/token-passwords.server";
import { setPassword, verifyLogin } from "../../app/models/user-passwords.server";
import { findValidToken } from "../../app/models/user-tokens.server";
import { createUser, listUsers } from "../../app/models/user.server";
import { testActor } from "../support/model-factories";
import { npmRun } from "../support/npm-run";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const origin = "https://jembatan.example.org";

/** The token of the link a queued email carries to `path`. */
function linkToken(text: string, path: "/invitation" | "/reset-password") {
  const found = new RegExp(`${origin}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!found) throw new Error(`no ${path} link in: ${text}`);
  return found[1]!;
}

describe.each(drivers)("invitations on %s", (driver) => {
  let test: TestDatabase;
  let inviter: { userId: number; name: string };
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    const admin = await createUser(test.db, testActor, {
      email: "ayu@example.org",
      name: "Ayu Admin",
      role: "admin",
      password: "the admin's password",
    });
    inviter = { userId: admin.id, name: admin.name };
  });
  afterAll(() => test.close());

  const mailTo = (userId: number) =>
    test.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.userId, userId)).orderBy(t.mailOutbox.id);
  const outboxSize = async () => (await test.db.select({ n: count() }).from(t.mailOutbox))[0]!.n;
  const userRow = async (id: number) => (await test.db.select().from(t.users).where(eq(t.users.id, id)))[0];
  /** Whether the users table on /admin/users marks the account as invited rather than active. */
  const invitedOnUsersList = async (id: number) => (await listUsers(test.db)).find((u) => u.id === id)?.invited;
  const invite = (email: string, language: "en" | "id" = "en") =>
    inviteUser(test.db, inviter, { email, name: `Invitee ${email}`, role: "editor", language }, origin);
  const password = "a password of my own";
  const accept = (token: string) =>
    acceptInvitation(test.db, { token, password, previousToken: null, meta: { ipAddress: "127.0.0.1" } });

  it("invites in one transaction: the account, a 72-hour token and one email in the invitee's language", async () => {
    const user = await inviteUser(
      test.db,
      inviter,
      { email: "Budi@Example.org", name: "Budi Santoso", role: "editor", language: "id" },
      origin,
    );
    expect(user).toMatchObject({ email: "Budi@Example.org", role: "editor", locale: "id", disabledAt: null });
    // Nobody can sign in to it before the invitee chooses a password.
    expect(await verifyLogin(test.db, "budi@example.org", "")).toBeNull();

    const mail = await mailTo(user.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      kind: "invitation",
      status: "queued",
      toAddress: "Budi@Example.org",
      toName: "Budi Santoso",
      locale: "id",
      subject: "Anda diundang ke Jembatan",
    });
    expect(mail[0]!.text).toContain("Halo Budi Santoso,");
    expect(mail[0]!.text).toContain("Ayu Admin mengundang Anda ke Jembatan");
    expect(mail[0]!.html).toContain('lang="id"');
    // No remote images: nothing in the message loads from anywhere.
    expect(mail[0]!.html).not.toMatch(/<img|url\(/i);

    const token = linkToken(mail[0]!.text, "/invitation");
    expect(mail[0]!.html).toContain(token);
    const found = await findValidToken(test.db, token, "invitation");
    expect(found).toMatchObject({ createdBy: "Ayu Admin", user: { id: user.id, name: "Budi Santoso" } });
    const hours = (found!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Only its hash is stored.
    const [stored] = await test.db.select().from(t.userTokens).where(eq(t.userTokens.userId, user.id));
    expect(stored!.tokenHash).not.toContain(token);

    const audit = await test.db
      .select({ action: t.auditLog.action, actorId: t.auditLog.actorId })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "user"), eq(t.auditLog.entityId, String(user.id))));
    expect(audit).toEqual([
      { action: "create", actorId: inviter.userId },
      { action: "invite", actorId: inviter.userId },
    ]);
    expect((await listPendingInvitations(test.db)).map((i) => i.email)).toContain("Budi@Example.org");
  });

  it("accepts once: password set, version bumped, signed in; the same link is refused after", async () => {
    const user = await invite("citra@example.org");
    const token = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    expect((await mailTo(user.id))[0]).toMatchObject({ locale: "en", subject: "You are invited to Jembatan" });

    const session = await accept(token);
    expect(session).not.toBeNull();
    expect(await findSessionUser(test.db, session!.token)).toMatchObject({ id: user.id });
    expect(await verifyLogin(test.db, "citra@example.org", password)).toMatchObject({ version: user.version + 1 });
    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityId, String(user.id)), eq(t.auditLog.action, "accept_invitation")));
    expect(audit).toMatchObject({ actorId: user.id, entityType: "user" });
    expect(JSON.stringify(audit)).not.toContain("scrypt");

    expect(await findValidToken(test.db, token, "invitation")).toBeNull();
    expect(
      await acceptInvitation(test.db, { token, password: "someone else's password", previousToken: null, meta: {} }),
    ).toBeNull();
    expect(await verifyLogin(test.db, "citra@example.org", password)).not.toBeNull();
    expect((await listPendingInvitations(test.db)).map((i) => i.email)).not.toContain("citra@example.org");
  });

  it("refuses an expired invitation, and lists it as expired", async () => {
    const user = await invite("dewi@example.org");
    const token = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    await test.db
      .update(t.userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(t.userTokens.userId, user.id));
    expect(await findValidToken(test.db, token, "invitation")).toBeNull();
    expect(await accept(token)).toBeNull();
    expect((await userRow(user.id))!.version).toBe(user.version);
    const pending = (await listPendingInvitations(test.db)).find((i) => i.id === user.id);
    expect(pending).toMatchObject({ expired: true });
    expect(await invitedOnUsersList(user.id)).toBe(true);
  });

  it("sends again with a new link: the earlier one no longer works", async () => {
    const user = await invite("eka@example.org");
    const first = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    expect(await invitedOnUsersList(user.id)).toBe(true);
    await expect(
      resendInvitation(test.db, inviter, { id: user.id, version: user.version + 1 }, origin),
    ).rejects.toThrow(ConflictError);
    await resendInvitation(test.db, inviter, { id: user.id, version: user.version }, origin);
    const mail = await mailTo(user.id);
    expect(mail).toHaveLength(2);
    const second = linkToken(mail[1]!.text, "/invitation");
    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityId, String(user.id)), eq(t.auditLog.action, "resend_invitation")));
    expect(audit).toMatchObject({ actorId: inviter.userId, before: { openInvitations: 1 } });
    expect(second).not.toBe(first);
    expect(await accept(first)).toBeNull();
    expect(await invitedOnUsersList(user.id), "still invited after sending again").toBe(true);
    expect(await accept(second)).not.toBeNull();
    expect(await invitedOnUsersList(user.id), "accepted: no longer invited").toBe(false);
    expect(await invitedOnUsersList(inviter.userId), "an account made with its password").toBe(false);
    // Accepted: nothing is pending any more, so nothing can be sent again.
    const accepted = (await userRow(user.id))!;
    await expect(
      resendInvitation(test.db, inviter, { id: user.id, version: accepted.version }, origin),
    ).rejects.toMatchObject({ errors: { "": { key: "access.notPending" } }, status: 409 });
  });

  it("withdraws an invitation: the waiting account and its link are gone, the address free again", async () => {
    const user = await invite("fajar@example.org");
    const token = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    await revokeInvitation(test.db, inviter, { id: user.id, version: user.version });
    expect(await userRow(user.id)).toBeUndefined();
    expect(await test.db.select().from(t.userTokens).where(eq(t.userTokens.userId, user.id))).toEqual([]);
    expect(await accept(token)).toBeNull();
    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityId, String(user.id)), eq(t.auditLog.action, "revoke_invitation")));
    expect(audit).toMatchObject({ actorId: inviter.userId, before: { email: "fajar@example.org" } });
    expect((await invite("fajar@example.org")).id).not.toBe(user.id);
  });

  it("ends an invitation when an admin sets the invitee's password: the link is refused, withdrawing too", async () => {
    const user = await invite("set-by-admin@example.org");
    const token = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    const set = await setPassword(test.db, inviter, {
      id: user.id,
      version: user.version,
      password: "set-by-the-admin-1",
    });
    expect(set).not.toBeNull();
    expect(await accept(token)).toBeNull();
    expect(await invitedOnUsersList(user.id)).toBe(false);
    await expect(revokeInvitation(test.db, inviter, { id: user.id, version: set!.version })).rejects.toThrow();
    expect(await userRow(user.id)).toBeDefined();
  });

  it("never lets an invitation's link reset a password", async () => {
    const user = await invite("gita@example.org");
    const token = linkToken((await mailTo(user.id))[0]!.text, "/invitation");
    expect(await findValidToken(test.db, token, "password_reset")).toBeNull();
    expect(
      await resetPassword(test.db, {
        token,
        password,
        previousToken: null,
        meta: {},
        mail: { origin, fallbackLanguage: "en" },
      }),
    ).toBeNull();
    expect(await findValidToken(test.db, token, "invitation")).not.toBeNull();
  });

  describe("refuses bad input through the form, with field errors, queueing nothing", () => {
    const post = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ intent: "invite", role: "viewer", language: "en", ...fields })) {
        form.append(name, value);
      }
      return saveForm(form, invitationForm, {
        intent: "invite",
        save: (value) => inviteUser(test.db, inviter, value, origin),
        done: () => new Response(null, { status: 302 }),
      });
    };
    const refusal = (answer: unknown) => {
      const { data, init } = answer as {
        data: { reply: { error: Record<string, { key: string }[]> } };
        init: ResponseInit;
      };
      return {
        status: init.status,
        errors: Object.fromEntries(Object.entries(data.reply.error).map(([k, v]) => [k, v[0]!.key])),
      };
    };

    it.each([
      ["an invalid address", { email: "not an address", name: "Hana" }, { email: "validation.email" }],
      [
        "a line break in the address",
        { email: "hana@example.org\r\nBcc: all@example.org", name: "Hana" },
        { email: "validation.lineBreak" },
      ],
      [
        "a line break in the name",
        { email: "hana@example.org", name: "Hana\r\nBcc: all@example.org" },
        { name: "validation.lineBreak" },
      ],
      [
        "an oversized address",
        { email: `${"h".repeat(250)}@example.org`, name: "Hana" },
        { email: "validation.tooLong" },
      ],
      ["an oversized name", { email: "hana@example.org", name: "H".repeat(500) }, { name: "validation.tooLong" }],
      [
        "an unknown language",
        { email: "hana@example.org", name: "Hana", language: "fr" },
        { language: "validation.invalidChoice" },
      ],
      ["a taken address", { email: "AYU@example.org", name: "Hana" }, { email: "users.emailTaken" }],
    ])("%s", async (_what, fields, errors) => {
      const before = await outboxSize();
      const { status, errors: got } = refusal(await post(fields));
      expect(status === 400 || status === 409).toBe(true);
      expect(got).toEqual(errors);
      expect(await outboxSize()).toBe(before);
      expect(await test.db.select().from(t.users).where(eq(t.users.email, "hana@example.org"))).toEqual([]);
    });

    it("and accepts the same form once it is right", async () => {
      const before = await outboxSize();
      const answer = await post({ email: "hana@example.org", name: "Hana" });
      expect((answer as Response).status).toBe(302);
      expect(await outboxSize()).toBe(before + 1);
    });
  });
});

describe("the first admin, from the command line", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-user-create-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is still made by npm run user:create, signs in with the printed password and can invite", async () => {
    const { code, output } = await npmRun(
      "user:create",
      ["--email", "first@example.org", "--role", "admin", "--name", "First Admin"],
      { DATA_DIR: dataDir },
    );
    expect(code, output).toBe(0);
    const printed = /Initial password \(shown once\): (\S+)/.exec(output)?.[1];
    expect(printed, output).toBeTruthy();
    const handle = await openDatabase({ dataDir });
    try {
      const admin = await verifyLogin(handle.db, "first@example.org", printed!);
      expect(admin).toMatchObject({ role: "admin", name: "First Admin" });
      const invited = await inviteUser(
        handle.db,
        { userId: admin!.id, name: admin!.name },
        { email: "second@example.org", name: "Second Person", role: "viewer", language: "en" },
        origin,
      );
      const [mail] = await handle.db.select().from(t.mailOutbox).where(eq(t.mailOutbox.userId, invited.id));
      expect(mail!.text).toContain("First Admin invited you to Jembatan");
    } finally {
      await handle.close();
    }
  });
});
