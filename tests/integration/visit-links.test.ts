/**
 * A visit's secret links (decision 21), the model: a link opens exactly its visit, member and
 * purpose while it lives; only its hash is stored; a new one retires the old; a member's personal
 * briefing holds their own needs only; issuing the briefing again sends new personal links. Over
 * HTTP: visit-links-http.test.ts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { issueBriefing } from "../../app/models/briefing-issue.server";
import { loadBriefing } from "../../app/models/briefing.server";
import { findVisitLink, issueVisitLink, visitLinksOf, type VisitLinkHolder } from "../../app/models/visit-links.server";
import { makePerson, makeUser, makeVisit } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("secret visit links on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  const ids = { visit: 0, other: 0, budi: 0, sari: 0, host: 0, otherMember: 0, viewer: 0, editor: 0 };
  const actor = () => ({ userId: ids.editor });

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    ids.viewer = (await makeUser(db)).id;
    ids.editor = (await makeUser(db, { role: "editor" })).id;
    ids.visit = (await makeVisit(db)).visit.activityId;
    ids.other = (await makeVisit(db)).visit.activityId;
    const person = async (name: string, email: string | null = null) => (await makePerson(db, { name, email })).id;
    const member = async (visitId: number, personId: number, values: Partial<typeof t.visitMembers.$inferInsert>) =>
      (
        await db
          .insert(t.visitMembers)
          .values({ visitId, personId, ...values })
          .returning()
      )[0]!.id;
    const budi = await person("Budi Santoso", "budi@example.org");
    ids.budi = await member(ids.visit, budi, { dietaryNeeds: "Vegetarian", position: 0 });
    ids.sari = await member(ids.visit, await person("Sari Dewi"), { dietaryNeeds: "Gluten-free", position: 1 });
    ids.host = await member(ids.visit, await person("Ulvi Mehdiyev"), { side: "host", role: "counterpart" });
    ids.otherMember = await member(ids.other, budi, {});
  });
  afterAll(() => test?.close());

  const calendarOf = (memberId: number | null, userId: number | null = ids.viewer): VisitLinkHolder => ({
    visitId: ids.visit,
    purpose: "calendar",
    memberId,
    userId,
  });

  it("opens exactly its visit, member and purpose, and stores only the token's hash", async () => {
    const made = (await issueVisitLink(db, actor(), calendarOf(null)))!;
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(made.path).toBe(`/visits/${ids.visit}/calendar.ics?token=${made.token}`);
    const want = { visitId: ids.visit, purpose: "calendar" as const, memberId: null };
    expect(await findVisitLink(db, made.token, want)).toMatchObject({ userId: ids.viewer, memberId: null });
    expect(await findVisitLink(db, made.token, { ...want, visitId: ids.other })).toBeNull();
    expect(await findVisitLink(db, made.token, { ...want, memberId: ids.budi })).toBeNull();
    expect(await findVisitLink(db, made.token, { ...want, purpose: "briefing" })).toBeNull();
    const last = made.token.at(-1) === "A" ? "B" : "A";
    expect(await findVisitLink(db, `${made.token.slice(0, 42)}${last}`, want)).toBeNull();
    expect(await findVisitLink(db, "not a token", want)).toBeNull();

    const rows = await db.select().from(t.visitLinks).where(eq(t.visitLinks.id, made.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(made.token);
    expect(rows[0]!.tokenHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("stops opening once replaced, revoked, expired, its account disabled, or its member gone from the delegation", async () => {
    const want = { visitId: ids.visit, purpose: "calendar" as const, memberId: ids.sari };
    const first = (await issueVisitLink(db, actor(), calendarOf(ids.sari)))!;
    const second = (await issueVisitLink(db, actor(), calendarOf(ids.sari)))!;
    expect(await findVisitLink(db, first.token, want)).toBeNull();
    expect(await findVisitLink(db, second.token, want)).not.toBeNull();
    // Another holder's link for the same calendar is theirs: replacing one leaves the other.
    const editors = (await issueVisitLink(db, actor(), calendarOf(ids.sari, ids.editor)))!;
    expect(await findVisitLink(db, second.token, want)).not.toBeNull();

    await db
      .update(t.visitLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(t.visitLinks.id, second.id));
    expect(await findVisitLink(db, second.token, want)).toBeNull();

    const viewer = (await makeUser(db)).id;
    const disabled = (await issueVisitLink(db, actor(), calendarOf(ids.sari, viewer)))!;
    await db.update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, viewer));
    expect(await findVisitLink(db, disabled.token, want)).toBeNull();

    await db.update(t.visitMembers).set({ side: "host" }).where(eq(t.visitMembers.id, ids.sari));
    expect(await findVisitLink(db, editors.token, want)).toBeNull();
    await db.update(t.visitMembers).set({ side: "delegation" }).where(eq(t.visitMembers.id, ids.sari));
    expect(await findVisitLink(db, editors.token, want)).not.toBeNull();
  });

  it("makes no link for a host's counterpart, another visit's member or no visit", async () => {
    expect(await issueVisitLink(db, actor(), calendarOf(ids.host))).toBeNull();
    expect(await issueVisitLink(db, actor(), calendarOf(ids.otherMember))).toBeNull();
    expect(await issueVisitLink(db, actor(), { ...calendarOf(null), visitId: 2_000_000_000 })).toBeNull();
  });

  it("tells a reader their own calendar links, and the editors every member's personal briefing link", async () => {
    const personal = (await issueVisitLink(db, actor(), {
      visitId: ids.visit,
      purpose: "briefing",
      memberId: ids.budi,
      userId: null,
    }))!;
    const viewers = await visitLinksOf(db, ids.visit, { userId: ids.viewer, canEdit: false });
    expect(viewers.briefing).toEqual([]);
    expect(viewers.calendar.every((l) => l.userId === ids.viewer)).toBe(true);
    const editors = await visitLinksOf(db, ids.visit, { userId: ids.editor, canEdit: true });
    expect(editors.briefing.map((l) => l.id)).toEqual([personal.id]);
    expect(editors.calendar.every((l) => l.userId === ids.editor)).toBe(true);
  });

  it("reads a member's personal briefing with their own needs and no one else's", async () => {
    const own = (await loadBriefing(
      db,
      ids.visit,
      { userId: null, canEdit: false, linkMemberId: ids.budi },
      ids.budi,
    ))!;
    expect(own.member?.needs?.dietary).toBe("Vegetarian");
    expect(own.delegation.filter((m) => m.needs).map((m) => m.id)).toEqual([ids.budi]);
    // The link of one member never reads another's version with needs.
    const other = (await loadBriefing(
      db,
      ids.visit,
      { userId: null, canEdit: false, linkMemberId: ids.budi },
      ids.sari,
    ))!;
    expect(other.member?.needs).toBeNull();
  });

  it("mails a member without an account new personal links on each issue, retiring the last ones", async () => {
    const origin = "https://jembatan.example.org";
    const issue = async () => {
      const [v] = await db.select().from(t.visits).where(eq(t.visits.activityId, ids.visit));
      const seen = {
        version: v!.version,
        itineraryVersion: v!.itineraryVersion,
        delegationVersion: v!.delegationVersion,
      };
      await issueBriefing(db, actor(), ids.visit, seen, { origin });
      const mails = await db
        .select()
        .from(t.mailOutbox)
        .where(eq(t.mailOutbox.toAddress, "budi@example.org"))
        .orderBy(t.mailOutbox.id);
      const text = mails.at(-1)!.text;
      const token = (kind: string) =>
        new RegExp(`/visits/${ids.visit}/members/${ids.budi}/${kind}\\?token=([A-Za-z0-9_-]{43})`).exec(text)![1]!;
      return { briefing: token("briefing"), calendar: token("calendar\\.ics") };
    };
    const first = await issue();
    const briefing = { visitId: ids.visit, purpose: "briefing" as const, memberId: ids.budi };
    const calendar = { ...briefing, purpose: "calendar" as const };
    expect(await findVisitLink(db, first.briefing, briefing)).toMatchObject({ userId: null });
    expect(await findVisitLink(db, first.calendar, calendar)).toMatchObject({ userId: null });
    // The briefing's link is no calendar's and the reverse.
    expect(await findVisitLink(db, first.briefing, calendar)).toBeNull();

    const second = await issue();
    expect(await findVisitLink(db, first.briefing, briefing)).toBeNull();
    expect(await findVisitLink(db, first.calendar, calendar)).toBeNull();
    expect(await findVisitLink(db, second.briefing, briefing)).not.toBeNull();
    const audit = await db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, String(ids.visit)));
    expect(audit.filter((r) => r.action === "issue_visit_link").length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(audit)).not.toContain(second.briefing);
  });
});
