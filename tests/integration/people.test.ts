import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { positionsOn } from "../../app/models/person-positions.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("people on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test?.close());

  it("positionsOn: the position holding on the day, the latest start winning, in one query", async () => {
    const { db } = test;
    const [org] = await db
      .insert(t.organizations)
      .values({ slug: "p-org", name: { en: "Ministry", id: "Kementerian" }, kind: "ministry" })
      .returning();
    const [a, b, c] = await db
      .insert(t.people)
      .values([
        { slug: "p-a", name: "A" },
        { slug: "p-b", name: "B" },
        { slug: "p-c", name: "C" },
      ])
      .returning();
    await db.insert(t.personPositions).values([
      {
        personId: a!.id,
        title: { en: "Director" },
        organizationId: org!.id,
        startsOn: "2015-01-01",
        endsOn: "2016-12-31",
      },
      { personId: a!.id, title: { en: "Minister", id: "Menteri" }, organizationId: org!.id, startsOn: "2017-01-01" },
      { personId: b!.id, title: { en: "Adviser" } },
      { personId: b!.id, title: { en: "Head" }, startsOn: "2020-06-01", endsOn: "2020-12-31" },
      { personId: c!.id, title: { en: "Later" }, startsOn: "2030-01-01" },
    ]);
    const in2016 = await positionsOn(db, [a!.id, b!.id, c!.id], "2016-05-01");
    expect(in2016.get(a!.id)).toEqual({
      title: { en: "Director" },
      organizationId: org!.id,
      organizationName: { en: "Ministry", id: "Kementerian" },
    });
    expect(in2016.get(b!.id)?.title).toEqual({ en: "Adviser" });
    expect(in2016.has(c!.id)).toBe(false);
    const in2020 = await positionsOn(db, [a!.id, b!.id, c!.id, a!.id], "2020-12-31");
    expect(in2020.get(a!.id)?.title).toEqual({ en: "Minister", id: "Menteri" });
    expect(in2020.get(b!.id)?.title).toEqual({ en: "Head" });
    expect((await positionsOn(db, [b!.id], "2021-01-01")).get(b!.id)?.title).toEqual({ en: "Adviser" });
    expect((await positionsOn(db, [], "2021-01-01")).size).toBe(0);
  });
});
