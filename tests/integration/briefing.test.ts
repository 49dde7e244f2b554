/**
 * A visit's briefing pack (issue 12): the document and who may read what of it (needs only for the
 * visit's editors and the member's own version), the PDF as a PDF parser reads it, the members'
 * calendars as an iCalendar parser reads them, and issuing the briefing (audited, one mail per
 * reachable member, in the same transaction). The pages themselves: tests/e2e/briefing.spec.ts.
 */
import { and, eq, gt, max } from "drizzle-orm";
import ICAL from "ical.js";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { translatorFor } from "../../app/i18n/i18n.server";
import { briefingPdf } from "../../app/lib/briefing-pdf.server";
import { vtimezone, zoneTransitions } from "../../app/lib/icalendar-zones";
import { visitCalendarResponse } from "../../app/lib/visit-calendar.server";
import { zonedToUtc } from "../../app/lib/zoned-time";
import { visitCalendar } from "../../app/models/briefing-calendar.server";
import { issueBriefing } from "../../app/models/briefing-issue.server";
import { briefingRichText, loadBriefing, type BriefingReader } from "../../app/models/briefing.server";
import { renderRichText } from "../../app/lexical/render.server";
import { ConflictError } from "../../app/models/errors.server";
import { itineraryState } from "../../app/models/itinerary-state.server";
import { saveItinerary } from "../../app/models/itinerary-writes.server";
import { makePerson, makeUser, makeVisit } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const origin = "https://jembatan.example.org";
const visitTitle = { en: "Visit to ASAN Xidmat in Bakı", id: "Kunjungan ke ASAN Xidmat di Bakı" };
const firstItem = { en: "Opening meeting at ASAN Xidmat", id: "Pertemuan pembuka di ASAN Xidmat" };

async function member(db: Database, values: typeof t.visitMembers.$inferInsert) {
  const [row] = await db.insert(t.visitMembers).values(values).returning();
  return row!;
}

/** An item at `time` on `date` in `zone`, for everyone or for the members named. */
async function item(
  db: Database,
  visitId: number,
  at: { date: string; start: string; end: string; zone: string },
  title: { en: string; id?: string },
  memberIds: number[] | "all",
  extra: Partial<typeof t.itineraryItems.$inferInsert> = {},
) {
  const [row] = await db
    .insert(t.itineraryItems)
    .values({
      visitId,
      startsAt: zonedToUtc(at.date, at.start, at.zone),
      endsAt: zonedToUtc(at.date, at.end, at.zone),
      timeZone: at.zone,
      title,
      allMembers: memberIds === "all",
      ...extra,
    })
    .returning();
  if (memberIds !== "all") {
    await db.insert(t.itineraryItemMembers).values(memberIds.map((memberId) => ({ itemId: row!.id, memberId })));
  }
  return row!;
}

const textNode = (text: string, format = 0) => ({
  type: "text",
  version: 1,
  text,
  format,
  detail: 0,
  mode: "normal",
  style: "",
});
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  direction: "ltr",
  format: "",
  indent: 0,
  ...extra,
});
const listOf = (listType: "bullet" | "number", items: string[]) =>
  block(
    "list",
    items.map((text, i) => block("listitem", [textNode(text)], { value: i + 1 })),
    { listType, start: 1, tag: listType === "bullet" ? "ul" : "ol" },
  );
/** Talking points as the editor saves them: a heading, a bulleted and a numbered list, bold text and a link. */
const richState = {
  root: block("root", [
    block("heading", [textNode("What to ask")], { tag: "h2" }),
    listOf("bullet", ["Queue times at the centre", "Staff training"]),
    listOf("number", ["Open the meeting", "Thank the hosts"]),
    block(
      "paragraph",
      [
        textNode("Mind the ", 0),
        textNode("dress code", 1),
        textNode(". "),
        block("link", [textNode("Read the report")], {
          url: "https://asan.gov.az/en",
          rel: null,
          target: null,
          title: null,
        }),
      ],
      { textFormat: 0, textStyle: "" },
    ),
  ]),
};

