/**
 * Partners ask (issue 11): a visitor's request on a case is kept with its audit row, the
 * requester's acknowledgement and the staff's notices, all in one transaction; rate limits per
 * address typed and per client; staff plan an activity from it, linked to the case; and a case
 * lists the activities it was shared in, published information only for visitors.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { updateActivity } from "../../app/models/activity-writes.server";
import { getActivityForEdit } from "../../app/models/activity-queries.server";
import { activityCaseList, sharedActivities } from "../../app/models/case-activities.server";
import { getEnquiry, listEnquiries, enquiryCaseBySlug } from "../../app/models/enquiry-queries.server";
import {
  enquiryLimits,
  createEnquiryActivity,
  addEnquiry,
  setEnquiryStatus,
  createEnquiry,
} from "../../app/models/enquiry-writes.server";
import { ConflictError, RuleError } from "../../app/models/errors.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { activityInput, makeActivity, makeCase, makePublishedCase, makeUser } from "../support/model-factories";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

const origin = "https://jembatan.example.org";
const secret = "a test secret of at least thirty-two characters";

describe.each(drivers)("enquiries on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  let editor: { id: number; email: string };
  let admin: { id: number; email: string };
  let viewer: { id: number; email: string };
  let quietEditor: { id: number; email: string };
  let disabledEditor: { id: number; email: string };

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
    await seedContent(db, { demo: false });
    [editor, admin, viewer, quietEditor, disabledEditor] = await Promise.all([
      makeUser(db, { role: "editor" }),
      makeUser(db, { role: "admin" }),
      makeUser(db, { role: "viewer" }),
      makeUser(db, { role: "editor" }),
      makeUser(db, { role: "editor" }),
    ]);
    await db.update(t.users).set({ locale: "id" }).where(eq(t.users.id, admin.id));
    await db.update(t.users).set({ notifyEnquiries: false }).where(eq(t.users.id, quietEditor.id));
    await db.update(t.users).set({ disabledAt: new Date() }).where(eq(t.users.id, disabledEditor.id));
    // The admin's address bounced: their notice is kept back, as every notice to it is.
    await db.insert(t.mailSuppressions).values({ address: admin.email.toLowerCase(), reason: "bounced" });
  }, 120_000);
  afterAll(() => test?.close());

  let clients = 0;
  /** A client address of its own, so tests do not share the per-client count. */
  const newClient = () => `192.0.2.${++clients}`;

  async function publishedCase(title = `Service hall ${Math.random().toString(36).slice(2, 8)}`) {
    const published = await makePublishedCase(db, { title: { en: title, id: `Balai ${title}` } });
    const found = await enquiryCaseBySlug(db, published.slug);
    return found!;
  }

  function request(
    found: NonNullable<Awaited<ReturnType<typeof enquiryCaseBySlug>>>,
    overrides: Partial<Parameters<typeof createEnquiry>[1]> = {},
  ) {
    return {
      caseId: found.caseId,
      caseSlug: found.slug,
      caseTitle: found.title,
      name: "Aygün Məmmədova",
      organization: "Ministry of Digital Development",
      country: "Azerbaijan",
      email: `asker-${Math.random().toString(36).slice(2, 8)}@example.net`,
      message: "We would like to learn how the service halls share one back office.",
      language: "id" as const,
      origin,
      secret,
      ...overrides,
    };
  }

  const auditRows = (entityType: string, entityId: number) =>
    db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, String(entityId))))
      .orderBy(t.auditLog.id);

  it("keeps a request with its audit row, the acknowledgement and the staff's notices, in one transaction", async () => {
    const found = await publishedCase("Queue-free permits");
    const input = request(found);
    const outcome = await addEnquiry(db, { ...input, clientAddress: newClient() });
    expect(outcome.kind).toBe("sent");
    const id = outcome.kind === "sent" ? outcome.id : 0;

    const stored = await getEnquiry(db, id);
    expect(stored).toMatchObject({ status: "new", caseId: found.caseId, email: input.email, language: "id" });

    // The audit row names no one: personal data stays in the request's own row.
    const [audit] = await auditRows("enquiry", id);
    expect(audit).toMatchObject({ action: "create", actorId: null, actorLabel: "system" });
    expect(JSON.stringify(audit!.after)).not.toContain(input.email);
    expect(JSON.stringify(audit!.after)).not.toContain(input.name);

    const mail = await db
      .select()
      .from(t.mailOutbox)
      .where(inArray(t.mailOutbox.kind, ["enquiry_received", "enquiry_notice"]));
    const ack = mail.filter((m) => m.kind === "enquiry_received" && m.toAddress === input.email);
    expect(ack).toHaveLength(1);
    // In the page's language, pointing at the case.
    expect(ack[0]!).toMatchObject({ locale: "id", status: "queued" });
    expect(ack[0]!.subject).toContain("Balai Queue-free permits");
    expect(ack[0]!.text).toContain(`${origin}/library/${found.slug}`);

    const notices = mail.filter((m) => m.kind === "enquiry_notice" && m.dedupeKey?.startsWith(`enquiry-notice:${id}:`));
    const byUser = new Map(notices.map((m) => [m.userId, m]));
    // Enabled editors and admins who get notices; not viewers, not those who turned them off.
    expect([...byUser.keys()].sort()).toEqual([editor.id, admin.id].sort());
    expect(byUser.get(editor.id)).toMatchObject({ status: "queued", locale: "en" });
    expect(byUser.get(editor.id)!.text).toContain(`${origin}/enquiries/${id}`);
    expect(byUser.get(editor.id)!.headers).toHaveProperty("List-Unsubscribe");
    // Its unsubscribe link turns off these notices, not the editor's activity reminders.
    const link = (byUser.get(editor.id)!.headers as Record<string, string>)["List-Unsubscribe"]!;
    expect(link).toMatch(new RegExp(`/unsubscribe/${editor.id}\\.enquiries\\.`));
    expect(byUser.get(admin.id)).toMatchObject({ status: "suppressed", locale: "id" });
    expect(byUser.has(viewer.id)).toBe(false);
    expect(byUser.has(quietEditor.id)).toBe(false);
    expect(byUser.has(disabledEditor.id)).toBe(false);
  });

  it("keeps nothing when its mail cannot be queued: the request, its audit row and its mail stand or fall together", async () => {
    const found = await publishedCase();
    // A line break in a name bound for a mail header fails the queueing, the last of the steps.
    const input = request(found, { name: "Someone\r\nBcc: everyone@example.net" });
    await expect(createEnquiry(db, input)).rejects.toThrow(/line break/);
    const rows = await db.select().from(t.enquiries).where(eq(t.enquiries.caseId, found.caseId));
    expect(rows).toEqual([]);
    const mail = await db.select().from(t.mailOutbox).where(eq(t.mailOutbox.toAddress, input.email));
    expect(mail).toEqual([]);
  });

  it("limits requests per address typed and per client, and keeps nothing past the limit", async () => {
    const found = await publishedCase();
    const email = `limited-${Math.random().toString(36).slice(2, 8)}@example.net`;
    for (let i = 0; i < enquiryLimits.perEmail; i++) {
      const outcome = await addEnquiry(db, { ...request(found, { email }), clientAddress: newClient() });
      expect(outcome.kind).toBe("sent");
    }
    // Upper case is the same inbox.
    const refused = await addEnquiry(db, {
      ...request(found, { email: email.toUpperCase() }),
      clientAddress: newClient(),
    });
    expect(refused).toMatchObject({ kind: "limited" });
    expect(refused.kind === "limited" && refused.minutes).toBeGreaterThanOrEqual(1);

    const client = newClient();
    for (let i = 0; i < enquiryLimits.perAddress; i++) {
      expect((await addEnquiry(db, { ...request(found), clientAddress: client })).kind).toBe("sent");
    }
    expect((await addEnquiry(db, { ...request(found), clientAddress: client })).kind).toBe("limited");

    const kept = await db.select().from(t.enquiries).where(eq(t.enquiries.caseId, found.caseId));
    expect(kept).toHaveLength(enquiryLimits.perEmail + enquiryLimits.perAddress);
  });

  it("finds only published cases by either address", async () => {
    const draft = await makeCase(db);
    expect(await enquiryCaseBySlug(db, draft.slug)).toBeNull();
    const found = await publishedCase();
    expect((await enquiryCaseBySlug(db, found.slug))?.caseId).toBe(found.caseId);
  });

  it("moves a request's status with its version, audited, and plans an activity linked to the case in one step", async () => {
    const found = await publishedCase("One-stop service halls");
    const sent = await createEnquiry(db, request(found));
    const actor = { userId: editor.id };

    await expect(
      setEnquiryStatus(db, actor, { id: sent.id, version: sent.version, status: "planned" }),
    ).rejects.toBeInstanceOf(RuleError);
    const progressing = await setEnquiryStatus(db, actor, {
      id: sent.id,
      version: sent.version,
      status: "in_progress",
    });
    expect(progressing).toMatchObject({ status: "in_progress", handledBy: editor.id, version: sent.version + 1 });
    // A stale change, and a stale plan, change nothing.
    await expect(
      setEnquiryStatus(db, actor, { id: sent.id, version: sent.version, status: "closed" }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(createEnquiryActivity(db, actor, { id: sent.id, version: sent.version })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.select().from(t.activityCases).where(eq(t.activityCases.caseId, found.caseId))).toEqual([]);

    const planned = await createEnquiryActivity(db, actor, { id: sent.id, version: progressing!.version });
    expect(planned!.enquiry).toMatchObject({ status: "planned", activityId: planned!.activity.id });
    expect(planned!.activity).toMatchObject({ type: "knowledge_sharing", status: "planned", allDay: true });
    expect(planned!.activity.title.en).toContain("One-stop service halls");
    expect(planned!.activity.title.id).toContain("Balai One-stop service halls");
    const links = await db.select().from(t.activityCases).where(eq(t.activityCases.activityId, planned!.activity.id));
    expect(links).toEqual([{ activityId: planned!.activity.id, caseId: found.caseId }]);

    // Planned once only.
    await expect(
      createEnquiryActivity(db, actor, { id: sent.id, version: planned!.enquiry.version }),
    ).rejects.toBeInstanceOf(RuleError);

    const enquiryAudit = await auditRows("enquiry", sent.id);
    expect(enquiryAudit.map((a) => a.action)).toEqual(["create", "update_status", "plan"]);
    expect(enquiryAudit.at(-1)).toMatchObject({ actorId: editor.id });
    const [activityAudit] = await auditRows("activity", planned!.activity.id);
    expect(activityAudit).toMatchObject({ action: "create", actorId: editor.id });
    expect((activityAudit!.after as { caseIds: number[] }).caseIds).toEqual([found.caseId]);

    const inbox = await listEnquiries(db, { status: "planned", page: 1 });
    expect(inbox.rows.map((r) => r.id)).toContain(sent.id);
  });

  it("saves an activity's cases with the activity, audited, and keeps them when an input names none", async () => {
    const [first, second] = [await makeCase(db), await makeCase(db)];
    const made = await makeActivity(db, { caseIds: [second.id, first.id] });
    expect((await getActivityForEdit(db, made.id))!.input.caseIds).toEqual([first.id, second.id].sort((a, b) => a - b));

    // The seed's inputs say nothing of cases: the links made in the app stay.
    const { caseIds: _none, ...withoutCases } = activityInput({ title: made.title });
    const kept = await updateActivity(db, { label: "cli" }, { ...withoutCases, id: made.id, version: made.version });
    expect((await getActivityForEdit(db, made.id))!.input.caseIds).toHaveLength(2);

    await updateActivity(
      db,
      { label: "cli" },
      { ...activityInput({ caseIds: [first.id] }), id: made.id, version: kept!.version },
    );
    expect((await activityCaseList(db, made.id)).map((c) => c.id)).toEqual([first.id]);
    const audits = await auditRows("activity", made.id);
    expect((audits.at(-1)!.before as { caseIds: number[] }).caseIds).toHaveLength(2);
    expect((audits.at(-1)!.after as { caseIds: number[] }).caseIds).toEqual([first.id]);

    // A case that does not exist is refused on its field.
    await expect(
      updateActivity(
        db,
        { label: "cli" },
        { ...activityInput({ caseIds: [2_000_000_000] }), id: made.id, version: kept!.version + 1 },
      ),
    ).rejects.toMatchObject({ errors: { caseIds: { key: "validation.unknownChoice" } } });
  });

  it("lists where a case was shared: every activity for staff, completed ones' type, title and month for visitors", async () => {
    const found = await publishedCase();
    const completed = await makeActivity(db, {
      status: "completed",
      type: "visit",
      startsAt: new Date("2024-09-17T02:00:00Z"),
      endsAt: new Date("2024-09-18T09:00:00Z"),
      caseIds: [found.caseId],
    });
    const plannedOne = await makeActivity(db, { status: "planned", caseIds: [found.caseId] });
    // 06:00 on 1 November in Jakarta, still 31 October in UTC: its month is November.
    const morning = await makeActivity(db, {
      status: "completed",
      countryCode: "ID",
      startsAt: new Date("2024-10-31T23:00:00Z"),
      endsAt: new Date("2024-11-01T03:00:00Z"),
      caseIds: [found.caseId],
    });

    const staff = await sharedActivities(db, found.caseId, { staff: true });
    expect(staff.map((a) => a.id).sort()).toEqual([completed.id, plannedOne.id, morning.id].sort());
    expect(staff.find((a) => a.id === morning.id)!.startsOn).toBe("2024-11-01");

    const visitors = await sharedActivities(db, found.caseId, { staff: false });
    expect(visitors).toEqual([
      { id: null, type: morning.type, title: morning.title, status: null, startsOn: "2024-11-01" },
      { id: null, type: "visit", title: completed.title, status: null, startsOn: "2024-09-01" },
    ]);
  });
});
