/**
 * The notice scheduler (app/mail/scheduler.server.ts): activity reminders 7 days and 1 day ahead,
 * commitment notices 14 days ahead and once overdue, the weekly digest on Monday 08:00 in each
 * user's time zone; each to the right people, in their language, once however many schedulers run.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as t from "../../db/schema";
import { openDatabase, type Database } from "../../db/client";
import { seedContent } from "../../app/seed/seed-content.server";
import { runSchedulerPass } from "../../app/mail/scheduler.server";
import { startNoticeScheduler, stopNoticeScheduler } from "../../app/mail/scheduler-loop.server";
import { readUnsubscribeToken, unsubscribeToken } from "../../app/mail/unsubscribe.server";
import { getActivityForEdit } from "../../app/models/activity-queries.server";
import { updateActivity } from "../../app/models/activity-writes.server";
import { setFocalPoint } from "../../app/models/commitment-focal-points.server";
import { assessCommitment } from "../../app/models/commitment-assessments.server";
import { updateCommitment } from "../../app/models/commitment-writes.server";
import { addFollow } from "../../app/models/follows.server";
import { disableNotice, updateNoticePreferences } from "../../app/models/notice-preferences.server";
import { updatePreferences } from "../../app/models/user-account.server";
import { updateUser } from "../../app/models/user.server";
import { zonedToUtc, utcToZoned } from "../../app/lib/zoned-time";
import {
  assessmentInput,
  makeActivity,
  makeAgreement,
  makeCommitment,
  makeUser,
  testActor,
} from "../support/model-factories";
import { createServerDatabase, createTestDatabase, drivers } from "../support/test-database";
import type { DatabaseDriver } from "../../db/client";

const secret = "a test secret of at least thirty-two characters";
const origin = "https://jembatan.test";
const hour = 3_600_000;
const day = 24 * hour;

/**
 * Two app servers' connection pools to one database: on PostgreSQL two pools (each scheduler on
 * connections of its own), on PGlite the one connection it has.
 */
async function twoServers(driver: DatabaseDriver) {
  if (driver === "pglite") {
    const test = await createTestDatabase("pglite");
    return { dbs: [test.db, test.db] as const, close: test.close };
  }
  const template = inject("testTemplates")?.postgresTemplate;
  const database = await createServerDatabase(template ? { template } : {});
  const one = await openDatabase({ url: database.url, dataDir: "", maxConnections: 4 });
  if (!template) await one.migrate();
  const two = await openDatabase({ url: database.url, dataDir: "", maxConnections: 4 });
  return {
    dbs: [one.db, two.db] as const,
    async close() {
      await one.close();
      await two.close();
      await database.drop();
    },
  };
}

