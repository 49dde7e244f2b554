/**
 * A side's confirmation of a commitment is that side's word: only an editor or administrator of
 * the side (by their organization's country) gives or withdraws it; an administrator of another
 * side, or of none, may record it on the side's behalf, marked and audited as such; a viewer or a
 * user without an organization never confirms.
 */
import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { demoAccounts } from "../../app/seed/demo-accounts.server";
import { seedContent } from "../../app/seed/seed-content.server";
import {
  confirmCompletion,
  mayConfirm,
  NotYourSideError,
  withdrawConfirmation,
} from "../../app/models/commitment-confirmations.server";
import { addEvidence } from "../../app/models/commitment-evidence.server";
import { getCommitment } from "../../app/models/commitment-queries.server";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { createUser, listUsers, updateUser } from "../../app/models/user.server";
import { RuleError } from "../../app/models/errors.server";
import { assessmentInput, makeCommitment } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("who confirms for a side, on %s", (driver) => {
  let test: TestDatabase;
  const users: Record<string, { userId: number }> = {};
  const orgs: Record<string, number> = {};
  let mouId: number;

  const db = () => test.db;

  async function lastAuditId() {
    const [row] = await db()
      .select({ id: max(t.auditLog.id) })
      .from(t.auditLog);
    return row?.id ?? 0;
  }

  async function auditSince(id: number) {
    return db().select().from(t.auditLog).where(gt(t.auditLog.id, id)).orderBy(t.auditLog.id);
  }

  async function confirmationsOf(commitmentId: number) {
    return db()
      .select()
      .from(t.commitmentConfirmations)
      .where(eq(t.commitmentConfirmations.commitmentId, commitmentId));
  }

  async function userByEmail(email: string) {
    const [u] = await db().select().from(t.users).where(eq(t.users.email, email));
    return u!;
  }

  async function addUser(email: string, role: "admin" | "editor" | "viewer", organizationId: number | null) {
    const [u] = await db()
      .insert(t.users)
      .values({ email, name: email.split("@")[0]!, role, passwordHash: "-", organizationId })
      .returning();
    return { userId: u!.id };
  }

  /** A complete commitment of `agreementId`, ready to be confirmed. */
  async function completeCommitment(text: string, agreementId = mouId) {
    const editor = users.editor!;
    const c = await makeCommitment(db(), agreementId, { text: { en: text } }, editor);
    await addEvidence(db(), editor, { commitmentId: c.id, note: "Done." });
    const done = (await assessCommitment(db(), editor, c.id, 1, assessmentInput("complete")))!;
    return { id: done.id, version: done.version };
  }

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: true });
    for (const o of await db().select().from(t.organizations)) orgs[o.slug] = o.id;
    for (const role of ["admin", "editor", "viewer"] as const) {
      users[role] = { userId: (await userByEmail(`${role}@example.org`)).id };
    }
    const az = orgs["azerbaijan-state-agency-public-service-social-innovations"]!;
    users.azEditor = await addUser("az-editor@example.org", "editor", az);
    users.azAdmin = await addUser("az-admin@example.org", "admin", az);
    users.noOrgEditor = await addUser("no-org-editor@example.org", "editor", null);
    users.noOrgAdmin = await addUser("no-org-admin@example.org", "admin", null);
    // The World Bank is an organization of no country: its staff are no side of the partnership.
    users.worldBankEditor = await addUser("wb-editor@example.org", "editor", orgs["world-bank"]!);
    const [mou] = await db().select().from(t.agreements).where(eq(t.agreements.slug, "mou-2017"));
    mouId = mou!.id;
  });
  afterAll(() => test.close());

  it("gives the demo accounts organizations: admin and editor at KemenPANRB, the viewer at the Azerbaijani agency", async () => {
    const expected = Object.fromEntries(demoAccounts.map((a) => [a.email, orgs[a.organization]]));
    expect(expected["admin@example.org"]).toBe(orgs.kemenpanrb);
    expect(expected["viewer@example.org"]).toBe(orgs["azerbaijan-state-agency-public-service-social-innovations"]);
    for (const [email, organizationId] of Object.entries(expected)) {
      expect((await userByEmail(email)).organizationId, email).toBe(organizationId);
    }
  });

  it("refuses a viewer, even one of the side, and stores nothing", async () => {
    const c = await completeCommitment("Viewer tries to confirm.");
    const mark = await lastAuditId();
    const refused = confirmCompletion(db(), users.viewer!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "AZ",
    });
    await expect(refused).rejects.toBeInstanceOf(NotYourSideError);
    await expect(refused).rejects.toMatchObject({ field: "form", key: "commitments.confirmNotYourSide" });
    expect(await confirmationsOf(c.id)).toEqual([]);
    expect(await auditSince(mark)).toEqual([]);
  });

  it("refuses an editor of the other side, both to confirm and to withdraw", async () => {
    const c = await completeCommitment("Each side confirms for itself.");
    const mark = await lastAuditId();
    await expect(
      confirmCompletion(db(), users.editor!, { commitmentId: c.id, version: c.version, countryCode: "AZ" }),
    ).rejects.toMatchObject({ key: "commitments.confirmNotYourSide" });
    await expect(
      confirmCompletion(db(), users.azEditor!, { commitmentId: c.id, version: c.version, countryCode: "ID" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    expect(await confirmationsOf(c.id)).toEqual([]);
    expect(await auditSince(mark)).toEqual([]);

    // Azerbaijan's own editor confirms; Indonesia's editor cannot take it back.
    await confirmCompletion(db(), users.azEditor!, { commitmentId: c.id, version: c.version, countryCode: "AZ" });
    await expect(
      withdrawConfirmation(db(), users.editor!, { commitmentId: c.id, countryCode: "AZ" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    await expect(
      withdrawConfirmation(db(), users.viewer!, { commitmentId: c.id, countryCode: "AZ" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    expect(await confirmationsOf(c.id)).toMatchObject([
      { countryCode: "AZ", confirmedBy: users.azEditor!.userId, onBehalf: false },
    ]);
    expect(await withdrawConfirmation(db(), users.azEditor!, { commitmentId: c.id, countryCode: "AZ" })).toMatchObject({
      withdrawn: { countryCode: "AZ" },
    });
  });

  it("refuses an editor without an organization, or with one of no country, for every side", async () => {
    const c = await completeCommitment("Nobody's side.");
    for (const who of [users.noOrgEditor!, users.worldBankEditor!]) {
      for (const countryCode of ["ID", "AZ"]) {
        await expect(
          confirmCompletion(db(), who, { commitmentId: c.id, version: c.version, countryCode }),
        ).rejects.toMatchObject({ key: "commitments.confirmNoSide" });
      }
    }
    // A user who is gone, or disabled, confirms nothing either.
    await expect(
      confirmCompletion(db(), { userId: 2 ** 31 - 1 }, { commitmentId: c.id, version: c.version, countryCode: "ID" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    const disabled = await addUser("disabled-editor@example.org", "editor", orgs.kemenpanrb!);
    await db().update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, disabled.userId));
    await expect(
      confirmCompletion(db(), disabled, { commitmentId: c.id, version: c.version, countryCode: "ID" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    expect(await confirmationsOf(c.id)).toEqual([]);
  });

  it("records an administrator's confirmation for another side as given on its behalf, and audits it so", async () => {
    const c = await completeCommitment("The administrator records Azerbaijan's word.");
    // The demo admin works at KemenPANRB: for Indonesia it is their own side's confirmation.
    let mark = await lastAuditId();
    const own = (await confirmCompletion(db(), users.admin!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "ID",
    }))!;
    expect(own.confirmation).toMatchObject({ countryCode: "ID", onBehalf: false });
    expect((await auditSince(mark)).map((r) => r.action)).toEqual(["confirm"]);

    mark = await lastAuditId();
    const behalf = (await confirmCompletion(db(), users.admin!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "AZ",
    }))!;
    expect(behalf.confirmation).toMatchObject({ countryCode: "AZ", confirmedBy: users.admin!.userId, onBehalf: true });
    expect(behalf.fullyConfirmed).toBe(true);
    const [entry] = await auditSince(mark);
    expect(entry).toMatchObject({
      actorId: users.admin!.userId,
      action: "confirm_on_behalf",
      entityType: "commitment",
      entityId: String(c.id),
      after: { countryCode: "AZ", onBehalf: true, confirmedBy: users.admin!.userId },
    });

    // What the pages show: who recorded it, and that it was on the side's behalf.
    const view = (await getCommitment(db(), c.id))!;
    expect(view.confirmations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ countryCode: "ID", onBehalf: false }),
        expect.objectContaining({
          countryCode: "AZ",
          onBehalf: true,
          confirmedBy: { id: users.admin!.userId, name: "Demo Admin" },
        }),
      ]),
    );

    // Withdrawn on the side's behalf: audited as such too.
    mark = await lastAuditId();
    await withdrawConfirmation(db(), users.admin!, { commitmentId: c.id, countryCode: "AZ" });
    expect(await auditSince(mark)).toMatchObject([
      { action: "withdraw_confirmation_on_behalf", before: { countryCode: "AZ", onBehalf: true } },
    ]);

    // An administrator without an organization records every side's confirmation on its behalf.
    const again = (await confirmCompletion(db(), users.noOrgAdmin!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "AZ",
    }))!;
    expect(again.confirmation).toMatchObject({ onBehalf: true });
    // An Azerbaijani administrator's confirmation for Azerbaijan is the side's own.
    await withdrawConfirmation(db(), users.azAdmin!, { commitmentId: c.id, countryCode: "AZ" });
    const ownAz = (await confirmCompletion(db(), users.azAdmin!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "AZ",
    }))!;
    expect(ownAz.confirmation).toMatchObject({ onBehalf: false });
  });

  it("takes sides from the partnership's countries, not from a fixed pair", async () => {
    // A partnership of Indonesia and Timor-Leste, with an agreement and an organization in Timor-Leste.
    await db()
      .insert(t.countries)
      .values({ code: "TL", name: { en: "Timor-Leste" }, timeZone: "Asia/Dili" });
    const [partnership] = await db()
      .insert(t.partnerships)
      .values({ slug: "id-tl", name: { en: "Indonesia–Timor-Leste" }, summary: { en: "Test." } })
      .returning();
    await db()
      .insert(t.partnershipCountries)
      .values([
        { partnershipId: partnership!.id, countryCode: "ID", position: 0 },
        { partnershipId: partnership!.id, countryCode: "TL", position: 1 },
      ]);
    const [agreement] = await db()
      .insert(t.agreements)
      .values({
        slug: "id-tl-mou",
        partnershipId: partnership!.id,
        kind: "mou",
        title: { en: "ID–TL MoU" },
        summary: { en: "Test." },
      })
      .returning();
    const [tlOrg] = await db()
      .insert(t.organizations)
      .values({ slug: "tl-ministry", name: { en: "A Timorese ministry" }, kind: "ministry", countryCode: "TL" })
      .returning();
    const tlEditor = await addUser("tl-editor@example.org", "editor", tlOrg!.id);
    const c = await completeCommitment("A commitment between Indonesia and Timor-Leste.", agreement!.id);

    // Azerbaijan is no side here: even its own editor cannot confirm for it.
    await expect(
      confirmCompletion(db(), users.azEditor!, { commitmentId: c.id, version: c.version, countryCode: "AZ" }),
    ).rejects.toMatchObject({ key: "commitments.notASide" });
    await expect(
      confirmCompletion(db(), users.azEditor!, { commitmentId: c.id, version: c.version, countryCode: "TL" }),
    ).rejects.toBeInstanceOf(NotYourSideError);
    expect(
      (await confirmCompletion(db(), tlEditor, { commitmentId: c.id, version: c.version, countryCode: "TL" }))!
        .confirmation,
    ).toMatchObject({ countryCode: "TL", onBehalf: false });
    const both = (await confirmCompletion(db(), users.editor!, {
      commitmentId: c.id,
      version: c.version,
      countryCode: "ID",
    }))!;
    expect(both.fullyConfirmed).toBe(true);

    // The rule itself knows no country.
    const editorOf = (countryCode: string | null) => ({ role: "editor" as const, organizationId: 1, countryCode });
    expect(mayConfirm(editorOf("TL"), "TL")).toBe("own");
    expect(mayConfirm(editorOf("TL"), "ID")).toBeNull();
    expect(mayConfirm({ ...editorOf("TL"), role: "admin" }, "ID")).toBe("on-behalf");
    expect(mayConfirm({ ...editorOf("TL"), role: "viewer" }, "TL")).toBeNull();
    expect(mayConfirm(editorOf(null), "TL")).toBeNull();
    expect(mayConfirm(null, "TL")).toBeNull();
  });

  it("lets an admin set a user's organization, audited and versioned; an unknown one is refused", async () => {
    const created = await createUser(db(), users.admin!, {
      email: "new-staff@example.org",
      name: "New Staff",
      role: "editor",
      password: "a-long-enough-password",
      organizationId: orgs["asan-xidmat"]!,
    });
    expect(created.organizationId).toBe(orgs["asan-xidmat"]);
    const mark = await lastAuditId();
    const moved = (await updateUser(db(), users.admin!, {
      id: created.id,
      version: created.version,
      role: "editor",
      organizationId: orgs.kemenpanrb!,
    }))!;
    expect(moved).toMatchObject({ organizationId: orgs.kemenpanrb, version: created.version + 1 });
    const [entry] = await auditSince(mark);
    expect(entry).toMatchObject({
      action: "update",
      entityType: "user",
      before: { organizationId: orgs["asan-xidmat"] },
      after: { organizationId: orgs.kemenpanrb },
    });
    // Left out, the organization stays; null takes it away.
    const same = (await updateUser(db(), users.admin!, { id: created.id, version: moved.version, role: "viewer" }))!;
    expect(same.organizationId).toBe(orgs.kemenpanrb);
    const none = (await updateUser(db(), users.admin!, {
      id: created.id,
      version: same.version,
      organizationId: null,
    }))!;
    expect(none.organizationId).toBeNull();
    expect((await listUsers(db())).find((u) => u.id === created.id)).toMatchObject({ organizationId: null });

    const before = await lastAuditId();
    await expect(
      updateUser(db(), users.admin!, { id: created.id, version: none.version, organizationId: 2 ** 31 - 1 }),
    ).rejects.toMatchObject({ field: "organizationId", key: "validation.invalidChoice" });
    await expect(
      createUser(db(), users.admin!, {
        email: "ghost-org@example.org",
        name: "Ghost Org",
        role: "viewer",
        password: "a-long-enough-password",
        organizationId: 2 ** 31 - 1,
      }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await auditSince(before)).toEqual([]);
    expect(await db().select().from(t.users).where(eq(t.users.email, "ghost-org@example.org"))).toEqual([]);
  });

  it("gives a demo account from before organizations its own, once; a second seed changes nothing", async () => {
    const viewer = await userByEmail("viewer@example.org");
    await db().update(t.users).set({ organizationId: null }).where(eq(t.users.id, viewer.id));
    const mark = await lastAuditId();
    const stats = await seedContent(db(), { demo: true });
    expect(stats).toMatchObject({ created: 0, updated: 1 });
    expect((await userByEmail("viewer@example.org")).organizationId).toBe(
      orgs["azerbaijan-state-agency-public-service-social-innovations"],
    );
    expect(
      await db()
        .select({ action: t.auditLog.action, actorLabel: t.auditLog.actorLabel })
        .from(t.auditLog)
        .where(and(gt(t.auditLog.id, mark), eq(t.auditLog.entityType, "user"))),
    ).toEqual([{ action: "update", actorLabel: "seed" }]);
    expect(await seedContent(db(), { demo: true })).toMatchObject({ created: 0, updated: 0 });

    // One an admin placed elsewhere keeps that organization.
    await db().update(t.users).set({ organizationId: orgs["asan-xidmat"]! }).where(eq(t.users.id, viewer.id));
    expect(await seedContent(db(), { demo: true })).toMatchObject({ created: 0, updated: 0 });
    expect((await userByEmail("viewer@example.org")).organizationId).toBe(orgs["asan-xidmat"]);
  });
});
