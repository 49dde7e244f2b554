import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { withRowMapper } from "../../app/models/prepared-rows.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

/**
 * Prepared statements map their rows with a plan made once (prepared-rows.server.ts): the result
 * must be what drizzle's own mapping gives, for every kind of field and join.
 */
describe.each(drivers)("prepared rows on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test.close());

  /** The same select, mapped by drizzle and by the plan. */
  async function both<Q extends { prepare(name: string): { execute(): Promise<unknown> } }>(query: Q, name: string) {
    const byDrizzle = await query.prepare(`${name}_drizzle`).execute();
    const byPlan = await withRowMapper(query.prepare(`${name}_plan`)).execute();
    return { byDrizzle, byPlan };
  }

  it("maps columns, SQL expressions, aliased ones and timestamps as drizzle does", async () => {
    const { byDrizzle, byPlan } = await both(
      test.db
        .select({
          id: t.activities.id,
          title: t.activities.title,
          startsAt: t.activities.startsAt,
          country: t.countries.name,
          titleEn: sql<string>`${t.activities.title}->>'en'`,
          year: sql<number>`extract(year from ${t.activities.startsAt})::int`.mapWith(Number),
          upper: sql<string>`upper(${t.activities.slug})`.as("upper_slug"),
        })
        .from(t.activities)
        .leftJoin(t.countries, eq(t.countries.code, t.activities.countryCode))
        .orderBy(t.activities.id),
      "fields",
    );
    expect((byPlan as unknown[]).length).toBeGreaterThan(5);
    expect(byPlan).toEqual(byDrizzle);
    expect((byPlan as { startsAt: unknown }[])[0]!.startsAt).toBeInstanceOf(Date);
  });

  it("makes a left-joined object null where its table did not match, and keeps it where it did", async () => {
    const parent = alias(t.agreements, "parent");
    const { byDrizzle, byPlan } = await both(
      test.db
        .select({
          agreement: t.agreements,
          parent: { id: parent.id, title: parent.title },
          partnership: { id: t.partnerships.id, name: t.partnerships.name },
        })
        .from(t.agreements)
        .innerJoin(t.partnerships, eq(t.partnerships.id, t.agreements.partnershipId))
        .leftJoin(parent, eq(parent.id, t.agreements.parentId))
        .orderBy(t.agreements.id),
      "objects",
    );
    const rows = byPlan as { parent: unknown }[];
    expect(rows.some((r) => r.parent === null)).toBe(true);
    expect(rows.some((r) => r.parent !== null)).toBe(true);
    expect(byPlan).toEqual(byDrizzle);
  });

  it("maps a whole left-joined table and an object of two tables as drizzle does", async () => {
    const parent = alias(t.agreements, "parent");
    const { byDrizzle, byPlan } = await both(
      test.db
        .select({
          id: t.agreements.id,
          parent,
          kind: sql<string>`${t.agreements.kind}::text`,
          mixed: { own: t.agreements.slug, parents: parent.slug },
        })
        .from(t.agreements)
        .leftJoin(parent, eq(parent.id, t.agreements.parentId))
        .orderBy(t.agreements.id),
      "joined",
    );
    expect((byPlan as { parent: unknown }[]).some((r) => r.parent === null)).toBe(true);
    expect(byPlan).toEqual(byDrizzle);
  });
});