describe.each(drivers)("the notice scheduler on %s", (driver) => {
  let close: () => Promise<void>;
  let db: Database;
  let other: Database;
  const ids: Record<string, number> = {};
  const users: Record<string, { id: number; email: string }> = {};

  const pass = (now: Date, on = db) => runSchedulerPass(on, now, { secret, origin });
  const outbox = (keyPrefix: string) =>
    db
      .select()
      .from(t.mailOutbox)
      .where(like(t.mailOutbox.dedupeKey, `${keyPrefix}%`))
      .orderBy(t.mailOutbox.id);

  async function user(name: string, organization: string | null, options: { timeZone?: string; locale?: string } = {}) {
    const made = await makeUser(db, { organizationId: organization ? ids[organization] : null });
    const prefs = await updatePreferences(db, testActor, {
      id: made.id,
      version: made.version,
      timeZone: options.timeZone ?? "Asia/Jakarta",
      locale: options.locale ?? null,
    });
    users[name] = { id: made.id, email: made.email };
    return prefs!;
  }

  beforeAll(async () => {
    const servers = await twoServers(driver);
    close = servers.close;
    [db, other] = servers.dbs;
    await seedContent(db, { demo: false });
    for (const o of await db.select().from(t.organizations)) ids[o.slug] = o.id;
    for (const p of await db.select().from(t.people)) ids[p.slug] = p.id;
    ids.partnership = (await db.select().from(t.partnerships))[0]!.id;
    // Organizers' staff, a participant's colleagues, a focal point's colleagues, and bystanders.
    await user("organizer", "kemenpanrb", { locale: "id" });
    await user("participant", "azerbaijan-state-agency-public-service-social-innovations", { timeZone: "Asia/Baku" });
    await user("outsider", "world-bank");
    await user("nobody", null);
    const off = await user("off", "kemenpanrb");
    await updateNoticePreferences(db, testActor, {
      id: off.id,
      version: off.version,
      remindActivities: false,
      remindCommitments: false,
      weeklyDigest: false,
    });
    const disabled = await user("disabled", "kemenpanrb");
    await updateUser(db, testActor, { id: disabled.id, version: disabled.version, disabled: true });
  });
  afterAll(() => close?.());

  it("reminds organizers and participants' colleagues 7 days and 1 day ahead, once each, in their language", async () => {
    const now = new Date("2035-03-01T00:00:00Z");
    const activity = await makeActivity(db, {
      title: { en: "Service mall study visit", id: "Kunjungan studi mal pelayanan" },
      startsAt: new Date(now.getTime() + 5 * day),
      endsAt: new Date(now.getTime() + 5 * day + 2 * hour),
      organizerIds: [ids.kemenpanrb!],
      participantIds: [ids["inam-karimov"]!],
    });
    const key = (lead: string, who: string) => `activity-reminder:${lead}:${activity.id}:${users[who]!.id}`;

    // Eight days ahead is not yet a week.
    expect((await pass(new Date(now.getTime() - 3 * day))).queued).toBe(0);
    await pass(now);
    const week = await outbox(`activity-reminder:7d:${activity.id}:`);
    expect(week.map((r) => r.dedupeKey).sort()).toEqual([key("7d", "organizer"), key("7d", "participant")].sort());
    const [toOrganizer] = week.filter((r) => r.userId === users.organizer!.id);
    expect(toOrganizer).toMatchObject({ kind: "activity_reminder", locale: "id", toAddress: users.organizer!.email });
    expect(toOrganizer!.subject).toContain("Kunjungan studi mal pelayanan");
    // Jakarta's clock (UTC+7) for the organizer: 5 March 2035, 07:00.
    expect(toOrganizer!.text).toMatch(/07[.:]00/);
    const toParticipant = week.find((r) => r.userId === users.participant!.id)!;
    expect(toParticipant.locale).toBe("en");
    expect(toParticipant.subject).toBe("Coming up: Service mall study visit");
    expect(toParticipant.text).toContain("(Asia/Baku)");

    // List-Unsubscribe, one click, with a token for this user and this kind of notice.
    const link = /^<(https:\/\/jembatan\.test\/unsubscribe\/([^>]+))>$/.exec(
      toParticipant.headers["List-Unsubscribe"]!,
    );
    expect(link).toBeTruthy();
    expect(toParticipant.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(readUnsubscribeToken(secret, link![2]!)).toEqual({ userId: users.participant!.id, kind: "activities" });
    expect(toParticipant.html).toContain(link![1]);

    // Again, an hour later: nothing new.
    expect((await pass(new Date(now.getTime() + hour))).queued).toBe(0);
    // Within the last day: the last reminder, once.
    const lastDay = new Date(now.getTime() + 4 * day + hour);
    expect((await pass(lastDay)).queued).toBe(2);
    expect((await pass(new Date(lastDay.getTime() + hour))).queued).toBe(0);
    expect((await outbox(`activity-reminder:1d:${activity.id}:`)).map((r) => r.dedupeKey).sort()).toEqual(
      [key("1d", "organizer"), key("1d", "participant")].sort(),
    );
    expect((await outbox(`activity-reminder:1d:${activity.id}:`))[0]!.subject).toMatch(/Starting soon|Segera dimulai/);
    // Once it has started, nothing more.
    expect((await pass(new Date(now.getTime() + 6 * day))).queued).toBe(0);
    expect(await outbox(`activity-reminder:7d:${activity.id}:`)).toHaveLength(2);
  });

  it("reminds nobody of a cancelled activity", async () => {
    const now = new Date("2035-04-01T00:00:00Z");
    const activity = await makeActivity(db, {
      status: "cancelled",
      startsAt: new Date(now.getTime() + 3 * day),
      endsAt: new Date(now.getTime() + 3 * day + hour),
      organizerIds: [ids.kemenpanrb!],
    });
    await pass(now);
    expect(await outbox(`activity-reminder:7d:${activity.id}:`)).toEqual([]);
  });

  it("reminds nobody of an activity its source dates only to the month: there is no day to count to", async () => {
    // Stored from the first of its month, four days on: as a day, it would be reminded of.
    const now = new Date("2035-05-28T00:00:00Z");
    const activity = await makeActivity(db, {
      startsAt: new Date("2035-06-01T00:00:00Z"),
      endsAt: new Date("2035-06-30T23:59:59Z"),
      allDay: true,
      datePrecision: "month",
      organizerIds: [ids.kemenpanrb!],
    });
    expect((await db.select().from(t.activities).where(eq(t.activities.id, activity.id)))[0]).toMatchObject({
      datePrecision: "month",
      startsAt: new Date("2035-06-01T00:00:00Z"),
    });
    await pass(now);
    expect(await outbox(`activity-reminder:7d:${activity.id}:`)).toEqual([]);
  });

  it("tells a focal point's colleagues 14 days ahead and when the commitment becomes overdue", async () => {
    const mou = (await db.select().from(t.agreements).where(eq(t.agreements.slug, "mou-2017")))[0]!;
    const commitment = await makeCommitment(db, mou.id, {
      text: { en: "Open three service malls" },
      dueOn: "2035-06-20",
    });
    await setFocalPoint(db, testActor, {
      commitmentId: commitment.id,
      countryCode: "AZ",
      personId: ids["inam-karimov"]!,
    });
    const prefix = (kind: string) => `${kind}:${commitment.id}:`;

    // Fifteen days ahead on the recipient's clock (Baku): not yet.
    await pass(new Date("2035-06-04T12:00:00Z"));
    expect(await outbox(prefix("commitment-due:14d"))).toEqual([]);
    await pass(new Date("2035-06-05T21:00:00Z")); // 6 June in Baku, 14 days ahead
    const due = await outbox(prefix("commitment-due:14d"));
    expect(due.map((r) => r.userId)).toEqual([users.participant!.id]);
    expect(due[0]).toMatchObject({
      kind: "commitment_due",
      dedupeKey: `${prefix("commitment-due:14d")}${users.participant!.id}:2035-06-20`,
    });
    expect(due[0]!.subject).toContain("Open three service malls");
    expect(due[0]!.headers["List-Unsubscribe"]).toContain("/unsubscribe/");
    expect((await pass(new Date("2035-06-10T00:00:00Z"))).queued).toBe(0);

    // On its due date it is not overdue; the day after, it is, once.
    await pass(new Date("2035-06-20T12:00:00Z"));
    expect(await outbox(prefix("commitment-overdue"))).toEqual([]);
    await pass(new Date("2035-06-21T06:00:00Z"));
    await pass(new Date("2035-06-22T06:00:00Z"));
    const overdue = await outbox(prefix("commitment-overdue"));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ kind: "commitment_overdue", userId: users.participant!.id });

    // A completed commitment is never overdue.
    const done = await makeCommitment(db, mou.id, { dueOn: "2035-06-20" });
    await setFocalPoint(db, testActor, { commitmentId: done.id, countryCode: "AZ", personId: ids["inam-karimov"]! });
    await assessCommitment(db, testActor, done.id, done.version, assessmentInput("withdrawn"));
    await pass(new Date("2035-06-21T06:00:00Z"));
    expect(await outbox(`commitment-overdue:${done.id}:`)).toEqual([]);
  });

  it("sends nothing to users who turned a notice off, are disabled, or have no part in it", async () => {
    const rows = await db.select({ userId: t.mailOutbox.userId }).from(t.mailOutbox);
    const reached = new Set(rows.map((r) => r.userId));
    for (const name of ["off", "disabled", "outsider", "nobody"])
      expect(reached.has(users[name]!.id), name).toBe(false);
  });

  it("queues each reminder exactly once with two schedulers running at the same time", async () => {
    const now = new Date("2035-08-01T00:00:00Z");
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(
        await makeActivity(db, {
          startsAt: new Date(now.getTime() + (2 + i) * day),
          endsAt: new Date(now.getTime() + (2 + i) * day + hour),
          organizerIds: [ids.kemenpanrb!],
          participantIds: [ids["ulvi-mehdiyev"]!],
        }),
      );
    }
    const [a, b] = await Promise.all([pass(now, db), pass(now, other)]);
    expect(a.queued + b.queued).toBe(8);
    // And again and again, on both, as the loop does every few minutes.
    for (let i = 1; i <= 3; i++) {
      const again = await Promise.all([pass(new Date(now.getTime() + i * 60_000), db), pass(now, other)]);
      expect(again.map((r) => r.queued)).toEqual([0, 0]);
    }
    for (const activity of made) {
      const rows = await outbox(`activity-reminder:7d:${activity.id}:`);
      expect(rows.map((r) => r.userId).sort()).toEqual([users.organizer!.id, users.participant!.id].sort());
    }
  });

  it("stops a notice once its unsubscribe link is posted; a wrong token turns nothing off", async () => {
    const participant = users.participant!.id;
    const token = unsubscribeToken(secret, participant, "activities");
    expect(readUnsubscribeToken("another secret of at least thirty-two chars", token)).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace(".activities.", ".digest."))).toBeNull();
    expect(readUnsubscribeToken(secret, `${users.organizer!.id}${token.slice(String(participant).length)}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();

    const read = readUnsubscribeToken(secret, token)!;
    expect(await disableNotice(db, { userId: read.userId }, read.userId, read.kind)).toEqual({ changed: true });
    const [row] = await db.select().from(t.users).where(eq(t.users.id, participant));
    expect(row).toMatchObject({ remindActivities: false, remindCommitments: true, weeklyDigest: true });
    const [audit] = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, "unsubscribe"), eq(t.auditLog.entityId, String(participant))));
    expect(audit).toMatchObject({ actorId: participant, entityType: "user", after: { remindActivities: false } });
    // Posted twice (a mail client retrying): nothing more happens.
    expect(await disableNotice(db, { userId: participant }, participant, "activities")).toEqual({ changed: false });

    const now = new Date("2035-09-01T00:00:00Z");
    const activity = await makeActivity(db, {
      startsAt: new Date(now.getTime() + 3 * day),
      endsAt: new Date(now.getTime() + 3 * day + hour),
      participantIds: [ids["inam-karimov"]!],
    });
    await pass(now);
    expect(await outbox(`activity-reminder:7d:${activity.id}:`)).toEqual([]);
  });

  it("runs in a loop that outlives the database going away, and stops when asked", async () => {
    const soon = new Date(Date.now() + 3 * day);
    const activity = await makeActivity(db, {
      startsAt: soon,
      endsAt: new Date(soon.getTime() + hour),
      organizerIds: [ids.kemenpanrb!],
    });
    // The server's database while it is away: every query fails as a lost connection does.
    let away = true;
    const failures: unknown[] = [];
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (away) {
          const error = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
          failures.push(error);
          throw error;
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    startNoticeScheduler({ db: flaky, databaseUp: () => true, intervalMs: 20 });
    try {
      await expect.poll(() => failures.length).toBeGreaterThan(2);
      away = false;
      await expect
        .poll(async () => (await outbox(`activity-reminder:7d:${activity.id}:`)).length, { timeout: 20_000 })
        .toBe(1);
    } finally {
      await stopNoticeScheduler();
    }
    // Stopped: nothing runs any more.
    const seen = failures.length;
    away = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures.length).toBe(seen);
  });

  describe("the weekly digest", () => {
    /**
     * The first Monday whose 08:00 is still to come on every reader's clock after the real now, when
     * the test's changes are made, as that 08:00 on `timeZone`'s clock. Jakarta's 08:00 comes first,
     * so it decides: between Sunday 17:00 and Monday 01:00 UTC it is this coming Monday, although
     * Baku's date is Monday already (choosing the Monday after, the week the digest covers would
     * begin after the changes).
     */
    function nextMonday(timeZone: string) {
      const now = Date.now();
      let date = utcToZoned(new Date(now - day), "Asia/Jakarta").date;
      for (;;) {
        date = new Date(new Date(`${date}T00:00:00Z`).getTime() + day).toISOString().slice(0, 10);
        const monday = new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
        if (monday && zonedToUtc(date, "08:00", "Asia/Jakarta").getTime() > now) {
          return zonedToUtc(date, "08:00", timeZone);
        }
      }
    }
    const digests = () => db.select().from(t.mailOutbox).where(eq(t.mailOutbox.kind, "weekly_digest"));

    it("goes on Monday 08:00 in the reader's time zone, lists what changed in what they follow, once", async () => {
      const baku = users.participant!.id;
      const jakarta = users.organizer!.id;
      const agreement = await makeAgreement(db, ids.partnership!, { title: { en: "Digest agreement" } });
      const commitment = await makeCommitment(db, agreement.id, {
        text: { en: "A commitment under a followed agreement" },
      });
      const followed = await makeActivity(db, { title: { en: "A followed workshop" } });
      const ownChange = await makeActivity(db, { title: { en: "Changed by its follower" } }, { userId: baku });
      // The Baku reader turned activity reminders off above: the digest is a preference of its own.
      for (const [userId, subjectType, subjectId] of [
        [baku, "agreement", agreement.id],
        [baku, "activity", followed.id],
        [baku, "activity", ownChange.id],
        [jakarta, "activity", followed.id],
        [users.off!.id, "activity", followed.id],
      ] as const) {
        await addFollow(db, { userId }, { subjectType, subjectId });
      }

      await updateCommitment(
        db,
        { userId: jakarta },
        { ...commitment, area: "digested", id: commitment.id, version: commitment.version },
      );
      const edit = (await getActivityForEdit(db, followed.id))!;
      await updateActivity(db, testActor, { ...edit.input, city: "Bandung", id: followed.id, version: edit.version });
      const own = (await getActivityForEdit(db, ownChange.id))!;
      await updateActivity(
        db,
        { userId: baku },
        { ...own.input, city: "Baku", id: ownChange.id, version: own.version },
      );

      const bakuMonday = nextMonday("Asia/Baku");
      // The same Monday's 08:00 in Jakarta (UTC+7) comes three hours before Baku's (UTC+4).
      const jakartaMonday = zonedToUtc(utcToZoned(bakuMonday, "Asia/Baku").date, "08:00", "Asia/Jakarta");
      const to = (userId: number) => digests().then((rows) => rows.filter((r) => r.userId === userId));

      // Not on Sunday, nor on Monday before 08:00 on the reader's clock.
      await pass(new Date(bakuMonday.getTime() - day));
      await pass(new Date(jakartaMonday.getTime() - 60_000));
      expect(await to(jakarta)).toEqual([]);
      await pass(jakartaMonday);
      expect(await to(jakarta)).toHaveLength(1);
      await pass(new Date(bakuMonday.getTime() - 60_000));
      expect(await to(baku)).toEqual([]);

      await pass(bakuMonday);
      await pass(new Date(bakuMonday.getTime() + hour));
      const [digest, ...more] = await to(baku);
      expect(more).toEqual([]);
      expect(digest!.dedupeKey).toMatch(new RegExp(`^digest:${baku}:\\d{4}-W\\d{2}$`));
      expect(digest!.subject).toBe("What changed this week in what you follow");
      expect(digest!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const token = /unsubscribe\/([^>]+)>/.exec(digest!.headers["List-Unsubscribe"]!)![1]!;
      expect(readUnsubscribeToken(secret, token)).toEqual({ userId: baku, kind: "digest" });
      // Plain text shows headings in capitals.
      expect(digest!.html).toContain("A commitment under a followed agreement");
      expect(digest!.html).toContain("A followed workshop");
      expect(digest!.text).toMatch(/Changed on .* by Test user/);
      expect(digest!.text).toMatch(/Created on .* by the system/);
      expect(digest!.html).toContain(`${origin}/commitments/${commitment.id}`);
      expect(digest!.html).toContain(`${origin}/activities/${followed.id}`);
      expect(digest!.html, "the reader's own changes are not news to them").not.toContain("Changed by its follower");

      // The Jakarta reader changed the commitment themselves and does not follow its agreement:
      // their digest has the workshop alone, in their language.
      const [jakartaDigest] = await to(jakarta);
      expect(jakartaDigest!.locale).toBe("id");
      expect(jakartaDigest!.html).toContain("A followed workshop");
      expect(jakartaDigest!.html).not.toContain("A commitment under a followed agreement");
      expect(jakartaDigest!.text).toMatch(/Diubah pada .* oleh sistem/);
      // The preference off: nothing.
      expect(await to(users.off!.id)).toEqual([]);
      // Tuesday is too late for this week and too early for the next.
      await pass(new Date(bakuMonday.getTime() + day));
      expect(await to(baku)).toHaveLength(1);
      // The Monday after, a quiet week: no digest for anyone.
      const sent = (await digests()).length;
      await pass(new Date(jakartaMonday.getTime() + 7 * day));
      await pass(new Date(bakuMonday.getTime() + 7 * day));
      expect(await digests()).toHaveLength(sent);
    });
  });
});
