/**
 * The library's one way to the public (app/models/case-publish.server.ts): a case's working copy
 * reaches case_publications only when published, a revision leaves the published text public, and
 * archiving withdraws it; every step is audited.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { archiveCase, publishCase } from "../../app/models/case-publish.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { createCase, updateCase } from "../../app/models/case-writes.server";
import { ConflictError } from "../../app/models/errors.server";
import { caseInput, makeCase } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("case publication on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
  });
  afterAll(() => test?.close());

  const publicRow = async (caseId: number) =>
    (await db.select().from(t.casePublications).where(eq(t.casePublications.caseId, caseId)))[0];

  it("publishes a draft, keeps the published text through a revision, and archives it", async () => {
    const draft = await makeCase(db, { title: { en: "Queue-free permits" } });
    expect(await publicRow(draft.id)).toBeUndefined();

    const published = await publishCase(db, { label: "cli" }, draft.id, draft.version);
    expect(published.status).toBe("published");
    expect((await publicRow(draft.id))?.title).toEqual({ en: "Queue-free permits" });

    const revised = await updateCase(
      db,
      { label: "cli" },
      draft.id,
      published.version,
      caseInput({ title: { en: "Permits without queues" } }),
    );
    expect(revised.status).toBe("draft");
    expect((await publicRow(draft.id))?.title).toEqual({ en: "Queue-free permits" });

    await expect(publishCase(db, { label: "cli" }, draft.id, published.version)).rejects.toBeInstanceOf(ConflictError);
    const republished = await publishCase(db, { label: "cli" }, draft.id, revised.version);
    expect((await publicRow(draft.id))?.title).toEqual({ en: "Permits without queues" });
    expect((await publicRow(draft.id))?.caseVersion).toBe(republished.version);

    await archiveCase(db, { label: "cli" }, draft.id, republished.version);
    expect(await publicRow(draft.id)).toBeUndefined();
    const actions = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "case"), eq(t.auditLog.entityId, String(draft.id))))
      .orderBy(t.auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(["create", "publish", "update", "publish", "archive"]);
  });

  it("gives a new case an address no other case uses, in either language", async () => {
    await createCase(db, { label: "cli" }, caseInput({ title: { en: "Other" } }), {
      slug: "village-kiosks-x",
      slugId: "village-kiosks",
    });
    const made = await makeCase(db, { title: { en: "Village kiosks" } });
    expect(made.slug).toBe("village-kiosks-2");
  });

  it("searches the published text in both languages, with trigram names for typos", async () => {
    const draft = await makeCase(db, {
      title: { en: "One-stop service halls", id: "Balai layanan satu pintu" },
      summary: { en: "Permits in one place.", id: "Perizinan di satu tempat." },
    });
    await publishCase(db, { label: "cli" }, draft.id, draft.version);
    const [row] = await db
      .select({
        en: t.casePublications.searchEn,
        id: t.casePublications.searchId,
        similar: sqlSimilarity(),
      })
      .from(t.casePublications)
      .where(eq(t.casePublications.caseId, draft.id));
    expect(row?.en).toContain("'permit'");
    expect(row?.id).toContain("'izin'");
    expect(Number(row?.similar)).toBeGreaterThan(0.3);
  });
});

function sqlSimilarity() {
  return sql<number>`word_similarity('servise', ${t.casePublications.names})`;
}
