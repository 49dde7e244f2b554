import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import * as t from "../../db/schema";
import { agreementStateOf, agreementStates, bindingStates, type AgreementState } from "../../app/lib/agreement-status";
import type { AgreementKind, AgreementStatus } from "../../app/lib/enums";
import { calendarToday } from "../../app/lib/zoned-time";
import { getActivity } from "../../app/models/activity-queries.server";
import { getAgreement, listAgreements } from "../../app/models/agreement-queries.server";
import { getCommitment } from "../../app/models/commitment-queries.server";
import { agreementStateSql } from "../../app/models/agreement-status.server";
import { addMonths, getDashboard } from "../../app/models/dashboard.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { newAgreementForm } from "../../app/forms/agreement";
import { agreementFormValues, agreementInput } from "../../app/forms/agreement.server";
import { checkForm } from "../../app/forms/submission";
import { getAgreementForEdit } from "../../app/models/agreement-edit.server";
import { createAgreement } from "../../app/models/agreement-writes.server";
import { formData } from "../support/form-data";
import { testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("one agreement status on %s", (driver) => {
  let test: TestDatabase;
  let partnershipId: number;
  let n = 0;

  async function addAgreement(a: {
    status: AgreementStatus;
    from?: string | null;
    until?: string | null;
    kind?: AgreementKind;
    parentId?: number | null;
  }) {
    const [row] = await test.db
      .insert(t.agreements)
      .values({
        slug: `status-test-${++n}`,
        partnershipId,
        kind: a.kind ?? (a.parentId ? "renewal" : "mou"),
        title: { en: `Status test ${n}` },
        summary: { en: "Inserted by the agreement status test." },
        status: a.status,
        inForceFrom: a.from ?? null,
        inForceUntil: a.until ?? null,
        parentId: a.parentId ?? null,
      })
      .returning({ id: t.agreements.id });
    return row!.id;
  }

  /** Every agreement's status by the function, from the rows and their renewals as stored. */
  async function statesByFunction(today: string) {
    const rows = await test.db.select().from(t.agreements);
    const renewals = (id: number) => rows.filter((r) => r.kind === "renewal" && r.parentId === id);
    return new Map(rows.map((r) => [r.id, agreementStateOf(r, renewals(r.id), today)]));
  }

  async function statesBySql(today: string) {
    const rows = await test.db.select({ id: t.agreements.id, state: agreementStateSql(today) }).from(t.agreements);
    return new Map(rows.map((r) => [r.id, r.state]));
  }

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    // The sourced record only: no example scenario, so every activity is the seed's.
    await seedContent(test.db, { demo: false });
    const [p] = await test.db.select({ id: t.partnerships.id }).from(t.partnerships).limit(1);
    partnershipId = p!.id;
    // Each status, and each boundary between them, around 1 March 2025 and 1 July 2026.
    const statuses: AgreementStatus[] = ["draft", "signed", "in_force", "expired", "terminated"];
    const periods: [string | null, string | null][] = [
      [null, null],
      [null, "2025-03-01"],
      [null, "2026-07-01"],
      ["2025-03-01", null],
      ["2025-03-02", "2026-07-01"],
      ["2024-07-01", "2025-02-28"],
      ["2024-07-01", "2025-05-30"],
      ["2024-07-01", "2025-05-29"],
      ["2024-07-01", "2026-07-01"],
    ];
    for (const status of statuses) for (const [from, until] of periods) await addAgreement({ status, from, until });
    // Renewals: in effect, not yet, a draft, and one without a start date.
    const renewed = await addAgreement({ status: "in_force", from: "2020-01-01", until: "2025-01-31" });
    await addAgreement({ status: "signed", from: "2025-03-01", parentId: renewed });
    const notYet = await addAgreement({ status: "in_force", from: "2020-01-01" });
    await addAgreement({ status: "signed", from: "2026-01-01", parentId: notYet });
    const draftOnly = await addAgreement({ status: "signed", from: "2020-01-01" });
    await addAgreement({ status: "draft", from: "2021-01-01", parentId: draftOnly });
    const undatedRenewal = await addAgreement({ status: "in_force", from: "2020-01-01" });
    await addAgreement({ status: "in_force", parentId: undatedRenewal });
    // An action plan about to expire, with an activity of its own, for the dashboard's plan section.
    const plan = await addAgreement({
      status: "in_force",
      kind: "action_plan",
      from: "2024-03-01",
      until: "2025-04-15",
    });
    await test.db.insert(t.activities).values({
      slug: "status-test-plan-workshop",
      title: { en: "Plan workshop" },
      type: "workshop",
      status: "completed",
      startsAt: new Date("2025-02-01T03:00:00Z"),
      endsAt: new Date("2025-02-01T05:00:00Z"),
      agreementId: plan,
    });
  });
  afterAll(() => test.close());

  it("computes the same status in SQL as in the function, on every boundary", async () => {
    const days = ["2025-02-28", "2025-03-01", "2025-03-02", "2025-05-30", "2025-05-31", "2026-04-01", "2026-04-02"];
    const seen = new Set<AgreementState>();
    for (const today of [...days, "2026-07-01", "2026-07-02", "2026-11-28"]) {
      const [byFunction, bySql] = await Promise.all([statesByFunction(today), statesBySql(today)]);
      expect(Object.fromEntries(bySql), today).toEqual(Object.fromEntries(byFunction));
      for (const s of byFunction.values()) seen.add(s);
    }
    // The cases above reach every status.
    expect([...seen].sort()).toEqual([...agreementStates].sort());
  });

  it("The same agreement has the same status on /agreements, its page and the dashboard", async () => {
    const cases: [string, string][] = [
      ["2025-03-01T12:00:00Z", "Asia/Jakarta"],
      ["2025-05-30T20:00:00Z", "Asia/Jakarta"], // 31 May in Jakarta, 30 May in UTC
      ["2025-05-30T20:00:00Z", "UTC"],
      ["2026-07-01T19:30:00Z", "Asia/Baku"],
      ["2026-07-01T19:30:00Z", "Asia/Jakarta"],
    ];
    for (const [instant, zone] of cases) {
      const now = new Date(instant);
      const today = calendarToday(zone, now);
      const what = `${instant} in ${zone}`;
      const list = await listAgreements(test.db, today);
      const dashboard = await getDashboard(test.db, now, zone);
      const onDashboard = new Map(dashboard.agreements.map((a) => [a.id, a.state]));
      const bySql = await statesBySql(today);
      for (const a of list) {
        const page = (await getAgreement(test.db, a.id, today))!;
        expect([page.state, onDashboard.get(a.id), bySql.get(a.id)], `${what}: agreement ${a.id}`).toEqual([
          a.state,
          a.state,
          a.state,
        ]);
        expect(page.renewedBy.map((r) => r.id)).toEqual(a.renewedBy.map((r) => r.id));
      }
      const state = new Map(list.map((a) => [a.id, a.state]));
      // Each of the dashboard's agreement sections agrees with the list.
      for (const p of dashboard.plans) expect([p.state, state.get(p.id)], what).toEqual([p.state, p.state]);
      const plansInForce = list.filter(
        (a) => a.kind === "action_plan" && (bindingStates as readonly string[]).includes(a.state),
      );
      expect(dashboard.plans.map((p) => p.id).sort(), what).toEqual(plansInForce.map((a) => a.id).sort());
      expect(dashboard.expiring.map((a) => a.id).sort(), what).toEqual(
        list
          .filter((a) => a.state === "expiring")
          .map((a) => a.id)
          .sort(),
      );
      for (const d of dashboard.dormant) {
        expect([d.state, state.get(d.id)], what).toEqual([d.state, d.state]);
        expect(bindingStates, what).toContain(d.state);
      }
    }
  });

  it("shows an activity's and a commitment's agreement with the status /agreements gives it", async () => {
    for (const today of ["2024-06-30", "2024-07-01", "2026-07-02"]) {
      const state = new Map((await listAgreements(test.db, today)).map((a) => [a.id, a.state]));
      const linked = await test.db
        .select({ id: t.activities.id, agreementId: t.activities.agreementId })
        .from(t.activities)
        .where(sql`${t.activities.agreementId} is not null`);
      expect(linked.length).toBeGreaterThan(0);
      for (const a of linked)
        expect((await getActivity(test.db, a.id, today))!.agreementState).toBe(state.get(a.agreementId!));
      const commitments = await test.db
        .select({ id: t.commitments.id, agreementId: t.commitments.agreementId })
        .from(t.commitments);
      for (const c of commitments)
        expect((await getCommitment(test.db, c.id, today))!.agreement.state).toBe(state.get(c.agreementId));
    }
  });

  it("keeps an end date marked inferred from the agreement form, and only with an end date", async () => {
    const form = (fields: Record<string, string>) => {
      const checked = checkForm(
        newAgreementForm,
        formData({
          partnershipId: String(partnershipId),
          kind: "action_plan",
          titleEn: `Inferred end ${++n}`,
          summaryEn: "A plan whose end no source gives.",
          status: "in_force",
          inForceFrom: "2025-01-01",
          ...fields,
        }),
      );
      if (!checked.success) throw new Error(JSON.stringify(checked.errors));
      return { ...agreementInput(checked.data), partnershipId };
    };
    const inferred = await createAgreement(
      test.db,
      testActor,
      form({ inForceUntil: "2026-12-31", inForceUntilInferred: "on" }),
    );
    expect(inferred.inForceUntilInferred).toBe(true);
    const edit = agreementFormValues((await getAgreementForEdit(test.db, inferred.id))!);
    expect(edit.inForceUntilInferred).toBe("on");
    expect((await createAgreement(test.db, testActor, form({ inForceUntil: "2026-12-31" }))).inForceUntilInferred).toBe(
      false,
    );
    expect((await createAgreement(test.db, testActor, form({ inForceUntilInferred: "on" }))).inForceUntilInferred).toBe(
      false,
    );
  });

  it("does not count seeding or an import as activity for the dormant rule", async () => {
    // The seed has just written every row; an import touching them again does the same.
    await test.db.update(t.activities).set({ updatedAt: sql`now()` });
    const now = new Date();
    const zone = "Asia/Jakarta";
    const since = addMonths(calendarToday(zone, now), -6);
    const renewalId = (await test.db.select().from(t.agreements).where(eq(t.agreements.slug, "renewal-2024")))[0]!.id;
    const [last] = await test.db
      .select({ at: sql<string>`max(${t.activities.startsAt})::text` })
      .from(t.activities)
      .where(inArray(t.activities.agreementId, [renewalId]));
    // The sources stop in 2024: the renewal's activities all took place long before the last six months.
    expect(last!.at < since).toBe(true);
    const { dormant, agreements } = await getDashboard(test.db, now, zone);
    expect(agreements.find((a) => a.id === renewalId)!.state).toBe("in_force");
    expect(dormant.map((a) => a.id)).toContain(renewalId);
    expect(dormant.find((a) => a.id === renewalId)!.lastActivityOn! < since).toBe(true);
  });
});
