import { and, count, eq, gt, max, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { loadContent } from "../../app/seed/content.server";
import { type ActivityInput } from "../../app/models/activity.server";
import { getActivityForEdit } from "../../app/models/activity-queries.server";
import { deleteActivity, updateActivity } from "../../app/models/activity-writes.server";
import { getAgreementForEdit } from "../../app/models/agreement-edit.server";
import { updateAgreement } from "../../app/models/agreement-writes.server";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { seedContent, seedIfEmpty } from "../../app/seed/seed-content.server";
import { seedSummary } from "../../app/seed/seed-summary";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";
import { assessmentInput } from "../support/model-factories";

describe.each(drivers)("seeding content/ on %s", (driver) => {
  let test: TestDatabase;
  let editor: { userId: number };
  const busan = "2016-11-10-busan-bilateral-meeting";
  const auditRows = async () => Number((await test.db.select({ n: count() }).from(t.auditLog))[0]!.n);
  const lastAuditId = async () => Number((await test.db.select({ id: max(t.auditLog.id) }).from(t.auditLog))[0]!.id);
  const activityBySlug = async (slug: string) =>
    (await test.db.select().from(t.activities).where(eq(t.activities.slug, slug)))[0];

  /** The activity's edit as the app's form saves it: the editor's change through the model. */
  async function editInTheApp(slug: string, change: (input: ActivityInput) => ActivityInput) {
    const id = (await activityBySlug(slug))!.id;
    const form = (await getActivityForEdit(test.db, id))!;
    return (await updateActivity(test.db, editor, { ...change(form.input), id, version: form.version }))!;
  }

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test.close());

  it("loads every record once through the models, and a second run changes nothing", async () => {
    const content = loadContent();
    const first = await seedIfEmpty(test.db, { demo: true });
    expect(first?.created).toBeGreaterThan(50);
    expect(first?.leftAlone).toEqual([]);
    // The demo's example scenario comes beside content/ (seed-examples.test.ts).
    const activities = await test.db
      .select({ slug: t.activities.slug })
      .from(t.activities)
      .where(eq(t.activities.example, false));
    expect(activities).toHaveLength(content.activities.length);
    const audits = await auditRows();
    expect(audits).toBeGreaterThanOrEqual(first!.created);
    // The model's audit row, links included, as the app's form writes it: one per activity.
    const created = await test.db
      .select({ actorLabel: t.auditLog.actorLabel, actorId: t.auditLog.actorId, after: t.auditLog.after })
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.entityType, "activity"),
          eq(t.auditLog.action, "create"),
          sql`${t.auditLog.after}->>'slug' not like 'example-%'`,
        ),
      );
    expect(created).toHaveLength(content.activities.length);
    for (const row of created) {
      expect(row).toMatchObject({ actorLabel: "seed", actorId: null, after: { organizerIds: expect.any(Array) } });
    }
    const [users] = await test.db.select({ n: count() }).from(t.users);
    const editorRow = (await test.db.select().from(t.users).where(eq(t.users.email, "editor@example.org")))[0]!;
    expect(Number(users!.n)).toBe(3);
    editor = { userId: editorRow.id };

    const second = await seedContent(test.db, { demo: true });
    expect(second).toMatchObject({ created: 0, updated: 0, leftAlone: [] });
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
          // The demo's made-up example scenario cites nothing: it is marked as what it is instead.
          sql`${table.slug} not like 'example-%' and not exists (select 1 from ${t.citations} c where c.subject_kind = ${kind} and c.subject_id = ${table.id})`,
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
    const edited = await editInTheApp(busan, (input) => ({ ...input, city: "Busan (edited)" }));
    expect(await seedIfEmpty(test.db, { demo: true })).toBeNull();
    expect((await activityBySlug(busan))!.city).toBe("Busan (edited)");
    expect(edited.version).toBe(2);
  });

  it("keeps an activity's title edited in the app when db:seed runs again, and says it left it alone", async () => {
    const title = { en: "Busan bilateral meeting (as the ministry calls it)", id: "Pertemuan bilateral di Busan" };
    const saved = await editInTheApp(busan, (input) => ({ ...input, title }));
    const mark = await lastAuditId();

    const stats = await seedContent(test.db, { demo: true });
    expect(stats).toMatchObject({ created: 0, updated: 0 });
    const original = loadContent().activities.find((a) => a.slug === busan)!;
    expect(stats.leftAlone).toEqual([{ kind: "activity", key: busan, title: original.title.en, reason: "changed" }]);
    expect(await activityBySlug(busan)).toMatchObject({ title, city: "Busan (edited)", version: saved.version });
    expect(await lastAuditId()).toBe(mark);
    expect(seedSummary(driver, stats)).toEqual([
      `Seeded ${driver}: 0 created, 0 updated, ${stats.unchanged} unchanged, 1 left alone.`,
      `  left alone: activity ${busan} "${original.title.en}" (changed in the app)`,
    ]);

    // Nor when content/ changes the same activity: the edit in the app wins.
    const content = loadContent();
    content.activities.find((a) => a.slug === busan)!.title.en = "Busan meeting, renamed in content/";
    const again = await seedContent(test.db, { demo: false, content });
    expect(again.leftAlone.map((r) => r.key)).toEqual([busan]);
    expect((await activityBySlug(busan))!.title).toEqual(title);
  });

  it("brings a record nobody edited in line with content/ and records before and after", async () => {
    const content = loadContent();
    const edited = structuredClone(content);
    const target = edited.cases.find((c) => c.status === "published")!;
    target.sector = target.sector === "education" ? "other" : "education";
    const [published] = await test.db.select().from(t.cases).where(eq(t.cases.slug, target.slug));
    const stats = await seedContent(test.db, { demo: false, content: edited });
    expect(stats).toMatchObject({ created: 0, updated: 1 });
    expect(stats.leftAlone.map((r) => r.key)).toEqual([busan]);
    // Through the case model: a revision of the working copy, then published by the seed.
    const entries = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "case"), eq(t.auditLog.entityId, String(published!.id))))
      .orderBy(t.auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(["create", "publish", "update", "publish"]);
    const entry = entries[2]!;
    expect(entry).toMatchObject({ actorLabel: "seed", actorId: null });
    expect(entry.before).toMatchObject({ sector: published!.sector, version: published!.version });
    expect(entry.after).toMatchObject({ sector: target.sector, version: published!.version + 1 });
    const [row] = await test.db.select().from(t.cases).where(eq(t.cases.slug, target.slug));
    expect(row).toMatchObject({ status: "published", version: published!.version + 2 });
    const [shown] = await test.db.select().from(t.casePublications).where(eq(t.casePublications.caseId, row!.id));
    expect(shown).toMatchObject({ sector: target.sector, caseVersion: row!.version });
  });

  it("applies content/'s change to an activity nobody edited, through the activity model", async () => {
    const slug = "2017-07-24-mou-signing";
    const content = loadContent();
    content.activities.find((a) => a.slug === slug)!.city = "Jakarta (from content/)";
    const mark = await lastAuditId();
    const stats = await seedContent(test.db, { demo: false, content });
    // The activity, and the case of the test above back in line with content/.
    expect(stats).toMatchObject({ created: 0, updated: 2 });
    const row = (await activityBySlug(slug))!;
    expect(row).toMatchObject({ city: "Jakarta (from content/)", version: 2 });
    const entries = await test.db
      .select()
      .from(t.auditLog)
      .where(and(gt(t.auditLog.id, mark), eq(t.auditLog.entityType, "activity")));
    expect(entries).toEqual([
      expect.objectContaining({
        action: "update",
        actorLabel: "seed",
        entityId: String(row.id),
        after: expect.objectContaining({ city: "Jakarta (from content/)", version: 2 }),
      }),
    ]);
    expect(await seedContent(test.db, { demo: false })).toMatchObject({ created: 0, updated: 1 });
    expect((await activityBySlug(slug))!.version).toBe(3);
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
    expect(stats).toMatchObject({ created: 0, updated: 1 });
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

  it("keeps an agreement and a commitment changed in the app, and applies content/ to their siblings", async () => {
    const agreement = async (slug: string) =>
      (await test.db.select().from(t.agreements).where(eq(t.agreements.slug, slug)))[0]!;
    const commitment = async (slug: string) =>
      (await test.db.select().from(t.commitments).where(eq(t.commitments.slug, slug)))[0]!;
    const mou = await agreement("mou-2017");
    const form = (await getAgreementForEdit(test.db, mou.id))!;
    const { id: _id, version, partnershipId: _p, slug: _s, createdAt: _c, updatedAt: _u, ...fields } = form;
    await updateAgreement(test.db, editor, { ...fields, id: mou.id, version, signedCity: "Jakarta (as staff recall)" });
    const concept = await commitment("mou-2017-one-stop-shop-concept");
    await assessCommitment(test.db, editor, concept.id, concept.version, assessmentInput("withdrawn"));

    const content = loadContent();
    const mouContent = content.agreements.find((a) => a.slug === "mou-2017")!;
    mouContent.summary.en += " (revised in content/)";
    mouContent.commitments[0]!.area = "revised in content/";
    mouContent.commitments[1]!.area = "also revised in content/";
    const stats = await seedContent(test.db, { demo: false, content });
    expect(stats.leftAlone.map((r) => `${r.kind} ${r.key}`).sort()).toEqual(
      ["activity " + busan, "agreement mou-2017", "commitment mou-2017-one-stop-shop-concept"].sort(),
    );
    expect(await agreement("mou-2017")).toMatchObject({
      signedCity: "Jakarta (as staff recall)",
      summary: mou.summary,
    });
    expect(await commitment("mou-2017-one-stop-shop-concept")).toMatchObject({
      status: "withdrawn",
      area: concept.area,
    });
    // The sibling nobody touched follows content/, through the commitment model.
    expect(await commitment("mou-2017-service-centre-design")).toMatchObject({
      area: "also revised in content/",
      version: 2,
    });
  });

  it("holds content/ to the models' rules: a refused record names itself and nothing is written", async () => {
    const content = loadContent();
    delete content.agreements.find((a) => a.slug === "renewal-2024")!.parent;
    content.sources[0]!.publisher = "A change that must not be saved either";
    const before = await auditRows();
    await expect(seedContent(test.db, { demo: false, content })).rejects.toThrow(
      'content/ agreement "renewal-2024" was refused: agreements.renewalNeedsParent',
    );
    expect(await auditRows()).toBe(before);
    const [source] = await test.db.select().from(t.sources).where(eq(t.sources.slug, content.sources[0]!.slug));
    expect(source!.publisher).not.toBe("A change that must not be saved either");
  });

  it("does not bring back an activity deleted in the app", async () => {
    const slug = "2016-11-02-deputy-visit-to-azerbaijan";
    const row = (await activityBySlug(slug))!;
    expect(await deleteActivity(test.db, editor, { id: row.id, version: row.version })).toBe(true);
    const stats = await seedContent(test.db, { demo: false });
    expect(stats.created).toBe(0);
    expect(stats.leftAlone).toContainEqual(expect.objectContaining({ kind: "activity", key: slug, reason: "deleted" }));
    expect(await activityBySlug(slug)).toBeUndefined();
  });
});
