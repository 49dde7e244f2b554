import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { delegationFormSchema } from "../../app/forms/delegation";
import { delegationFormValues, memberInputsFromForm } from "../../app/forms/delegation.server";
import { checkForm } from "../../app/forms/submission";
import { ConflictError, RecordError } from "../../app/models/errors.server";
import { bareMember, delegationState } from "../../app/models/visit-members.server";
import { membersOf } from "../../app/models/visit-members-queries.server";
import { saveDelegation } from "../../app/models/visit-members-writes.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import { makeVisit, testActor } from "../support/model-factories";

const member = bareMember;

/** The form checked by its schema, as the page's action checks it. */
function checked(form: FormData) {
  const result = checkForm(delegationFormSchema, form);
  if (!result.success) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The delegation form as a browser posts it: one list per column, a row per member. */
function delegationForm(version: number, rows: Record<string, string>[]) {
  const form = new FormData();
  form.set("version", String(version));
  const columns = ["personId", "newName", "newOrganizationId", "side", "role", "arrivalMode", "arrivalRef"];
  for (const c of [...columns, "arrivalAt", "departureMode", "departureRef", "departureAt", "hotel"]) {
    for (const row of rows) form.append(c, row[c] ?? (c === "side" ? "delegation" : c === "role" ? "member" : ""));
  }
  for (const c of ["interpretationNeeds", "dietaryNeeds", "accessNeeds"]) {
    for (const row of rows) form.append(c, row[c] ?? "");
  }
  return form;
}

describe.each(drivers)("a visit's delegation on %s", (driver) => {
  let test: TestDatabase;
  let org: number;
  let minister: number;
  let adviser: number;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    const [o] = await test.db
      .insert(t.organizations)
      .values({ slug: "vm-agency", name: { en: "Service Agency", id: "Badan Layanan" }, kind: "agency" })
      .returning();
    org = o!.id;
    const [a, b] = await test.db
      .insert(t.people)
      .values([
        { slug: "vm-minister", name: "Vm Minister" },
        { slug: "vm-adviser", name: "Vm Adviser", organizationId: org },
      ])
      .returning();
    minister = a!.id;
    adviser = b!.id;
    await test.db.insert(t.personPositions).values([
      { personId: minister, title: { en: "Director" }, organizationId: org, endsOn: "2024-12-31" },
      { personId: minister, title: { en: "Minister" }, organizationId: org, startsOn: "2025-01-01" },
      { personId: adviser, title: { en: "Adviser" } },
    ]);
  });
  afterAll(() => test?.close());

  const audits = (type: string, id: number) =>
    test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, type), eq(t.auditLog.entityId, String(id))));
  const personCount = async () => (await test.db.select({ id: t.people.id }).from(t.people)).length;

  it("saves the delegation whole from the form: a new person made in the same save, times typed in the visit's zone", async () => {
    const { activity } = await makeVisit(test.db);
    const form = delegationForm(1, [
      { personId: String(adviser), arrivalMode: "flight", arrivalRef: "J2 41", arrivalAt: "2025-06-09T14:30" },
      { personId: String(minister), role: "head", dietaryNeeds: "Vegetarian" },
      {},
      { newName: "Leyla Mammadova", newOrganizationId: String(org), side: "host", role: "counterpart" },
    ]);
    const members = memberInputsFromForm(checked(form), "Asia/Baku");
    expect(members.map((m) => m.row)).toEqual([0, 1, 3]);
    const saved = await saveDelegation(test.db, testActor, activity.id, 1, members);
    expect(saved?.version).toBe(2);

    const list = await membersOf(test.db, activity.id, { withNeeds: true });
    expect(list.map((m) => m.name)).toEqual(["Vm Minister", "Vm Adviser", "Leyla Mammadova"]);
    // The minister's title is the one held on the visit's date, not the person's own.
    expect(list[0]).toMatchObject({ role: "head", title: { en: "Minister" }, organizationId: org });
    expect(list[0]!.needs).toEqual({ interpretation: null, dietary: "Vegetarian", access: null });
    // 14:30 in Baku (UTC+4) is 10:30 UTC.
    expect(list[1]!.arrival).toEqual({ mode: "flight", ref: "J2 41", at: new Date("2025-06-09T10:30:00Z") });
    expect(list[1]).toMatchObject({
      title: { en: "Adviser" },
      organizationName: { en: "Service Agency", id: "Badan Layanan" },
    });
    expect(list[2]).toMatchObject({ side: "host", role: "counterpart", organizationId: org });

    const [leyla] = await test.db.select().from(t.people).where(eq(t.people.id, list[2]!.personId));
    expect(leyla).toMatchObject({ name: "Leyla Mammadova", slug: "leyla-mammadova", organizationId: org });
    expect(await audits("person", leyla!.id)).toHaveLength(1);
    const [audit, ...more] = await audits("visit_delegation", activity.id);
    expect(more).toHaveLength(0);
    expect(audit!.before).toMatchObject({ version: 1, members: [] });
    expect(audit!.after).toMatchObject({ version: 2 });
    // The log keeps which needs were given, never what they say.
    expect(JSON.stringify(audit!.after)).not.toContain("Vegetarian");
    // In the editor's order: the minister, with the dietary needs, is the second row.
    expect((audit!.after as { members: { needsGiven: object }[] }).members[1]!.needsGiven).toEqual({
      interpretation: false,
      dietary: true,
      access: false,
    });

    // The form shows it back in Baku's time, and a second save keeps the members' rows.
    const values = delegationFormValues((await delegationState(test.db, activity.id))!, "Asia/Baku");
    expect(values.arrivalAt).toEqual(["2025-06-09T14:30", "", ""]);
    expect(values.version).toBe("2");
    const ids = list.map((m) => m.id).sort();
    await saveDelegation(test.db, testActor, activity.id, 2, [
      member(0, { id: adviser }),
      member(1, { id: list[2]!.personId }, { side: "host", role: "counterpart" }),
    ]);
    const after = await membersOf(test.db, activity.id, { withNeeds: false });
    expect(after.map((m) => m.name)).toEqual(["Vm Adviser", "Leyla Mammadova"]);
    expect(after.every((m) => ids.includes(m.id))).toBe(true);
  });

  it("refuses a person listed twice beside the second row, and saves nothing (not even a new person)", async () => {
    const { activity } = await makeVisit(test.db);
    const people = await personCount();
    const refused = saveDelegation(test.db, testActor, activity.id, 1, [
      member(0, { name: "Someone New", organizationId: null }),
      member(1, { id: adviser }),
      member(2, { id: adviser }),
    ]);
    await expect(refused).rejects.toBeInstanceOf(RecordError);
    await expect(refused).rejects.toMatchObject({ errors: { "personId[2]": { key: "delegation.listedTwice" } } });
    expect(await membersOf(test.db, activity.id, { withNeeds: true })).toEqual([]);
    expect(await personCount()).toBe(people);
    expect((await delegationState(test.db, activity.id))?.version).toBe(1);
    expect(await audits("visit_delegation", activity.id)).toHaveLength(0);
  });

  it("refuses an unknown person, two heads of a side and a departure before the arrival", async () => {
    const { activity } = await makeVisit(test.db);
    await expect(
      saveDelegation(test.db, testActor, activity.id, 1, [
        member(0, { id: 2 ** 31 - 1 }),
        member(1, { id: minister }, { role: "head" }),
        member(2, { id: adviser }, { role: "head" }),
        member(
          3,
          { name: "Late Comer", organizationId: null },
          {
            arrivalAt: new Date("2025-06-10T10:00:00Z"),
            departureAt: new Date("2025-06-09T10:00:00Z"),
          },
        ),
      ]),
    ).rejects.toMatchObject({
      errors: {
        "personId[0]": { key: "delegation.unknownPerson" },
        "role[2]": { key: "delegation.oneHead" },
        "departureAt[3]": { key: "delegation.departsBeforeArrival" },
      },
    });
    // A head on each side is fine.
    const saved = await saveDelegation(test.db, testActor, activity.id, 1, [
      member(0, { id: minister }, { role: "head" }),
      member(1, { id: adviser }, { role: "head", side: "host" }),
    ]);
    expect(saved?.version).toBe(2);
  });

  it("a row must name a person chosen or a new one, not both", () => {
    const form = delegationForm(1, [{ hotel: "Hilton" }, { personId: String(adviser), newName: "Also new" }]);
    const data = checked(form);
    expect(() => memberInputsFromForm(data, "Asia/Baku")).toThrow(
      expect.objectContaining({
        errors: {
          "personId[0]": { key: "delegation.personRequired" },
          "newName[1]": { key: "delegation.personOrNew" },
        },
      }),
    );
    const badTime = checkForm(delegationFormSchema, delegationForm(1, [{ personId: "1", arrivalAt: "tomorrow" }]));
    expect(badTime.success).toBe(false);
    if (!badTime.success) expect(badTime.errors["arrivalAt[0]"]).toEqual({ key: "delegation.dateTimeInvalid" });
  });

  it("a stale save is a conflict carrying the delegation saved now, and changes nothing", async () => {
    const { activity } = await makeVisit(test.db);
    await saveDelegation(test.db, testActor, activity.id, 1, [member(0, { id: adviser }, { hotel: "Hilton" })]);
    const stale = saveDelegation(test.db, testActor, activity.id, 1, [
      member(0, { id: minister }),
      member(1, { name: "Never Made", organizationId: null }),
    ]);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError;
    expect(error.current).toMatchObject({
      version: 2,
      members: [{ personId: adviser, name: "Vm Adviser", hotel: "Hilton" }],
    });
    expect((await membersOf(test.db, activity.id, { withNeeds: false })).map((m) => m.personId)).toEqual([adviser]);
    expect(await test.db.select().from(t.people).where(eq(t.people.name, "Never Made"))).toEqual([]);
    expect(await saveDelegation(test.db, testActor, -1, 1, [])).toBeNull();
  });

  it("leaves the needs out unless asked for them", async () => {
    const { activity } = await makeVisit(test.db);
    await saveDelegation(test.db, testActor, activity.id, 1, [
      member(0, { id: adviser }, { dietaryNeeds: "Halal", accessNeeds: "Step-free", interpretationNeeds: "AZ–ID" }),
    ]);
    const [seen] = await membersOf(test.db, activity.id, { withNeeds: false });
    expect(seen!.needs).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/Halal|Step-free|AZ–ID/);
    const [edited] = await membersOf(test.db, activity.id, { withNeeds: true });
    expect(edited!.needs).toEqual({ interpretation: "AZ–ID", dietary: "Halal", access: "Step-free" });
  });
});
