/**
 * A visit's itinerary (app/models/itinerary-*.server.ts, app/forms/itinerary*.ts): items typed in
 * each place's clock stored as UTC instants, read back day by day with the other side's time and
 * overlaps; bad input refused with nothing saved; a stale save a conflict; one audit row a save.
 */
import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { itineraryFormSchema } from "../../app/forms/itinerary";
import {
  itineraryFormValues,
  itineraryInput,
  onFormRows,
  withRowAdded,
  withRowRemoved,
} from "../../app/forms/itinerary.server";
import { checkForm } from "../../app/forms/submission";
import { ConflictError, RecordError } from "../../app/models/errors.server";
import { itineraryForEdit, itineraryOf } from "../../app/models/itinerary-queries.server";
import { saveItinerary } from "../../app/models/itinerary-writes.server";
import type { ItineraryState } from "../../app/models/itinerary-state.server";
import { bareMember } from "../../app/models/visit-members.server";
import { saveDelegation } from "../../app/models/visit-members-writes.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { makeVisit, testActor } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const columns = [
  "itemKey",
  "itemDay",
  "itemStart",
  "itemEnd",
  "itemZone",
  "itemTitleEn",
  "itemTitleId",
  "itemTitleAz",
  "itemAgendaEn",
  "itemAgendaId",
  "itemAgendaAz",
  "itemPlace",
  "itemAddress",
  "itemHost",
  "itemTransport",
  "itemAttendance",
];

/** A row by column, with the members and cases ticked in it. */
type Row = { members?: number[]; cases?: number[]; [column: string]: string | number[] | undefined };

/** The itinerary form as a browser posts it: one list per column, a row per item. */
function itineraryForm(version: number, rows: Row[]) {
  const form = new FormData();
  form.set("version", String(version));
  rows.forEach((row, i) => (row.itemKey ??= `n${i + 1}`));
  const keyOf = (row: Row) => row.itemKey as string;
  for (const c of columns) {
    for (const row of rows) form.append(c, (row[c] as string | undefined) ?? (c === "itemAttendance" ? "all" : ""));
  }
  for (const row of rows) {
    for (const id of row.members ?? []) form.append("itemMembers", `${keyOf(row)}:${id}`);
    for (const id of row.cases ?? []) form.append("itemCases", `${keyOf(row)}:${id}`);
  }
  return form;
}

const member = (name: string) => bareMember(0, { name, organizationId: null });

