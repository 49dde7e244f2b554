// A save that names a row gone meanwhile (an organisation merged away) is told apart from other
// refusals by the driver's error, on both drivers (forms/save.server.ts answers it 409).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { missingReference } from "../../app/models/missing-reference.server";
import { makeOrganization, makePerson } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const refusal = (write: Promise<unknown>) =>
  write.then(
    () => {
      throw new Error("the write was accepted");
    },
    (error: unknown) => error,
  );

describe.each(drivers)("a write naming a row that is gone, on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test?.close());

  it("names the form field of the missing reference", async () => {
    const person = await makePerson(test.db);
    const error = await refusal(
      test.db.update(t.people).set({ organizationId: 999_999 }).where(eq(t.people.id, person.id)),
    );
    expect(missingReference(error)).toBe("organizationId");
    // A table referring to itself: an organisation's parent.
    const organization = await makeOrganization(test.db);
    const noParent = await refusal(
      test.db.update(t.organizations).set({ parentId: 999_999 }).where(eq(t.organizations.id, organization.id)),
    );
    expect(missingReference(noParent)).toBe("parentId");
  });

  it("does not mistake a delete of a row still referred to, or another refusal, for one", async () => {
    const organization = await makeOrganization(test.db);
    await makePerson(test.db, { organizationId: organization.id });
    const stillUsed = await refusal(test.db.delete(t.organizations).where(eq(t.organizations.id, organization.id)));
    expect(missingReference(stillUsed)).toBeNull();
    const country = { code: "ZZ", name: { en: "Nowhere" }, timeZone: "UTC" };
    await test.db.insert(t.countries).values(country);
    const duplicate = await refusal(test.db.insert(t.countries).values(country));
    expect(missingReference(duplicate)).toBeNull();
    expect(missingReference(new Error("no database involved"))).toBeNull();
  });
});
