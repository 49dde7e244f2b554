/**
 * Editing library cases with review (issue 11): the second-editor rule, a revision that stays
 * private until published, archiving and restoring, stale saves, the audit trail, the form's
 * mapping to the model, and the seed writing cases through the same models.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { caseFormSchema } from "../../app/forms/case";
import { caseFormValues, caseInputFromForm } from "../../app/forms/case.server";
import { parseSubmission } from "../../app/forms/submission";
import { archiveCase } from "../../app/models/case-publish.server";
import { listStaffCases } from "../../app/models/case-queries.server";
import { publishCaseAs, restoreCaseAsDraft, submitCaseForReview } from "../../app/models/case-review.server";
import { createCase, updateCase, type CaseInput } from "../../app/models/case-writes.server";
import { ConflictError, NotAllowedError, RuleError } from "../../app/models/errors.server";
import { loadContent } from "../../app/seed/content.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { caseInput, makeUser } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("editing library cases with review on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let alice: { id: number; role: "editor" };
  let bruno: { id: number; role: "editor" };
  let admin: { id: number; role: "admin" };
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
    const [a, b, c] = await Promise.all([
      makeUser(db, { role: "editor" }),
      makeUser(db, { role: "editor" }),
      makeUser(db, { role: "admin" }),
    ]);
    alice = { id: a.id, role: "editor" };
    bruno = { id: b.id, role: "editor" };
    admin = { id: c.id, role: "admin" };
  });
  afterAll(() => test?.close());

  const publicRow = async (caseId: number) =>
    (await db.select().from(t.casePublications).where(eq(t.casePublications.caseId, caseId)))[0];
  const actions = async (caseId: number) =>
    (
      await db
        .select({ action: t.auditLog.action, actorId: t.auditLog.actorId })
        .from(t.auditLog)
        .where(and(eq(t.auditLog.entityType, "case"), eq(t.auditLog.entityId, String(caseId))))
        .orderBy(t.auditLog.id)
    ).map((r) => `${r.action}:${r.actorId}`);

  it("lets a second editor publish, never the editor who changed it last; an admin may publish their own", async () => {
    const draft = await createCase(db, { userId: alice.id }, caseInput({ title: { en: "Queue-free permits" } }));
    expect(draft.editedBy).toBe(alice.id);
    const submitted = await submitCaseForReview(db, { userId: alice.id }, draft.id, draft.version);
    expect(submitted.status).toBe("in_review");

    const refused = publishCaseAs(db, alice, draft.id, submitted.version);
    await expect(refused).rejects.toBeInstanceOf(NotAllowedError);
    await expect(refused).rejects.toMatchObject({
      status: 403,
      errors: { "": { key: "caseEditor.secondEditorRequired" } },
    });
    expect(await publicRow(draft.id)).toBeUndefined();

    const published = await publishCaseAs(db, bruno, draft.id, submitted.version);
    expect(published.status).toBe("published");
    expect((await publicRow(draft.id))?.title).toEqual({ en: "Queue-free permits" });
    expect(await actions(draft.id)).toEqual([`create:${alice.id}`, `submit:${alice.id}`, `publish:${bruno.id}`]);

    const own = await createCase(db, { userId: admin.id }, caseInput());
    await expect(publishCaseAs(db, admin, own.id, own.version)).resolves.toMatchObject({ status: "published" });
  });

  it("keeps the published text public while a revision is drafted, until someone else publishes it", async () => {
    const draft = await createCase(db, { userId: alice.id }, caseInput({ title: { en: "One-stop halls" } }));
    const published = await publishCaseAs(db, bruno, draft.id, draft.version);
    const revised = await updateCase(db, { userId: bruno.id }, draft.id, published.version, {
      ...caseInput(),
      title: { en: "One-stop service halls" },
    });
    expect(revised).toMatchObject({ status: "draft", editedBy: bruno.id });
    expect((await publicRow(draft.id))?.title).toEqual({ en: "One-stop halls" });
    const listed = (await listStaffCases(db, { status: "draft", pageSize: 100 })).cases.find((c) => c.id === draft.id);
    expect(listed).toMatchObject({ status: "draft", revisionPending: true });

    // Bruno revised it, so Bruno may not publish the revision; Alice may.
    await expect(publishCaseAs(db, bruno, draft.id, revised.version)).rejects.toBeInstanceOf(NotAllowedError);
    const again = await publishCaseAs(db, alice, draft.id, revised.version);
    expect(await publicRow(draft.id)).toMatchObject({
      title: { en: "One-stop service halls" },
      caseVersion: again.version,
    });
    const after = (await listStaffCases(db, { status: "published", pageSize: 100 })).cases.find(
      (c) => c.id === draft.id,
    );
    expect(after?.revisionPending).toBe(false);
  });

  it("archives a case off the public library, and restores it as a draft that must be published again", async () => {
    const draft = await createCase(db, { userId: alice.id }, caseInput());
    const published = await publishCaseAs(db, bruno, draft.id, draft.version);
    const archived = await archiveCase(db, { userId: bruno.id }, draft.id, published.version);
    expect(archived.status).toBe("archived");
    expect(await publicRow(draft.id)).toBeUndefined();
    await expect(publishCaseAs(db, alice, draft.id, archived.version)).rejects.toBeInstanceOf(RuleError);
    await expect(submitCaseForReview(db, { userId: alice.id }, draft.id, archived.version)).rejects.toMatchObject({
      errors: { "": { key: "caseEditor.notDraft" } },
    });
    const restored = await restoreCaseAsDraft(db, { userId: alice.id }, draft.id, archived.version);
    expect(restored.status).toBe("draft");
    expect(await publicRow(draft.id)).toBeUndefined();
    expect((await actions(draft.id)).map((a) => a.split(":")[0])).toEqual(["create", "publish", "archive", "restore"]);
  });

  it("refuses a stale save or review step as a conflict, writing nothing", async () => {
    const draft = await createCase(db, { userId: alice.id }, caseInput());
    const saved = await updateCase(
      db,
      { userId: bruno.id },
      draft.id,
      draft.version,
      caseInput({ title: { en: "Bruno's" } }),
    );
    await expect(
      updateCase(db, { userId: alice.id }, draft.id, draft.version, caseInput({ title: { en: "Alice's" } })),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(submitCaseForReview(db, { userId: alice.id }, draft.id, draft.version)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(publishCaseAs(db, alice, draft.id, draft.version)).rejects.toBeInstanceOf(ConflictError);
    const [row] = await db.select().from(t.cases).where(eq(t.cases.id, draft.id));
    expect(row).toMatchObject({ version: saved.version, title: { en: "Bruno's" }, status: "draft" });
    expect(await actions(draft.id)).toEqual([`create:${alice.id}`, `update:${bruno.id}`]);
  });

  it("maps the form to the case and back: rows, blank rows dropped, award keys derived, rich text per language", async () => {
    const form = new FormData();
    const fields: [string, string][] = [
      ["titleEn", "Village malaria workers"],
      ["titleId", "Juru malaria kampung"],
      ["summaryEn", "Early diagnosis in villages."],
      ["sector", "health"],
      ["countryCode", "ID"],
      ["adminLevel", "regency_city"],
      ["latitude", "-2.1"],
      ["longitude", "133.53"],
      ["startedYear", "2006"],
      ["sdgGoals", "3"],
      ["sdgGoals", "17"],
      ["sdgTargets", "3.3, 17.17"],
      ["lessonsEn", "Train villagers.\n\nKeep drugs simple."],
      ["lessonsEnFormat", "text"],
      ["narrativeId", "Cerita program."],
      ["narrativeIdFormat", "text"],
      ["lessonsAz", "Kənd işçilərini öyrədin."],
      ["lessonsAzFormat", "text"],
    ];
    for (const [name, value] of fields) form.append(name, value);
    // Two result rows, the second blank; one award row and a blank one.
    for (const [name, values] of Object.entries({
      resultLabelEn: ["Prevalence", ""],
      resultLabelId: ["Prevalensi", ""],
      resultLabelAz: ["Yayılma", ""],
      resultValue: ["0.02", ""],
      resultUnitEn: ["%", ""],
      resultUnitId: ["", ""],
      resultUnitAz: ["", ""],
      resultDate: ["2017", ""],
      resultSource: ["undesa-unpsa-2018-edat", ""],
      awardKey: ["unpsa", "unpsa"],
      awardTitleEn: ["UN Public Service Award", ""],
      awardTitleId: ["", ""],
      awardTitleAz: ["BMT-nin Dövlət Xidməti Mükafatı", ""],
      awardYear: ["2018", ""],
      awardCategoryEn: ["", ""],
      awardCategoryId: ["", ""],
      awardCategoryAz: ["", ""],
    }))
      for (const v of values) form.append(name, v);
    const submission = parseSubmission(form, caseFormSchema);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const input = await caseInputFromForm(submission.value);
    expect(input.results).toEqual([
      {
        label: { en: "Prevalence", id: "Prevalensi", az: "Yayılma" },
        value: "0.02",
        unit: { en: "%" },
        date: "2017",
        sourceSlug: "undesa-unpsa-2018-edat",
      },
    ]);
    expect(input.awards).toEqual([
      { key: "unpsa", title: { en: "UN Public Service Award", az: "BMT-nin Dövlət Xidməti Mükafatı" }, year: 2018 },
    ]);
    expect(input).toMatchObject({ sdgGoals: [3, 17], sdgTargets: ["3.3", "17.17"], latitude: -2.1, startedYear: 2006 });
    expect(input.lessonsRich?.en?.text).toContain("Keep drugs simple.");
    expect(input.lessonsRich?.id).toBeUndefined();
    expect(input.lessonsRich?.az?.text).toBe("Kənd işçilərini öyrədin.");
    expect(input.narrative?.az).toBeUndefined();
    expect(input.narrative?.id?.html).toContain("<p");

    const created = await createCase(db, { userId: alice.id }, input);
    expect(created.awardKeys).toEqual(["unpsa"]);
    const values = caseFormValues(created);
    expect(values).toMatchObject({
      titleId: "Juru malaria kampung",
      resultValue: ["0.02"],
      resultLabelAz: ["Yayılma"],
      awardTitleAz: ["BMT-nin Dövlət Xidməti Mükafatı"],
      awardYear: ["2018"],
      sdgGoals: ["3", "17"],
      sdgTargets: "3.3, 17.17",
      lessonsEnFormat: "lexical",
      lessonsIdFormat: "text",
      lessonsAzFormat: "lexical",
    });
  });

  it("refuses a row without its figure and names the row, and a year it stopped before it started", () => {
    const form = new FormData();
    for (const [name, value] of [
      ["titleEn", "x"],
      ["summaryEn", "y"],
      ["sector", "health"],
      ["countryCode", "ID"],
      ["startedYear", "2010"],
      ["stoppedYear", "2009"],
      ["sdgTargets", "three"],
      ["resultLabelEn", ""],
      ["resultLabelEn", "Malls"],
      ["resultValue", ""],
      ["resultValue", ""],
      ["resultDate", ""],
      ["resultDate", "October"],
    ])
      form.append(name!, value!);
    const submission = parseSubmission(form, caseFormSchema);
    expect(submission.status).toBe("error");
    if (submission.status !== "error") return;
    expect(Object.keys(submission.error ?? {}).sort()).toEqual(
      ["resultDate[1]", "resultValue[1]", "sdgTargets", "stoppedYear"].sort(),
    );
  });

  it("seeds content/'s cases through the models: the published ones public, and a case staff changed left alone", async () => {
    const content = loadContent();
    const publications = await db.select({ slug: t.casePublications.slug }).from(t.casePublications);
    const slugs = new Set(publications.map((p) => p.slug));
    for (const k of content.cases) expect(slugs.has(k.slug), k.slug).toBe(k.status === "published");
    const [mpp] = await db.select().from(t.cases).where(eq(t.cases.slug, "mal-pelayanan-publik"));
    expect(mpp).toMatchObject({ status: "published", sector: "public_service_delivery" });
    expect(mpp!.results.map((r) => r.value)).toEqual(["152", "207"]);
    expect(mpp!.lessonsRich.id?.text).toMatch(/birokrasi/i);

    const edited = await updateCase(db, { userId: alice.id }, mpp!.id, mpp!.version, {
      ...(Object.fromEntries(
        Object.keys(t.caseContent()).map((k) => [k, mpp![k as keyof typeof mpp]]),
      ) as unknown as CaseInput),
      title: { en: "Public service malls (edited by staff)" },
    });
    const stats = await seedContent(db, { demo: false });
    expect(stats.leftAlone).toContainEqual(
      expect.objectContaining({ kind: "case", key: "mal-pelayanan-publik", reason: "changed" }),
    );
    const [after] = await db.select().from(t.cases).where(eq(t.cases.id, mpp!.id));
    expect(after).toMatchObject({
      version: edited.version,
      title: { en: "Public service malls (edited by staff)" },
      status: "draft",
    });
    expect((await publicRow(mpp!.id))?.title.en).toBe(
      content.cases.find((k) => k.slug === "mal-pelayanan-publik")!.title.en,
    );
  });
});
