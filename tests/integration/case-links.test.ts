/**
 * Replication links (app/models/case-links-*.server.ts): the chain's rules (no self link, no second
 * link between two cases, no cycle), versioned and audited writes, and the public read, which walks
 * the chain both ways through published cases only.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { timelineOf } from "../../app/lib/replication";
import { archiveCase } from "../../app/models/case-publish.server";
import { getReplicationChain } from "../../app/models/case-links-chain.server";
import {
  createCaseLink,
  deleteCaseLink,
  updateCaseLink,
  type CaseLinkInput,
} from "../../app/models/case-links-writes.server";
import { ConflictError, RuleError } from "../../app/models/errors.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { makeCase, makePublishedCase, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const link = (fromCaseId: number, toCaseId: number, overrides: Partial<CaseLinkInput> = {}): CaseLinkInput => ({
  fromCaseId,
  toCaseId,
  place: null,
  countryCode: null,
  latitude: null,
  longitude: null,
  year: null,
  status: "running",
  note: null,
  sourceId: null,
  ...overrides,
});

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).key;
}

describe.each(drivers)("replication links on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
  });
  afterAll(() => test?.close());

  it("refuses a self link, a second link between the same cases either way, and a cycle", async () => {
    const [a, b, c] = [await makeCase(db), await makeCase(db), await makeCase(db)];
    expect(await refusal(createCaseLink(db, testActor, link(a.id, a.id)))).toBe("replication.rules.self");
    await createCaseLink(db, testActor, link(a.id, b.id));
    expect(await refusal(createCaseLink(db, testActor, link(a.id, b.id)))).toBe("replication.rules.duplicate");
    expect(await refusal(createCaseLink(db, testActor, link(b.id, a.id)))).toBe("replication.rules.duplicate");
    const bc = await createCaseLink(db, testActor, link(b.id, c.id));
    expect(await refusal(createCaseLink(db, testActor, link(c.id, a.id)))).toBe("replication.rules.cycle");
    // Changing another link into one that closes the circle is refused as well.
    const d = await makeCase(db);
    const dc = await createCaseLink(db, testActor, link(d.id, c.id));
    expect(await refusal(updateCaseLink(db, testActor, { ...link(c.id, a.id), id: dc.id, version: 1 }))).toBe(
      "replication.rules.cycle",
    );
    expect(await refusal(updateCaseLink(db, testActor, { ...link(c.id, b.id), id: dc.id, version: 1 }))).toBe(
      "replication.rules.duplicate",
    );
    // A link keeps its own pair on a save: it is not its own duplicate.
    const same = await updateCaseLink(db, testActor, { ...link(b.id, c.id, { year: 2020 }), id: bc.id, version: 1 });
    expect(same?.year).toBe(2020);
    expect(await refusal(createCaseLink(db, testActor, link(a.id, 2_000_000_000)))).toBe("replication.rules.noCase");
    expect(await refusal(createCaseLink(db, testActor, link(a.id, c.id, { countryCode: "ZZ" })))).toBe(
      "validation.invalidChoice",
    );
    // A→C beside A→B→C is no cycle: a case may take an idea from two cases of one chain.
    await expect(createCaseLink(db, testActor, link(a.id, c.id))).resolves.toMatchObject({ fromCaseId: a.id });
  });

  it("versions every change and audits it in the same transaction", async () => {
    const [a, b] = [await makeCase(db), await makeCase(db)];
    const made = await createCaseLink(db, testActor, link(a.id, b.id, { year: 2017, countryCode: "ID" }));
    const saved = await updateCaseLink(db, testActor, {
      ...link(a.id, b.id, { year: 2018, status: "stopped" }),
      id: made.id,
      version: made.version,
    });
    expect(saved).toMatchObject({ version: 2, year: 2018, status: "stopped" });
    await expect(
      updateCaseLink(db, testActor, { ...link(a.id, b.id), id: made.id, version: made.version }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteCaseLink(db, testActor, { id: made.id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await deleteCaseLink(db, testActor, { id: made.id, version: 2 })).toBe(true);
    expect(await deleteCaseLink(db, testActor, { id: made.id, version: 2 })).toBe(false);
    const audit = await db
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "case_link"), eq(t.auditLog.entityId, String(made.id))))
      .orderBy(t.auditLog.id);
    expect(audit.map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("reads a case's origins and adaptations onward, through published cases only", async () => {
    const origin = await makePublishedCase(db, { title: { en: "Origin" }, countryCode: "AZ" });
    const middle = await makePublishedCase(db, { title: { en: "Middle" } });
    const onward = await makePublishedCase(db, { title: { en: "Onward" } });
    const draft = await makeCase(db, { title: { en: "Draft in the chain" } });
    const beyond = await makePublishedCase(db, { title: { en: "Beyond the draft" } });
    await createCaseLink(db, testActor, link(origin.id, middle.id, { year: 2017, place: { en: "Banyuwangi" } }));
    await createCaseLink(db, testActor, link(middle.id, onward.id, { year: 2023 }));
    await createCaseLink(db, testActor, link(middle.id, draft.id, { year: 2024 }));
    await createCaseLink(db, testActor, link(draft.id, beyond.id, { year: 2025 }));

    const fromOrigin = await getReplicationChain(db, origin.id);
    expect(fromOrigin?.cases.map((c) => c.title.en).sort()).toEqual(["Middle", "Onward", "Origin"]);
    expect(JSON.stringify(fromOrigin)).not.toContain("Draft in the chain");
    expect(JSON.stringify(fromOrigin)).not.toContain("Beyond the draft");

    const fromMiddle = await getReplicationChain(db, middle.id);
    const steps = timelineOf(fromMiddle!);
    expect(steps.map((s) => [s.case.title.en, s.role, s.arrival?.year ?? null])).toEqual([
      ["Origin", "origin", null],
      ["Middle", "self", 2017],
      ["Onward", "adaptation", 2023],
    ]);
    expect(steps[1]?.arrival?.place).toEqual({ en: "Banyuwangi" });
    expect(steps[1]?.from?.title.en).toBe("Origin");

    // The case beyond the draft has no published way to the chain: nothing to show.
    expect(await getReplicationChain(db, beyond.id)).toBeNull();
    // Nor has a draft itself.
    expect(await getReplicationChain(db, draft.id)).toBeNull();

    // Archiving the middle cuts the chain for everyone: the origin is left alone.
    await archiveCase(db, testActor, middle.id, middle.version);
    expect(await getReplicationChain(db, origin.id)).toBeNull();
  });

  it("seeds content/'s links through the model, and leaves a link staff changed or deleted alone", async () => {
    const linkOf = async (from: string, to: string) => {
      const [row] = await db
        .select({ link: t.caseLinks })
        .from(t.caseLinks)
        .innerJoin(t.cases, eq(t.cases.id, t.caseLinks.fromCaseId))
        .where(and(eq(t.cases.slug, from), eq(t.caseLinks.toCaseId, sql`(select id from cases where slug = ${to})`)));
      return row?.link;
    };
    const mpp = await linkOf("asan-xidmat-service-centres", "mal-pelayanan-publik");
    expect(mpp).toMatchObject({ year: 2017, status: "running", countryCode: "ID", latitude: -8.22, longitude: 114.37 });
    expect(mpp?.place).toEqual({ en: "Banyuwangi, East Java", id: "Banyuwangi, Jawa Timur" });
    expect(mpp?.sourceId).not.toBeNull();
    const digital = await linkOf("mal-pelayanan-publik", "mpp-digital");
    expect(digital).toMatchObject({ year: 2023, status: "running" });

    // Seeding again changes nothing.
    const again = await seedContent(db, { demo: false });
    expect(again.leftAlone).toEqual([]);
    expect(await linkOf("asan-xidmat-service-centres", "mal-pelayanan-publik")).toEqual(mpp);

    // A link staff changed keeps the change; one they deleted is not made again.
    const { id, version, createdAt: _c, updatedAt: _u, ...input } = mpp!;
    await updateCaseLink(db, testActor, { ...input, year: 2018, id, version });
    await deleteCaseLink(db, testActor, { id: digital!.id, version: digital!.version });
    const third = await seedContent(db, { demo: false });
    expect(third.leftAlone.map((l) => [l.kind, l.key, l.reason])).toEqual([
      ["case link", "asan-xidmat-service-centres > mal-pelayanan-publik", "changed"],
      ["case link", "mal-pelayanan-publik > mpp-digital", "deleted"],
    ]);
    expect((await linkOf("asan-xidmat-service-centres", "mal-pelayanan-publik"))?.year).toBe(2018);
    expect(await linkOf("mal-pelayanan-publik", "mpp-digital")).toBeUndefined();
  });
});
