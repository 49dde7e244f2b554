import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { mergeOrganizations } from "../../app/models/organization-merge.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { mergeChecked } from "../support/merge-checks";
import { makeActivity, makeOrganization, makePerson, makeVisit, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("merging organisations on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test?.close());

  it("moves every reference, collapses shared organisers and identical positions, audits both rows", async () => {
    const { db } = test;
    const survivor = await makeOrganization(db, { name: { en: "Survivor Ministry" } });
    const duplicate = await makeOrganization(db, {
      name: { en: "Survivor Ministry (dup)" },
      acronym: "SM",
      website: "https://sm.example.org",
    });
    const child = await makeOrganization(db, { parentId: duplicate.id });
    const both = await makeActivity(db, { countryCode: null, organizerIds: [survivor.id, duplicate.id] });
    const onlyDuplicate = await makeActivity(db, { countryCode: null, organizerIds: [duplicate.id] });
    const title = { en: "Head" };
    const person = await makePerson(db, {
      organizationId: duplicate.id,
      positions: [
        { title, organizationId: survivor.id, startsOn: "2020-01-01", endsOn: null },
        { title, organizationId: duplicate.id, startsOn: "2020-01-01", endsOn: null },
      ],
    });
    const { visit } = await makeVisit(db, { hostOrganizationId: duplicate.id });

    const { merged, cited } = await mergeChecked(db, "organization", survivor, duplicate.id, (input) =>
      mergeOrganizations(db, testActor, input),
    );
    expect(merged!.survivor).toMatchObject({ acronym: "SM", website: "https://sm.example.org", parentId: null });
    expect(await db.select().from(t.organizations).where(eq(t.organizations.id, duplicate.id))).toEqual([]);
    const organizers = await db
      .select()
      .from(t.activityOrganizers)
      .where(inArray(t.activityOrganizers.activityId, [both.id, onlyDuplicate.id]));
    expect(organizers).toHaveLength(2);
    expect(organizers.every((o) => o.organizationId === survivor.id)).toBe(true);
    const [moved] = await db.select().from(t.people).where(eq(t.people.id, person.id));
    expect(moved!.organizationId).toBe(survivor.id);
    const positions = await db.select().from(t.personPositions).where(eq(t.personPositions.personId, person.id));
    expect(positions).toHaveLength(1);
    expect(positions[0]!.organizationId).toBe(survivor.id);
    const [host] = await db.select().from(t.visits).where(eq(t.visits.activityId, visit.activityId));
    expect(host!.hostOrganizationId).toBe(survivor.id);
    const [underIt] = await db.select().from(t.organizations).where(eq(t.organizations.id, child.id));
    expect(underIt!.parentId).toBe(survivor.id);
    expect(cited).toEqual([survivor.id]);
    const audits = await db
      .select({ action: t.auditLog.action, entityId: t.auditLog.entityId, before: t.auditLog.before })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "organization"), inArray(t.auditLog.action, ["merge", "delete"])));
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "merge", entityId: String(survivor.id) }),
        expect.objectContaining({
          action: "delete",
          entityId: String(duplicate.id),
          before: expect.objectContaining({ slug: duplicate.slug }),
        }),
      ]),
    );
  });

  it("merging a child into its parent leaves the parent without itself as parent; a cycle is refused", async () => {
    const { db } = test;
    const top = await makeOrganization(db);
    const parent = await makeOrganization(db, { parentId: top.id });
    const child = await makeOrganization(db, { parentId: parent.id });
    // The survivor's parent is the duplicate: it takes the duplicate's own parent instead.
    const merged = await mergeOrganizations(db, testActor, { survivorId: child.id, duplicateId: parent.id });
    expect(merged!.survivor.parentId).toBe(top.id);
    // The duplicate's parent is the survivor: the survivor does not become its own parent.
    const sub = await makeOrganization(db, { parentId: top.id });
    const again = await mergeOrganizations(db, testActor, { survivorId: top.id, duplicateId: sub.id });
    expect(again!.survivor.parentId).toBeNull();
    // The duplicate's parent is under the survivor: not taken, so no loop.
    const a = await makeOrganization(db);
    const b = await makeOrganization(db, { parentId: a.id });
    const c = await makeOrganization(db, { parentId: b.id });
    const taken = await mergeOrganizations(db, testActor, { survivorId: a.id, duplicateId: c.id });
    expect(taken!.survivor.parentId).toBeNull();
    const x = await makeOrganization(db);
    const y = await makeOrganization(db, { parentId: x.id });
    const z = await makeOrganization(db);
    await db.update(t.organizations).set({ parentId: y.id }).where(eq(t.organizations.id, z.id));
    // Merging x into z: z takes nothing (x has no parent), y (under x) comes under z, whose parent is y.
    await expect(mergeOrganizations(db, testActor, { survivorId: z.id, duplicateId: x.id })).rejects.toMatchObject({
      errors: { duplicateId: { key: "organizations.merge.cycle" } },
    });
    expect(await db.select().from(t.organizations).where(eq(t.organizations.id, x.id))).toHaveLength(1);
  });
});

describe.each(drivers)("a seeded organisation merged away on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test?.close());

  it("is not made again by the seed, and content naming it means the survivor", async () => {
    const { db } = test;
    const [survivor, duplicate] = await db.select().from(t.organizations).orderBy(t.organizations.id).limit(2);
    await mergeOrganizations(db, testActor, { survivorId: survivor!.id, duplicateId: duplicate!.id });
    await seedContent(db, { demo: false });
    expect(await db.select().from(t.organizations).where(eq(t.organizations.slug, duplicate!.slug))).toEqual([]);
  });
});
