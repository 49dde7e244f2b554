import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { listAgreements, getAgreement } from "../../app/models/agreement-queries.server";
import { caseSources, findPublishedCase } from "../../app/models/case-public.server";
import { getFeaturedPartnership } from "../../app/models/partnership.server";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("read models over the demo content on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test.close());

  it("presents the partnership with its countries and sourced figures", async () => {
    const p = await getFeaturedPartnership(test.db);
    expect(p!.countries.map((c) => c.code)).toEqual(["ID", "AZ"]);
    expect(p!.figures.length).toBeGreaterThan(0);
    for (const f of p!.figures) expect(f.source?.publisher).toBeTruthy();
    expect(p!.figures.map((f) => f.value)).toContain("207");
  });

  it("lists the agreements with commitment counts, the renewal continuing the MoU", async () => {
    const list = await listAgreements(test.db);
    const kinds = list.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(["mou", "renewal", "action_plan"]));
    const renewal = list.find((a) => a.kind === "renewal")!;
    expect(renewal.parentTitle?.en).toMatch(/2017/);
    const mou = list.find((a) => a.kind === "mou")!;
    const total = Object.values(mou.commitments).reduce((n, c) => n + (c ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(4);
  });

  it("shows the 2017 MoU's commitments with how many activities serve them", async () => {
    const [mou] = await test.db.select().from(t.agreements).where(eq(t.agreements.slug, "mou-2017"));
    const agreement = await getAgreement(test.db, mou!.id);
    const oneStop = agreement!.commitments.find((c) => /one-stop/i.test(c.text.en));
    expect(oneStop).toBeDefined();
    expect(oneStop!.activityCount).toBeGreaterThan(0);
    expect(agreement!.signatories.map((s) => s.name)).toEqual(expect.arrayContaining(["Asman Abnur", "Inam Karimov"]));
    expect(agreement!.continuedBy.length).toBe(1);
  });

  it("shows anonymous readers only published cases", async () => {
    const published = await test.db
      .select({ slug: t.casePublications.slug, title: t.casePublications.title })
      .from(t.casePublications);
    const drafts = await test.db.select().from(t.cases).where(eq(t.cases.status, "draft"));
    expect(drafts.length).toBeGreaterThan(0);
    expect(published.map((c) => c.slug)).not.toEqual(expect.arrayContaining([drafts[0]!.slug]));
    expect(await findPublishedCase(test.db, drafts[0]!.slug)).toBeNull();
    const edat = await findPublishedCase(test.db, published.find((c) => /EDAT/.test(c.title.en))!.slug);
    expect(edat).toMatchObject({ sector: "health", sdgGoals: [3], awardKeys: ["unpsa"] });
    expect(await caseSources(test.db, edat!.caseId)).not.toHaveLength(0);
  });
});
