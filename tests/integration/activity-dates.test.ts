import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { activityFormSchema } from "../../app/forms/activity";
import { activityFormValues, activityInput } from "../../app/forms/activity.server";
import { translatorFor } from "../../app/i18n/i18n.server";
import { activitiesCsv, activitiesIcs } from "../../app/lib/activity-export.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { getActivityForEdit } from "../../app/models/activity-queries.server";
import { parseActivityQuery } from "../../app/models/activity-query.server";
import { eachActivityBatch } from "../../app/models/activity-search.server";
import { createActivity, updateActivity } from "../../app/models/activity-writes.server";
import { activitiesFor } from "../../app/models/commitment-summaries.server";
import { parseCsv } from "../support/http";
import { makeActivity, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const regionalVisit = "2017-09-visit-to-azerbaijan-with-regional-leaders";
const primeMinister = "2023-10-10-meeting-with-prime-minister-asadov";

describe.each(drivers)("dates as precise as their sources on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test.close());

  const bySlug = async (slug: string) =>
    (await test.db.select().from(t.activities).where(eq(t.activities.slug, slug)))[0]!;

  it("seeds a date the sources give by month as the whole month, and seeding again changes nothing", async () => {
    expect(await bySlug(regionalVisit)).toMatchObject({
      startsAt: new Date("2017-09-01T00:00:00Z"),
      endsAt: new Date("2017-09-30T23:59:59Z"),
      allDay: true,
      datePrecision: "month",
      dateApproximate: true,
    });
    expect(await bySlug(primeMinister)).toMatchObject({ datePrecision: "month", dateApproximate: false });
    expect(await bySlug("2023-10-10-visit-to-asan-xidmat-baku")).toMatchObject({ datePrecision: "day" });
    const again = await seedContent(test.db, { demo: false });
    expect(again.updated).toBe(0);
    expect((await bySlug(regionalVisit)).version).toBe(1);
  });

  it("gives the commitment page each serving activity's precision", async () => {
    const visit = await bySlug(regionalVisit);
    const [link] = await test.db
      .select({ commitmentId: t.activityCommitments.commitmentId })
      .from(t.activityCommitments)
      .where(eq(t.activityCommitments.activityId, visit.id));
    const onPage = (await activitiesFor(test.db, [link!.commitmentId], 50)).get(link!.commitmentId)!.latest;
    expect(onPage.find((a) => a.id === visit.id)).toMatchObject({ datePrecision: "month", dateApproximate: true });
    expect(onPage.find((a) => a.id !== visit.id)).toMatchObject({ datePrecision: "day" });
  });

  it("stores a month or year as its whole period, and a day again as given, each change audited", async () => {
    const created = await makeActivity(test.db, {
      startsAt: new Date("2024-02-14T00:00:00Z"),
      endsAt: new Date("2024-02-14T23:59:59Z"),
      allDay: true,
      datePrecision: "year",
      dateApproximate: true,
    });
    expect(created).toMatchObject({
      startsAt: new Date("2024-01-01T00:00:00Z"),
      endsAt: new Date("2024-12-31T23:59:59Z"),
      allDay: true,
      datePrecision: "year",
      dateApproximate: true,
    });
    const form = (await getActivityForEdit(test.db, created.id))!;
    expect(form.input).toMatchObject({ datePrecision: "year", dateApproximate: true });

    const timed = { startsAt: new Date("2024-03-05T02:00:00Z"), endsAt: new Date("2024-03-05T04:00:00Z") };
    const changed = await updateActivity(test.db, testActor, {
      ...form.input,
      ...timed,
      allDay: false,
      datePrecision: "day",
      dateApproximate: false,
      id: created.id,
      version: form.version,
    });
    expect(changed).toMatchObject({ ...timed, allDay: false, datePrecision: "day", dateApproximate: false });

    const [audit] = await test.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "activity"), eq(t.auditLog.entityId, String(created.id))))
      .orderBy(desc(t.auditLog.id))
      .limit(1);
    expect(audit!.before).toMatchObject({ datePrecision: "year", dateApproximate: true });
    expect(audit!.after).toMatchObject({ datePrecision: "day", dateApproximate: false });
  });

  it("takes the precision and the approximate mark from the form, times dropped for a month", async () => {
    const data = activityFormSchema.parse({
      titleEn: "Study visit, month only",
      type: "visit",
      status: "completed",
      mode: "in_person",
      startsOn: "2019-05-20",
      startTime: "09:00",
      datePrecision: "month",
      dateApproximate: "on",
    });
    const saved = await createActivity(test.db, testActor, await activityInput(data, "Asia/Jakarta"));
    expect(saved).toMatchObject({
      startsAt: new Date("2019-05-01T00:00:00Z"),
      endsAt: new Date("2019-05-31T23:59:59Z"),
      allDay: true,
      datePrecision: "month",
      dateApproximate: true,
    });
    const form = (await getActivityForEdit(test.db, saved.id))!;
    expect(activityFormValues(form.input, "Asia/Jakarta")).toMatchObject({
      startsOn: "2019-05-01",
      endsOn: "2019-05-31",
      startTime: "",
      datePrecision: "month",
      dateApproximate: "on",
    });
    // Unticked, the checkbox posts nothing: exact; no precision posted is a day.
    expect(activityFormSchema.parse({ ...data, dateApproximate: undefined, datePrecision: "" })).toMatchObject({
      datePrecision: "day",
      dateApproximate: false,
    });
  });

  const exportCtx = (lang: "en" | "id") => ({
    t: translatorFor(lang).t,
    lang,
    timeZone: "Asia/Baku",
    origin: "https://jembatan.test",
  });
  // The rows carry their texts in the reader's language: the export is asked in the same one.
  const visitsOf = (q: string, lang: "en" | "id" = "en") =>
    eachActivityBatch(test.db, parseActivityQuery(new URLSearchParams(q)), { lang, timeZone: "Asia/Baku" });

  it("exports the month as the list shows it, and as ISO 8601 to the month", async () => {
    for (const [lang, shown] of [
      ["en", "c. Sept 2017"],
      ["id", "sekitar Sep 2017"],
    ] as const) {
      const csv = await new Response(activitiesCsv(visitsOf("type=visit", lang), exportCtx(lang))).text();
      const [header, ...records] = parseCsv(csv.slice(1));
      expect(header![1]).toBe(lang === "en" ? "Date (as the source gives it)" : "Tanggal (sesuai sumber)");
      const visit = records.find((r) =>
        r[5]!.includes(lang === "en" ? "regional government leaders" : "pemerintah daerah"),
      )!;
      expect(visit.slice(1, 4)).toEqual([shown, "2017-09", "2017-09"]);
      const baku = records.find((r) => r[2] === "2023-10-10")!;
      expect(baku[1]).toMatch(/^10 Oct 2023$|^10 Okt 2023$/);
    }
  });

  it("makes a month an all-day event spanning it, and says so in the event and the feed", async () => {
    const ics = await new Response(
      activitiesIcs(visitsOf("type=visit"), { ...exportCtx("en"), now: new Date() }),
    ).text();
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("X-WR-CALDESC:Activities of the cooperation. Where a source gives only the month");
    const event = unfolded.split("BEGIN:VEVENT").find((e) => e.includes("DTSTART;VALUE=DATE:20170901"))!;
    expect(event).toContain("DTEND;VALUE=DATE:20171001");
    expect(event).toContain("DESCRIPTION:Date: c. Sept 2017. The source gives no day");
  });
});