describe.each(drivers)("a visit's itinerary on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let visitId: number;
  let otherVisitMember: number;
  let ani: number;
  let budi: number;
  let asanCase: number;
  let hostId: number;

  /** Checks the form as the page does and saves it; the model's messages come back on the form's rows. */
  async function save(version: number, rows: Row[]) {
    const checked = checkForm(itineraryFormSchema, itineraryForm(version, rows));
    if (!checked.success) return { errors: checked.errors, values: checked.values };
    const input = itineraryInput(checked.data);
    try {
      return { saved: await saveItinerary(db, testActor, { visitId, version, items: input.items }) };
    } catch (error) {
      if (error instanceof RecordError) return { errors: onFormRows(error, input.rows).errors };
      throw error;
    }
  }

  async function lastAuditId() {
    const [row] = await db.select({ id: max(t.auditLog.id) }).from(t.auditLog);
    return row?.id ?? 0;
  }
  const itineraryAudits = (since: number) =>
    db
      .select()
      .from(t.auditLog)
      .where(and(gt(t.auditLog.id, since), eq(t.auditLog.entityType, "itinerary")));

  const twoDays = (): Row[] => [
    {
      itemDay: "2025-06-10",
      itemStart: "10:00",
      itemEnd: "11:30",
      itemZone: "Asia/Baku",
      itemTitleEn: "Visit to ASAN Xidmat No. 1",
      itemTitleId: "Kunjungan ke ASAN Xidmat No. 1",
      itemPlace: "ASAN Xidmat centre No. 1",
      itemAddress: "Baku",
      itemHost: String(hostId),
      cases: [asanCase],
    },
    {
      itemDay: "2025-06-10",
      itemStart: "11:00",
      itemEnd: "12:00",
      itemZone: "Asia/Baku",
      itemTitleEn: "Press interview",
      itemAttendance: "chosen",
      itemTransport: "By car, 10 minutes",
      members: [ani],
    },
    {
      itemDay: "2025-06-11",
      itemStart: "09:00",
      itemEnd: "10:00",
      itemZone: "Asia/Jakarta",
      itemTitleEn: "Debrief at the ministry",
      itemAgendaEn: "What to adopt first",
    },
  ];

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
    const [asan] = await db
      .select({ id: t.cases.id })
      .from(t.cases)
      .where(eq(t.cases.slug, "asan-xidmat-service-centres"));
    asanCase = asan!.id;
    const [host] = await db.select({ id: t.organizations.id }).from(t.organizations).limit(1);
    hostId = host!.id;
    // A visit to Baku on 10 and 11 June 2025, and another visit whose member is not on it.
    const { visit } = await makeVisit(db);
    visitId = visit.activityId;
    await saveDelegation(db, testActor, visitId, 1, [member("Ani Rahma"), member("Budi Santoso")]);
    const members = await db
      .select({ id: t.visitMembers.id, name: t.people.name })
      .from(t.visitMembers)
      .innerJoin(t.people, eq(t.people.id, t.visitMembers.personId))
      .where(eq(t.visitMembers.visitId, visitId));
    ani = members.find((m) => m.name === "Ani Rahma")!.id;
    budi = members.find((m) => m.name === "Budi Santoso")!.id;
    const other = await makeVisit(db);
    await saveDelegation(db, testActor, other.visit.activityId, 1, [member("Someone Else")]);
    const [elsewhere] = await db
      .select({ id: t.visitMembers.id })
      .from(t.visitMembers)
      .where(eq(t.visitMembers.visitId, other.visit.activityId));
    otherVisitMember = elsewhere!.id;
  });
  afterAll(() => test?.close());

  it("stores two days in Asia/Baku and Asia/Jakarta as the right UTC instants, in one audit row", async () => {
    const mark = await lastAuditId();
    const { saved, errors } = await save(1, twoDays());
    expect(errors).toBeUndefined();
    expect(saved!.version).toBe(2);
    const items = await db
      .select()
      .from(t.itineraryItems)
      .where(eq(t.itineraryItems.visitId, visitId))
      .orderBy(t.itineraryItems.startsAt);
    expect(items.map((i) => [i.startsAt.toISOString(), i.endsAt.toISOString(), i.timeZone])).toEqual([
      ["2025-06-10T06:00:00.000Z", "2025-06-10T07:30:00.000Z", "Asia/Baku"],
      ["2025-06-10T07:00:00.000Z", "2025-06-10T08:00:00.000Z", "Asia/Baku"],
      ["2025-06-11T02:00:00.000Z", "2025-06-11T03:00:00.000Z", "Asia/Jakarta"],
    ]);
    expect(items[0]!.title).toEqual({ en: "Visit to ASAN Xidmat No. 1", id: "Kunjungan ke ASAN Xidmat No. 1" });
    expect(items[1]!.allMembers).toBe(false);
    const audits = await itineraryAudits(mark);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.entityId).toBe(String(visitId));
    expect((audits[0]!.before as ItineraryState).version).toBe(1);
    expect((audits[0]!.after as ItineraryState).items).toHaveLength(3);
    const [visit] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    expect(visit!.itineraryVersion).toBe(2);
    // The visit's own version is another part's: an itinerary save leaves it alone.
    expect(visit!.version).toBe(1);
  });

  it("reads back by place with the other side's clock, attendees, cases and the overlap for the same member", async () => {
    const itinerary = (await itineraryOf(db, visitId))!;
    const [visitItem, press, debrief] = itinerary.items;
    expect(visitItem!.place).toMatchObject({ timeZone: "Asia/Baku", day: "2025-06-10", start: "10:00", end: "11:30" });
    expect(visitItem!.other).toMatchObject({
      timeZone: "Asia/Jakarta",
      day: "2025-06-10",
      start: "13:00",
      end: "14:30",
    });
    expect(debrief!.place).toMatchObject({ timeZone: "Asia/Jakarta", day: "2025-06-11", start: "09:00" });
    expect(debrief!.other).toMatchObject({ timeZone: "Asia/Baku", start: "06:00", end: "07:00" });
    expect(visitItem!.cases).toEqual([
      { id: asanCase, title: expect.objectContaining({ en: expect.any(String) }), slug: "asan-xidmat-service-centres" },
    ]);
    expect(visitItem!.host?.id).toBe(hostId);
    expect(press!.attendees).toEqual([{ id: ani, name: "Ani Rahma" }]);
    expect(press!.transport).toBe("By car, 10 minutes");
    expect(visitItem!.overlaps).toEqual([
      { itemId: press!.id, title: { en: "Press interview" }, everyone: false, members: ["Ani Rahma"] },
    ]);
    expect(press!.overlaps.map((o) => o.itemId)).toEqual([visitItem!.id]);
    expect(debrief!.overlaps).toEqual([]);
  });

  it("keeps stored items' ids when saved again, and the form reads them back as typed", async () => {
    const stored = (await itineraryForEdit(db, visitId))!;
    const values = itineraryFormValues(stored.state);
    expect(values.itemStart).toEqual(["10:00", "11:00", "09:00"]);
    expect(values.itemZone).toEqual(["Asia/Baku", "Asia/Baku", "Asia/Jakarta"]);
    expect(values.itemMembers).toEqual([`${stored.state.items[1]!.id}:${ani}`]);
    const rows = twoDays().map((row, i): Row => ({ ...row, itemKey: String(stored.state.items[i]!.id) }));
    rows[2]!.itemAttendance = "chosen";
    rows[2]!.members = [ani, budi];
    const { saved } = await save(2, rows);
    expect(saved!.items.map((i) => i.id)).toEqual(stored.state.items.map((i) => i.id));
    expect(saved!.items[2]!.memberIds.sort()).toEqual([ani, budi].sort());
  });

  it("takes a row's title and agenda in Azerbaijani, reads them back, and drops them when emptied", async () => {
    const stored = (await itineraryForEdit(db, visitId))!;
    const rows = twoDays().map((row, i): Row => ({ ...row, itemKey: String(stored.state.items[i]!.id) }));
    rows[0]!.itemTitleAz = "1 nömrəli ASAN Xidmət mərkəzinə səfər";
    rows[0]!.itemAgendaAz = "Mərkəzin iş qaydası";
    const { saved } = await save(stored.state.version, rows);
    expect(saved!.items[0]!.title.az).toBe("1 nömrəli ASAN Xidmət mərkəzinə səfər");
    expect(saved!.items[0]!.agenda?.az).toBe("Mərkəzin iş qaydası");
    const values = itineraryFormValues((await itineraryForEdit(db, visitId))!.state);
    expect(values.itemTitleAz?.[0]).toBe("1 nömrəli ASAN Xidmət mərkəzinə səfər");

    rows[0]!.itemTitleAz = "";
    rows[0]!.itemAgendaAz = "";
    const again = await save(saved!.version, rows);
    expect(again.saved!.items[0]!.title.az).toBeUndefined();
    expect(again.saved!.items[0]!.agenda?.az).toBeUndefined();
  });

  it("refuses bad input on the row it is in, and saves nothing", async () => {
    const [before] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    const items = await db.select().from(t.itineraryItems).where(eq(t.itineraryItems.visitId, visitId));
    const mark = await lastAuditId();
    const row = (overrides: Row): Row => ({ ...twoDays()[0]!, ...overrides });
    const blank: Row = { itemDay: "2025-06-10", itemZone: "Asia/Baku" };

    // Checked by the form: an end before the start, an unknown zone.
    const endFirst = await save(before!.itineraryVersion, [row({ itemStart: "11:00", itemEnd: "10:00" })]);
    expect(endFirst.errors?.["itemEnd[0]"]).toEqual({ key: "itinerary.endBeforeStart" });
    expect(endFirst.values?.itemStart).toEqual("11:00");
    const zone = await save(before!.itineraryVersion, [blank, row({ itemZone: "Mars/Olympus" })]);
    expect(zone.errors?.["itemZone[1]"]).toEqual({ key: "itinerary.unknownTimeZone" });

    // Checked by the model, named on the form's row (a blank row before it counts).
    const outside = await save(before!.itineraryVersion, [blank, row({ itemDay: "2025-06-12" })]);
    expect(outside.errors?.["itemDay[1]"]).toEqual({
      key: "itinerary.outsideVisit",
      values: { from: "2025-06-10", to: "2025-06-11" },
    });
    // In Jakarta the evening of 11 June is still the visit's day; its next morning is not.
    const lateInJakarta = await save(before!.itineraryVersion, [
      row({ itemDay: "2025-06-12", itemStart: "01:00", itemEnd: "02:00", itemZone: "Asia/Jakarta" }),
    ]);
    expect(lateInJakarta.errors?.["itemDay[0]"]?.key).toBe("itinerary.outsideVisit");
    const stranger = await save(before!.itineraryVersion, [
      row({ itemAttendance: "chosen", members: [ani, otherVisitMember] }),
    ]);
    expect(stranger.errors?.["itemAttendance[0]"]).toEqual({ key: "itinerary.memberNotOnVisit" });
    const nobody = await save(before!.itineraryVersion, [row({ itemAttendance: "chosen" })]);
    expect(nobody.errors?.["itemAttendance[0]"]).toEqual({ key: "itinerary.chooseMembers" });

    // The model refuses an unknown zone and an end before the start on its own too.
    const refused = await saveItinerary(db, testActor, {
      visitId,
      version: before!.itineraryVersion,
      items: [
        {
          id: null,
          startsAt: new Date("2025-06-10T08:00:00Z"),
          endsAt: new Date("2025-06-10T07:00:00Z"),
          timeZone: "Mars/Olympus",
          title: { en: "Nowhere" },
          agenda: null,
          placeName: null,
          address: null,
          hostOrganizationId: null,
          transport: null,
          allMembers: true,
          memberIds: [],
          caseIds: [],
        },
      ],
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecordError);
    expect(Object.keys((refused as RecordError).errors).sort()).toEqual(["itemEnd[0]", "itemZone[0]"]);

    const [after] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    expect(after!.itineraryVersion).toBe(before!.itineraryVersion);
    expect(await db.select().from(t.itineraryItems).where(eq(t.itineraryItems.visitId, visitId))).toEqual(items);
    expect(await itineraryAudits(mark)).toEqual([]);
  });

  it("refuses a stale save with the itinerary saved now, and changes nothing", async () => {
    const stored = (await itineraryForEdit(db, visitId))!;
    const mark = await lastAuditId();
    const stale = await saveItinerary(db, testActor, { visitId, version: stored.state.version - 1, items: [] }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toEqual(stored.state);
    expect((await itineraryForEdit(db, visitId))!.state).toEqual(stored.state);
    expect(await itineraryAudits(mark)).toEqual([]);
    // Saved at the current version, the same emptying goes through.
    const { saved } = await save(stored.state.version, []);
    expect(saved!.items).toEqual([]);
  });

  it("adds and removes a row without JavaScript, keeping what was typed and each row's ticks", () => {
    const typed = {
      itemKey: ["5", "n1"],
      itemDay: ["2025-06-10", ""],
      itemZone: ["Asia/Baku", ""],
      itemMembers: ["5:1", "n1:2"],
    };
    const added = withRowAdded(typed, "Asia/Baku");
    expect(added.itemKey).toEqual(["5", "n1", "n2"]);
    expect(added.itemZone).toEqual(["Asia/Baku", "", "Asia/Baku"]);
    const removed = withRowRemoved(typed, "5");
    expect(removed.itemKey).toEqual(["n1"]);
    expect(removed.itemMembers).toEqual(["n1:2"]);
  });
});
