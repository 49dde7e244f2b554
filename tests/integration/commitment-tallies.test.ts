import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import * as t from "../../db/schema";
import { seedContent } from "../../app/seed/seed-content.server";
import { getAgreement, listAgreements } from "../../app/models/agreement-queries.server";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { updateCommitment } from "../../app/models/commitment-writes.server";
import { addEvidence } from "../../app/models/commitment-evidence.server";
import { isOverdue } from "../../app/models/commitment-overdue.server";
import { assessmentInput, makeAgreement, makeCommitment, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const today = "2025-03-01";

/**
 * commitment_month_tallies is kept by a trigger (migration 0031): whatever changes commitments, the
 * tallies must equal a count of the commitments themselves, and the agreement page's counts with them.
 */
describe.each(drivers)("commitment tallies on %s", (driver) => {
  let test: TestDatabase;
  let agreementId: number;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
    const [partnership] = await test.db.select({ id: t.partnerships.id }).from(t.partnerships).limit(1);
    agreementId = (await makeAgreement(test.db, partnership!.id)).id;
  });
  afterAll(() => test.close());

  /** The tallies, and the same counted from the commitments, as sorted "agreement|status|month|sides|n" lines. */
  async function talliesAndRecount() {
    const line = (r: {
      agreementId: number;
      status: string;
      dueMonth: string | null;
      confirmedSides: number | string;
      n: number | string;
    }) => `${r.agreementId}|${r.status}|${r.dueMonth ?? "-"}|${Number(r.confirmedSides)}|${Number(r.n)}`;
    const tallies = await test.db.select().from(t.commitmentMonthTallies);
    const month = sql<string | null>`to_char(date_trunc('month', ${t.commitments.dueOn}::timestamp), 'YYYY-MM-DD')`;
    const recount = await test.db
      .select({
        agreementId: t.commitments.agreementId,
        status: t.commitments.status,
        dueMonth: month,
        confirmedSides: t.commitments.confirmedSides,
        n: sql<string>`count(*)`,
      })
      .from(t.commitments)
      .groupBy(t.commitments.agreementId, t.commitments.status, month, t.commitments.confirmedSides);
    return { tallies: tallies.map(line).sort(), recount: recount.map(line).sort() };
  }

  /** The tallies equal a recount, which has no row of zero: a row left at n = 0 fails this too. */
  async function expectTalliesMatch() {
    const { tallies, recount } = await talliesAndRecount();
    expect(tallies).toEqual(recount);
  }

  it("starts from the seeded commitments, a row per agreement, status, due month and confirming sides", async () => {
    const { tallies } = await talliesAndRecount();
    expect(tallies.length).toBeGreaterThan(0);
    await expectTalliesMatch();
  });

  it("follows commitments added, assessed, re-dated and deleted, and the page counts from it", async () => {
    const due = ["2025-01-10", "2025-01-10", "2025-06-30", null] as const;
    const made = [];
    for (const dueOn of due) made.push(await makeCommitment(test.db, agreementId, { dueOn }));
    await expectTalliesMatch();

    // Assessed: its status moves it to another row.
    const [first, second, third, fourth] = made;
    await addEvidence(test.db, testActor, { commitmentId: first!.id, note: "Done" });
    await assessCommitment(test.db, testActor, first!.id, first!.version, assessmentInput("complete"));
    await assessCommitment(test.db, testActor, second!.id, second!.version, assessmentInput("limited"));
    await expectTalliesMatch();

    // Re-dated: past its due date, then to no due date at all.
    const { text, area, responsibleOrganizationId } = third!;
    await updateCommitment(test.db, testActor, {
      ...third!,
      text,
      area,
      responsibleOrganizationId,
      dueOn: "2024-12-01",
    });
    await updateCommitment(test.db, testActor, {
      ...fourth!,
      text: fourth!.text,
      area: fourth!.area,
      responsibleOrganizationId: null,
      dueOn: "2024-11-01",
    });
    await expectTalliesMatch();

    const page = (await getAgreement(test.db, agreementId, today))!;
    const rows = await test.db.select().from(t.commitments).where(eq(t.commitments.agreementId, agreementId));
    expect(page.counts).toEqual({ complete: 1, limited: 1, not_assessed: 2 });
    expect(page.progress.overdue).toBe(rows.filter((c) => isOverdue(c, today)).length);
    expect(page.progress.overdue).toBe(3);
    const listed = (await listAgreements(test.db, today)).find((a) => a.id === agreementId)!;
    expect(listed.commitments).toEqual(page.counts);

    // Deleted, here as a statement of its own: the trigger follows whoever writes.
    await test.db.delete(t.commitments).where(eq(t.commitments.id, fourth!.id));
    await expectTalliesMatch();
    expect((await getAgreement(test.db, agreementId, today))!.progress.overdue).toBe(2);
  });

  it("counts as overdue the work due earlier in the viewer's month, and not what falls due later in it", async () => {
    const overdueOn = async (day: string) => (await getAgreement(test.db, agreementId, day))!.progress.overdue;
    const before = await overdueOn("2025-04-15");
    const early = await makeCommitment(test.db, agreementId, { dueOn: "2025-04-14" });
    const late = await makeCommitment(test.db, agreementId, { dueOn: "2025-04-16" });
    await expectTalliesMatch();
    expect(await overdueOn("2025-04-15")).toBe(before + 1);
    // Due on the day itself is not overdue yet; the day after, both are.
    expect(await overdueOn("2025-04-14")).toBe(before);
    expect(await overdueOn("2025-05-01")).toBe(before + 2);
    const rows = await test.db.select().from(t.commitments).where(eq(t.commitments.agreementId, agreementId));
    for (const day of ["2025-04-14", "2025-04-15", "2025-04-16", "2025-04-17", "2025-05-01"])
      expect(await overdueOn(day)).toBe(rows.filter((c) => isOverdue(c, day)).length);
    await test.db.delete(t.commitments).where(eq(t.commitments.id, early.id));
    await test.db.delete(t.commitments).where(eq(t.commitments.id, late.id));
    await expectTalliesMatch();
  });

  it("counts each commitment's confirmations, and the page's confirmed-by-every-side from them", async () => {
    const [partnership] = await test.db
      .select({ id: t.agreements.partnershipId })
      .from(t.agreements)
      .where(eq(t.agreements.id, agreementId));
    const sides = await test.db
      .select({ code: t.partnershipCountries.countryCode })
      .from(t.partnershipCountries)
      .where(eq(t.partnershipCountries.partnershipId, partnership!.id));
    expect(sides.length).toBe(2);
    const done = await makeCommitment(test.db, agreementId);
    await addEvidence(test.db, testActor, { commitmentId: done.id, note: "Done" });
    await assessCommitment(test.db, testActor, done.id, done.version, assessmentInput("complete"));
    const recounted = async () => {
      const rows = await test.db
        .select({
          kept: t.commitments.confirmedSides,
          counted: sql<number>`(select count(*)::int from commitment_confirmations c where c.commitment_id = ${t.commitments.id})`,
        })
        .from(t.commitments);
      return rows.every((r) => Number(r.kept) === Number(r.counted));
    };
    const confirmed = async () => (await getAgreement(test.db, agreementId, today))!.progress.fullyConfirmed;
    const before = await confirmed();

    await test.db.insert(t.commitmentConfirmations).values({ commitmentId: done.id, countryCode: sides[0]!.code });
    expect(await recounted()).toBe(true);
    await expectTalliesMatch();
    expect(await confirmed()).toBe(before);
    await test.db.insert(t.commitmentConfirmations).values({ commitmentId: done.id, countryCode: sides[1]!.code });
    expect(await recounted()).toBe(true);
    await expectTalliesMatch();
    expect(await confirmed()).toBe(before + 1);

    // Withdrawn, here as a statement of its own: the triggers follow whoever writes.
    await test.db.delete(t.commitmentConfirmations).where(eq(t.commitmentConfirmations.countryCode, sides[1]!.code));
    expect(await recounted()).toBe(true);
    await expectTalliesMatch();
    expect(await confirmed()).toBe(before);
    await test.db.delete(t.commitments).where(eq(t.commitments.id, done.id));
    expect(await recounted()).toBe(true);
    await expectTalliesMatch();
  });

  it.runIf(driver === "postgres")(
    "leaves no empty row when two transactions take the last two of a row at once",
    async () => {
      const [a, b] = [
        await makeCommitment(test.db, agreementId, { dueOn: "2030-05-10" }),
        await makeCommitment(test.db, agreementId, { dueOn: "2030-05-20" }),
      ];
      // The first holds its tally row until it commits; the second lowers the same row meanwhile.
      let removedFirst!: () => void;
      const firstRemoved = new Promise<void>((resolve) => (removedFirst = resolve));
      await Promise.all([
        test.db.transaction(async (tx) => {
          await tx.delete(t.commitments).where(eq(t.commitments.id, a.id));
          removedFirst();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }),
        firstRemoved.then(() => test.db.delete(t.commitments).where(eq(t.commitments.id, b.id))),
      ]);
      await expectTalliesMatch();
    },
  );

  it("follows a bulk insert, and leaves no empty rows behind", async () => {
    await test.db.insert(t.commitments).values(
      Array.from({ length: 50 }, (_, i) => ({
        slug: `bulk-tally-${i}`,
        agreementId,
        text: { en: `Bulk commitment ${i}` },
        area: "bulk",
        status: "not_assessed" as const,
        dueOn: `2025-02-${String((i % 28) + 1).padStart(2, "0")}`,
      })),
    );
    await expectTalliesMatch();
    await test.db.delete(t.commitments).where(eq(t.commitments.area, "bulk"));
    await expectTalliesMatch();
  });
});
