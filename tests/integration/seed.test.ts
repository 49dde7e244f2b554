import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loadContent } from "../../app/lib/content.server";
import { seedContent, seedIfEmpty } from "../../app/lib/seed.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("seeding content/ on %s", (driver) => {
  let test: TestDatabase;
  const auditRows = async () => Number((await test.db.select({ n: count() }).from(t.auditLog))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("loads every record once, and a second run changes nothing", async () => {
    const content = loadContent();
    const first = await seedIfEmpty(test.db, { demo: true });
    expect(first?.created).toBeGreaterThan(50);
    const activities = await test.db.select({ slug: t.activities.slug }).from(t.activities);
    expect(activities).toHaveLength(content.activities.length);
    const audits = await auditRows();
    expect(audits).toBeGreaterThanOrEqual(first!.created);

    const second = await seedContent(test.db, { demo: true });
    expect(second).toMatchObject({ created: 0, updated: 0 });
    expect(await auditRows()).toBe(audits);
  });

  it("creates the demo accounts with roles", async () => {
    const users = await test.db.select({ email: t.users.email, role: t.users.role }).from(t.users);
    expect(users).toEqual(
      expect.arrayContaining([
        { email: "admin@example.org", role: "admin" },
        { email: "editor@example.org", role: "editor" },
        { email: "viewer@example.org", role: "viewer" },
      ]),
    );
  });

  it("cites at least one source for every activity, case, agreement and commitment", async () => {
    for (const [kind, table] of [
      ["activity", t.activities],
      ["case", t.cases],
      ["agreement", t.agreements],
      ["commitment", t.commitments],
    ] as const) {
      const uncited = await test.db
        .select({ id: table.id })
        .from(table)
        .where(
          sql`not exists (select 1 from ${t.citations} c where c.subject_kind = ${kind} and c.subject_id = ${table.id})`,
        );
      expect(uncited, `${kind} without a source`).toEqual([]);
    }
  });

  it("stores each source's citation: title or marked description, date, quote", async () => {
    const rows = await test.db.select().from(t.sources);
    expect(rows).toHaveLength(loadContent().sources.length);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get("antara-2024-07-mou-renewed")).toMatchObject({
      kind: "article",
      title: "RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik",
      titleIsDescriptive: false,
      language: "id",
      publishedOn: "2024-07-01",
      url: null,
      quote: expect.stringContaining("Rencana aksi"),
    });
    expect(bySlug.get("liputan6-2017-07-mou-signed")).toMatchObject({ titleIsDescriptive: true, language: "id" });
    expect(bySlug.get("antara-en-2018-unpsa-malaria")).toMatchObject({ publishedOn: "2018", quote: null });
    for (const r of rows) expect(r.quote || r.url, r.slug).toBeTruthy();
  });

  it("does not reseed on start-up once seeded, so people's edits survive a restart", async () => {
    const [busan] = await test.db
      .update(t.activities)
      .set({ city: "Busan (edited)" })
      .where(eq(t.activities.slug, "2016-11-10-busan-bilateral-meeting"))
      .returning();
    expect(busan).toBeDefined();
    expect(await seedIfEmpty(test.db, { demo: true })).toBeNull();
    const [after] = await test.db.select().from(t.activities).where(eq(t.activities.id, busan!.id));
    expect(after!.city).toBe("Busan (edited)");
  });

  it("brings a changed record in line with content/ and records before and after", async () => {
    const content = loadContent();
    const edited = structuredClone(content);
    const target = edited.cases.find((c) => c.status === "published")!;
    target.sector = "changed-sector";
    const stats = await seedContent(test.db, { demo: false, content: edited });
    expect(stats.created).toBe(0);
    // The Busan edit above is reverted too: an explicit seed makes the database match content/.
    expect(stats.updated).toBe(2);
    const [entry] = await test.db
      .select()
      .from(t.auditLog)
      .where(sql`${t.auditLog.entityType} = 'case' and ${t.auditLog.action} = 'update'`);
    expect(entry).toMatchObject({ actorLabel: "seed", actorId: null });
    expect(entry!.before).toMatchObject({ sector: expect.not.stringMatching("changed-sector") });
    expect(entry!.after).toMatchObject({ sector: "changed-sector" });
    const [row] = await test.db.select().from(t.cases).where(eq(t.cases.slug, target.slug));
    expect(row!.version).toBe(2);
  });

  it("brings an edited source in line, and back again from content/", async () => {
    const slug = "liputan6-2017-07-mou-signed";
    const edited = loadContent();
    const source = edited.sources.find((x) => x.slug === slug)!;
    const original = { ...source };
    source.headline = "Azerbaijan jadi guru pelayanan publik";
    delete source.descriptive_title;
    source.quote = "Azerbaijan sepakat untuk menjadi guru bagi Indonesia dalam peningkatan pelayanan publik.";
    const stats = await seedContent(test.db, { demo: false, content: edited });
    expect(stats.created).toBe(0);
    // The source, and the case changed by the test above, back in line with content/.
    expect(stats.updated).toBe(2);
    const read = async () => (await test.db.select().from(t.sources).where(eq(t.sources.slug, slug)))[0]!;
    expect(await read()).toMatchObject({
      title: source.headline,
      titleIsDescriptive: false,
      quote: source.quote,
      version: 2,
    });
    const [entry] = await test.db
      .select()
      .from(t.auditLog)
      .where(sql`${t.auditLog.entityType} = 'source' and ${t.auditLog.action} = 'update'`);
    expect(entry!.before).toMatchObject({ title: original.descriptive_title, titleIsDescriptive: true });
    expect(entry!.after).toMatchObject({ title: source.headline, titleIsDescriptive: false });

    expect(await seedContent(test.db, { demo: false })).toMatchObject({ created: 0, updated: 1 });
    expect(await read()).toMatchObject({
      title: original.descriptive_title,
      titleIsDescriptive: true,
      quote: original.quote,
      version: 3,
    });
    expect(await seedContent(test.db, { demo: false })).toMatchObject({ created: 0, updated: 0 });
  });
});
