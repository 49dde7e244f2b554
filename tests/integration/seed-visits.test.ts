import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { attachVisit } from "../../app/models/visit-attach.server";
import { membersOf } from "../../app/models/visit-members-queries.server";
import { memberStates } from "../../app/models/visit-members.server";
import { saveDelegation } from "../../app/models/visit-members-writes.server";
import { visitAsFields } from "../../app/models/visit.server";
import { updateVisit } from "../../app/models/visit-writes.server";
import { loadContent } from "../../app/seed/content.server";
import { seedContent, seedIfEmpty } from "../../app/seed/seed-content.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("seeding content/'s visits on %s", (driver) => {
  let test: TestDatabase;
  let editor: { userId: number };
  const baku = "2023-10-10-visit-to-asan-xidmat-baku";
  const jakarta = "2024-07-01-mehdiyev-visits-kemenpanrb";
  const idOf = async (table: typeof t.activities | typeof t.organizations | typeof t.people, slug: string) =>
    (await test.db.select({ id: table.id }).from(table).where(eq(table.slug, slug)))[0]!.id;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    // content/ alone: the example scenario's visit is seed-examples.test.ts's.
    await seedIfEmpty(test.db, { demo: true, examples: false });
    const [user] = await test.db.select().from(t.users).where(eq(t.users.email, "editor@example.org"));
    editor = { userId: user!.id };
  });
  afterAll(() => test.close());

  /** The visit's own fields and version, as its form starts from them. */
  async function visitOf(activityId: number) {
    const [row] = await test.db.select().from(t.visits).where(eq(t.visits.activityId, activityId));
    return row && { visit: visitAsFields(row), version: row.version, delegationVersion: row.delegationVersion };
  }

  it("gives every visit of content/ its row, and the 2023 Baku visit its host, place and delegation", async () => {
    const visits = await test.db.select({ id: t.visits.activityId }).from(t.visits);
    expect(visits).toHaveLength(loadContent().activities.filter((a) => a.visit).length);

    const id = await idOf(t.activities, baku);
    const visit = await visitOf(id);
    expect(visit?.visit).toMatchObject({
      direction: "outgoing",
      hostOrganizationId: await idOf(t.organizations, "azerbaijan-state-agency-public-service-social-innovations"),
      cities: ["Baku"],
      timeZone: "Asia/Baku",
      objectives: null,
      stage: "report_due",
    });
    const members = await membersOf(test.db, id, { withNeeds: false });
    expect(members.map((m) => [m.name, m.side, m.role])).toEqual([
      ["Abdullah Azwar Anas", "delegation", "head"],
      ["Ulvi Mehdiyev", "host", "counterpart"],
    ]);
    // Nothing the sources do not state: no travel, hotel or needs.
    for (const m of await memberStates(test.db, id)) {
      expect(m).toMatchObject({ arrivalAt: null, departureAt: null, hotel: null, dietaryNeeds: null });
    }
    const jakartaVisit = await visitOf(await idOf(t.activities, jakarta));
    expect(jakartaVisit?.visit).toMatchObject({ direction: "incoming", timeZone: "Asia/Jakarta", cities: ["Jakarta"] });
  });

  it("changes nothing when run again", async () => {
    const stats = await seedContent(test.db, { demo: true, examples: false });
    expect(stats).toMatchObject({ created: 0, updated: 0, leftAlone: [] });
  });

  it("keeps a delegation and a visit edited in the app, and says it left them alone", async () => {
    const id = await idOf(t.activities, baku);
    const form = (await visitOf(id))!;
    const objectives = { en: "See ASAN Xidmat's new centres", id: "Melihat pusat-pusat baru ASAN Xidmat" };
    await updateVisit(test.db, editor, id, form.version, { ...form.visit, objectives });
    const current = await memberStates(test.db, id);
    await saveDelegation(
      test.db,
      editor,
      id,
      form.delegationVersion,
      current.map(({ personId, name: _name, arrivalAt: _a, departureAt: _d, ...m }, i) => ({
        ...m,
        row: i,
        person: { id: personId },
        arrivalAt: null,
        departureAt: null,
        hotel: personId === current[0]!.personId ? "Hotel named by staff" : m.hotel,
      })),
    );

    const stats = await seedContent(test.db, { demo: false });
    expect(stats).toMatchObject({ created: 0, updated: 0 });
    const title = loadContent().activities.find((a) => a.slug === baku)!.title.en;
    expect(stats.leftAlone).toEqual([
      { kind: "visit", key: baku, title, reason: "changed" },
      { kind: "delegation", key: baku, title, reason: "changed" },
    ]);
    expect((await visitOf(id))!.visit.objectives).toEqual(objectives);
    expect((await memberStates(test.db, id))[0]).toMatchObject({
      name: "Abdullah Azwar Anas",
      hotel: "Hotel named by staff",
    });
  });

  it("gives a visit seeded before visits had rows its row and delegation, through the models", async () => {
    const id = await idOf(t.activities, jakarta);
    // As a database seeded before migration 0016 had it: the activity only.
    await test.db.delete(t.visits).where(eq(t.visits.activityId, id));
    const stats = await seedContent(test.db, { demo: false });
    expect(stats).toMatchObject({ created: 2, updated: 0 });
    const audit = await test.db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(id)));
    expect(audit.filter((a) => a.actorLabel === "seed").map((a) => a.entityType)).toEqual(
      expect.arrayContaining(["visit", "visit_delegation"]),
    );
    const members = await membersOf(test.db, id, { withNeeds: false });
    expect(members.map((m) => [m.name, m.side, m.role])).toEqual([
      ["Ulvi Mehdiyev", "delegation", "head"],
      ["Abdullah Azwar Anas", "host", "counterpart"],
    ]);
  });

  it("attachVisit writes a visit row for a visit activity with its audit row; a bad zone writes nothing", async () => {
    const id = await idOf(t.activities, "2016-11-02-deputy-visit-to-azerbaijan");
    const fields = (await visitOf(id))!.visit;
    await test.db.delete(t.visits).where(eq(t.visits.activityId, id));
    const audits = async () =>
      await test.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.entityType, "visit"), eq(t.auditLog.entityId, String(id))))
        .orderBy(t.auditLog.id);
    const before = (await audits()).length;
    await expect(attachVisit(test.db, editor, id, { ...fields, timeZone: "Mars/Olympus" })).rejects.toThrow(
      "visits.unknownTimeZone",
    );
    expect(await visitOf(id)).toBeUndefined();
    expect(await audits()).toHaveLength(before);

    const row = await attachVisit(test.db, editor, id, fields);
    expect(row).toMatchObject({ activityId: id, timeZone: "Asia/Baku", version: 1 });
    expect((await audits()).at(-1)).toMatchObject({
      action: "create",
      actorId: editor.userId,
      after: expect.objectContaining({ timeZone: "Asia/Baku" }),
    });
    // Once only, and only for an activity of type visit.
    expect(await attachVisit(test.db, editor, id, fields)).toBeNull();
    expect(await attachVisit(test.db, editor, await idOf(t.activities, "2017-07-24-mou-signing"), fields)).toBeNull();
  });

  it("refuses a visit block content/ cannot back: unknown person, two heads, no real zone", async () => {
    const { visitProblems } = await import("../../app/seed/visit-references");
    const content = loadContent();
    const v = content.activities.find((a) => a.slug === baku)!.visit!;
    v.time_zone = "Asia/Nowhere";
    v.delegation.push({ person: "nobody", side: "delegation", role: "head" });
    expect(visitProblems(content)).toEqual([
      `activity ${baku}: visit: "Asia/Nowhere" is no IANA zone`,
      `activity ${baku}: visit: unknown person "nobody"`,
      `activity ${baku}: visit: two heads of the delegation side`,
    ]);
  });
});