/** Each page's text, as a PDF reader extracts it. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((x) => ("str" in x ? x.str : "")).join(" "));
  }
  await task.destroy();
  return pages;
}

describe.each(drivers)("the briefing pack on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let visitId: number;
  const users = { editor: 0, memberViewer: 0, otherViewer: 0 };
  let memberViewerEmail = "";
  const members = { head: 0, budi: 0, interpreter: 0, host: 0 };
  const items = { opening: 0, interpreters: 0, call: 0 };

  const reader = (who: keyof typeof users): BriefingReader => ({ userId: users[who], canEdit: who === "editor" });
  const briefing = async (who: keyof typeof users, memberId: number | null = null) =>
    (await loadBriefing(db, visitId, reader(who), memberId))!;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    const editor = await makeUser(db, { role: "editor" });
    const memberViewer = await makeUser(db, { role: "viewer" });
    // She reads Jembatan in Indonesian (set on /account): her mail comes in it.
    await db.update(t.users).set({ locale: "id" }).where(eq(t.users.id, memberViewer.id));
    const otherViewer = await makeUser(db, { role: "viewer" });
    users.editor = editor.id;
    users.memberViewer = memberViewer.id;
    users.otherViewer = otherViewer.id;
    memberViewerEmail = memberViewer.email;

    const { visit } = await makeVisit(db, { title: visitTitle, objectives: { en: "Learn how ASAN Xidmat works" } });
    visitId = visit.activityId;
    const rini = await makePerson(db, { name: "Rini Widyantini", userId: memberViewer.id });
    const budi = await makePerson(db, { name: "Budi Santoso", email: "budi@example.org" });
    const aygun = await makePerson(db, { name: "Aygün Məmmədova" });
    const ulvi = await makePerson(db, { name: "Ulvi Mehdiyev", email: "ulvi@example.az" });
    members.head = (
      await member(db, {
        visitId,
        personId: rini.id,
        role: "head",
        position: 0,
        dietaryNeeds: "Halal meals",
        hotel: "Hotel Excelsior",
        arrivalMode: "flight",
        arrivalRef: "J2 9001",
        arrivalAt: new Date("2025-06-09T16:00:00Z"),
      })
    ).id;
    members.budi = (
      await member(db, {
        visitId,
        personId: budi.id,
        position: 1,
        dietaryNeeds: "Vegetarian",
        accessNeeds: "Step-free access",
        hotel: "Park Inn",
      })
    ).id;
    members.interpreter = (await member(db, { visitId, personId: aygun.id, role: "interpreter", position: 2 })).id;
    members.host = (await member(db, { visitId, personId: ulvi.id, side: "host", role: "counterpart" })).id;

    items.opening = (
      await item(
        db,
        visitId,
        { date: "2025-06-10", start: "09:00", end: "11:00", zone: "Asia/Baku" },
        firstItem,
        "all",
        {
          placeName: "ASAN Xidmat Centre No. 1",
          address: "Baku, Azərbaycan",
          agenda: { en: "Welcome; how a centre serves 5,000 people a day" },
        },
      )
    ).id;
    items.interpreters = (
      await item(
        db,
        visitId,
        { date: "2025-06-10", start: "14:00", end: "15:00", zone: "Asia/Baku" },
        { en: "Interpreters' preparation" },
        [members.interpreter],
      )
    ).id;
    items.call = (
      await item(
        db,
        visitId,
        { date: "2025-06-11", start: "10:00", end: "11:30", zone: "Asia/Jakarta" },
        { en: "Video call with KemenPANRB" },
        [members.budi],
      )
    ).id;
    await db.insert(t.followUps).values([
      { visitId, title: { en: "Send the MPP service standards" }, ownerId: editor.id, dueOn: "2025-07-01" },
      { visitId, title: { en: "Thank-you letter" }, ownerId: editor.id, dueOn: "2025-06-20", status: "done" },
    ]);
  });
  afterAll(() => test?.close());

  it("holds the whole visit for the editors: delegation, counterparts, programme, needs, open follow-ups", async () => {
    const b = await briefing("editor");
    expect(b.member).toBeNull();
    expect(b.delegation.map((m) => m.name)).toEqual(["Rini Widyantini", "Budi Santoso", "Aygün Məmmədova"]);
    expect(b.delegation.map((m) => m.role)).toEqual(["head", "member", "interpreter"]);
    expect(b.counterparts.map((m) => m.name)).toEqual(["Ulvi Mehdiyev"]);
    expect(b.counterparts[0]!.needs).toBeNull();
    expect(b.items.map((i) => i.id)).toEqual([items.opening, items.interpreters, items.call]);
    expect(b.delegation.map((m) => m.needs?.dietary ?? null)).toEqual(["Halal meals", "Vegetarian", null]);
    expect(b.delegation.every((m) => m.logistics)).toBe(true);
    expect(b.followUps.map((f) => f.title.en)).toEqual(["Send the MPP service standards"]);
  });

  it("gives a member's version only their items and their own logistics", async () => {
    const b = await briefing("editor", members.budi);
    expect(b.member?.name).toBe("Budi Santoso");
    expect(b.items.map((i) => i.id)).toEqual([items.opening, items.call]);
    expect(b.member?.logistics?.hotel).toBe("Park Inn");
    expect(b.delegation.filter((m) => m.logistics).map((m) => m.name)).toEqual(["Budi Santoso"]);
    const interpreter = await briefing("otherViewer", members.interpreter);
    expect(interpreter.items.map((i) => i.id)).toEqual([items.opening, items.interpreters]);
    // Only the delegation's members have a version; a host, or another visit's member, has none.
    expect(await loadBriefing(db, visitId, reader("editor"), members.host)).toBeNull();
    expect(await loadBriefing(db, visitId, reader("editor"), 2_000_000_000)).toBeNull();
  });

  it("shows needs to the editors and to the member in their own version, never in a viewer's briefing", async () => {
    const needsOf = (b: Awaited<ReturnType<typeof briefing>>) =>
      [...b.delegation, ...(b.member ? [b.member] : [])].filter((m) => m.needs).map((m) => m.name);
    expect(needsOf(await briefing("otherViewer"))).toEqual([]);
    expect(needsOf(await briefing("otherViewer", members.head))).toEqual([]);
    // The member reading the whole delegation's briefing is a viewer like any other.
    expect(needsOf(await briefing("memberViewer"))).toEqual([]);
    const own = await briefing("memberViewer", members.head);
    expect(own.member?.needs?.dietary).toBe("Halal meals");
    expect(own.member?.isReader).toBe(true);
    expect(needsOf(await briefing("memberViewer", members.budi))).toEqual([]);
    expect((await briefing("editor", members.budi)).member?.needs).toMatchObject({
      dietary: "Vegetarian",
      access: "Step-free access",
    });
  });

  it("prints the talking points' rich text in the PDF: headings, bullets, numbers, bold, links with their address", async () => {
    const { json } = await renderRichText(richState);
    await db.update(t.visits).set({ talkingPointsJson: json }).where(eq(t.visits.activityId, visitId));
    const states = (await briefingRichText(db, visitId))!;
    const text = (
      await pdfPages(await briefingPdf(await briefing("editor"), "en", translatorFor("en").t, states))
    ).join(" ");
    expect(text).toContain("What to ask");
    expect(text).toMatch(/•\s+Queue times at the centre/);
    expect(text).toMatch(/•\s+Staff training/);
    expect(text).toMatch(/1\.\s+Open the meeting/);
    expect(text).toMatch(/2\.\s+Thank the hosts/);
    expect(text).toContain("Read the report (https://asan.gov.az/en)");
    // Without the states (an old caller), the plain text is printed as before.
    const plain = (await pdfPages(await briefingPdf(await briefing("editor"), "en", translatorFor("en").t))).join(" ");
    expect(plain).not.toContain("•");
  });

  it("dates an earlier visit in the PDF as precisely as its source gives it", async () => {
    const b = await briefing("editor");
    const earlier = {
      id: 1,
      title: { en: "Visit to Azerbaijan with regional leaders" },
      startsAt: new Date("2017-09-01T00:00:00Z"),
      allDay: true,
      datePrecision: "month" as const,
      dateApproximate: true,
      city: null,
      lessonsHtml: null,
      lessonsText: null,
    };
    const text = (await pdfPages(await briefingPdf({ ...b, earlierVisits: [earlier] }, "en", translatorFor("en").t)))
      .join(" ")
      .replace(/\s+/g, " ");
    expect(text).toContain("Visit to Azerbaijan with regional leaders (c. Sept 2017)");
  });

  it("prints a PDF with the visit's name on every page and the programme's first item", async () => {
    const b = await briefing("editor");
    const english = await pdfPages(await briefingPdf(b, "en", translatorFor("en").t));
    expect(english.length).toBeGreaterThanOrEqual(1);
    for (const [i, text] of english.entries()) {
      expect(text, `page ${i + 1}`).toContain(visitTitle.en);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${english.length}`);
    }
    const all = english.join(" ");
    expect(all).toContain(firstItem.en);
    expect(all).toContain("Aygün Məmmədova");
    expect(all).toContain("Halal meals");

    const indonesian = await pdfPages(await briefingPdf(b, "id", translatorFor("id").t));
    for (const text of indonesian) expect(text).toContain(visitTitle.id);
    expect(indonesian.join(" ")).toContain(firstItem.id);
    expect(indonesian.join(" ")).toContain("Program");

    // A viewer's PDF holds what their page would: no needs.
    const viewers = await pdfPages(await briefingPdf(await briefing("otherViewer"), "en", translatorFor("en").t));
    expect(viewers.join(" ")).not.toContain("Halal meals");
  });

  async function memberCalendar(memberId: number) {
    const calendar = (await visitCalendar(db, visitId, memberId))!;
    const response = visitCalendarResponse(calendar, { lang: "en", t: translatorFor("en").t, origin });
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    return new ICAL.Component(ICAL.parse(await response.text()));
  }

  it("gives each member a calendar of their items, at the place's time with its VTIMEZONE", async () => {
    const cal = await memberCalendar(members.budi);
    const zones = cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones).toEqual(["Asia/Baku", "Asia/Jakarta"]);
    for (const zone of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.uid)).toEqual([
      `itinerary-item-${items.opening}@jembatan.example.org`,
      `itinerary-item-${items.call}@jembatan.example.org`,
    ]);
    expect(events.map((e) => e.component.getFirstProperty("dtstart")!.getParameter("tzid"))).toEqual([
      "Asia/Baku",
      "Asia/Jakarta",
    ]);
    expect(events[0]!.startDate.toString()).toBe("2025-06-10T09:00:00");
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2025-06-10T05:00:00.000Z");
    expect(events[1]!.endDate.toJSDate().toISOString()).toBe("2025-06-11T04:30:00.000Z");
    expect(events[0]!.summary).toBe(firstItem.en);
    expect(events[0]!.location).toBe("ASAN Xidmat Centre No. 1, Baku, Azərbaycan");
    expect(events[0]!.description).toBe("Welcome; how a centre serves 5,000 people a day");

    const whole = (await visitCalendar(db, visitId, null))!;
    expect(whole.items).toHaveLength(3);
    expect(await visitCalendar(db, visitId, members.host)).toBeNull();
  });

  it("keeps each event's UID and raises its SEQUENCE when the itinerary is saved", async () => {
    const before = (await memberCalendar(members.budi)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    // The editor moves the opening meeting half an hour later and saves the itinerary.
    const [current] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    const state = await itineraryState(db, visitId, current!.itineraryVersion);
    const saved = await saveItinerary(
      db,
      { userId: users.editor },
      {
        visitId,
        version: state.version,
        items: state.items.map((item) => ({
          ...item,
          startsAt: new Date(new Date(item.startsAt).getTime() + (item.id === items.opening ? 1_800_000 : 0)),
          endsAt: new Date(item.endsAt),
        })),
      },
    );
    expect(saved).toBeTruthy();
    const after = (await memberCalendar(members.budi)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => e.sequence)).toEqual(before.map((e) => e.sequence + 1));
    expect(after[0]!.startDate.toString()).toBe("2025-06-10T09:30:00");
  });

  it("writes every zone's changes into its VTIMEZONE, to the minute", () => {
    expect(zoneTransitions("Asia/Baku", Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))).toEqual([]);
    const berlin = zoneTransitions("Europe/Berlin", Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    expect(berlin.map((c) => [new Date(c.at).toISOString(), c.from, c.to])).toEqual([
      ["2025-03-30T01:00:00.000Z", 60, 120],
      ["2025-10-26T01:00:00.000Z", 120, 60],
    ]);
    const lines = vtimezone("Europe/Berlin", 2025, 2025);
    expect(lines).toContain("BEGIN:DAYLIGHT");
    expect(lines).toContain("DTSTART:20250330T020000");
  });

  it("issues the briefing: audited, and one mail per member with an account or an address", async () => {
    const [current] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    const seen = {
      version: current!.version,
      itineraryVersion: current!.itineraryVersion,
      delegationVersion: current!.delegationVersion,
    };
    const [last] = await db.select({ id: max(t.mailOutbox.id) }).from(t.mailOutbox);
    const mark = last?.id ?? 0;

    // Read at a version since changed: nothing issued, nothing queued.
    const stale = await issueBriefing(
      db,
      { userId: users.editor },
      visitId,
      { ...seen, itineraryVersion: seen.itineraryVersion + 1 },
      { origin },
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);

    const issued = await issueBriefing(db, { userId: users.editor }, visitId, seen, { origin });
    expect(issued).toMatchObject({ version: seen.version + 1, mailed: 2 });
    const [after] = await db.select().from(t.visits).where(eq(t.visits.activityId, visitId));
    expect(after!.briefingIssuedAt).toBeInstanceOf(Date);

    const mails = await db.select().from(t.mailOutbox).where(gt(t.mailOutbox.id, mark)).orderBy(t.mailOutbox.id);
    // The head (through her account, in its language) and Budi (his own address); not the
    // interpreter (no address) nor the host's counterpart.
    expect(mails.map((m) => [m.kind, m.toAddress, m.locale])).toEqual([
      ["briefing_pack", memberViewerEmail, "id"],
      ["briefing_pack", "budi@example.org", "en"],
    ]);
    expect(mails[0]!.userId).toBe(users.memberViewer);
    expect(mails[0]!.subject).toContain(visitTitle.id);
    expect(mails[0]!.text).toContain(`${origin}/visits/${visitId}/briefing?member=${members.head}`);
    expect(mails[0]!.text).toContain(`${origin}/visits/${visitId}/members/${members.head}/calendar.ics`);
    // Budi has no account: his mail carries his personal links (decision 21), not sign-in ones.
    expect(mails[1]!.text).toMatch(
      new RegExp(`${origin}/visits/${visitId}/members/${members.budi}/briefing\\?token=[A-Za-z0-9_-]{43}`),
    );
    expect(mails[1]!.text).toMatch(
      new RegExp(`${origin}/visits/${visitId}/members/${members.budi}/calendar\\.ics\\?token=[A-Za-z0-9_-]{43}`),
    );
    expect(mails[1]!.text).not.toContain(`?member=${members.budi}`);
    expect(mails[1]!.html).not.toContain("Vegetarian");

    const audit = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "visit"), eq(t.auditLog.action, "issue_briefing")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(users.editor);
    expect(audit[0]!.after).toMatchObject({ mailedMembers: [members.head, members.budi] });

    // Issued again at the old version: the first issue changed the visit.
    await expect(issueBriefing(db, { userId: users.editor }, visitId, seen, { origin })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await issueBriefing(db, { userId: users.editor }, 2_000_000_000, seen, { origin })).toBeNull();
  });
});
