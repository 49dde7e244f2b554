// One pass of the notice scheduler: queues every activity reminder, commitment notice and weekly
// digest due now, each at most once however many schedulers run (decision 12: dedupe keys).
import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { ReactElement } from "react";
import { appSettings, mailOutbox } from "../../db/schema";
import type { Database } from "../../db/client";
import { env } from "../env.server";
import { isLanguage, type Language } from "../i18n/config";
import { translatorFor } from "../i18n/i18n.server";
import type { MailKind } from "../lib/enums";
import { localized, placeName } from "../lib/localized";
import type { NoticeKind } from "../models/notice-preferences.server";
import { digestChanges, dueDigests, recordTitles } from "./digest.server";
import { dueActivityReminders, dueCommitmentNotices } from "./notice-targets.server";
import { queueMail } from "./queue.server";
import { renderMail } from "./render.server";
import { activityReminderMail } from "./templates/activity-reminder";
import { commitmentDueMail } from "./templates/commitment-due";
import { commitmentOverdueMail } from "./templates/commitment-overdue";
import { weeklyDigestMail } from "./templates/weekly-digest";
import { unsubscribeHeaders, unsubscribePath, unsubscribeToken } from "./unsubscribe.server";

export interface SchedulerOptions {
  /** The app's secret, which signs unsubscribe links; read from the database when not given. */
  secret?: string;
  /** The public origin links point to; APP_URL when not given. */
  origin?: string;
}

interface Recipient {
  userId: number;
  email: string;
  name: string;
  locale: string | null;
  timeZone: string;
}

/** A notice that may be due: its key, and how to make it if nobody has queued it yet. */
interface Candidate {
  dedupeKey: string;
  kind: MailKind;
  notice: NoticeKind;
  to: Recipient;
  /** The mail, or null when there is nothing to say after all (a digest of a quiet week). */
  make: (frame: Frame) => Promise<{ subject: string; element: ReactElement } | null>;
}

type Frame = ReturnType<typeof frameFor>;

/**
 * The same secret as lib/auth.server.ts's appSecret (SESSION_SECRET, or the one generated once and
 * kept in app_settings), read through the database given, so the command line and tests need not
 * start the app's.
 */
export async function mailSecret(db: Database): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  await db
    .insert(appSettings)
    .values({ key: "session_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "session_secret"));
  return row!.value;
}

/** Where links in email lead: APP_URL, else this machine (development, the demo). */
export const mailOrigin = () => (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

function frameFor(to: Recipient, notice: NoticeKind, secret: string, origin: string) {
  const lang: Language = isLanguage(to.locale) ? to.locale : "en";
  const { t } = translatorFor(lang);
  const unsubscribeUrl = origin + unsubscribePath(unsubscribeToken(secret, to.userId, notice));
  return { lang, t, origin, appName: t("app.name"), timeZone: to.timeZone, unsubscribeUrl };
}

/** Queues what is due at `now`; returns how many mails it queued (others had queued the rest). */
export async function runSchedulerPass(db: Database, now = new Date(), options: SchedulerOptions = {}) {
  const secret = options.secret ?? (await mailSecret(db));
  const origin = (options.origin ?? mailOrigin()).replace(/\/$/, "");
  const candidates = await dueCandidates(db, now);
  const taken = await queuedKeys(
    db,
    candidates.map((c) => c.dedupeKey),
  );
  let queued = 0;
  for (const candidate of candidates) {
    if (taken.has(candidate.dedupeKey)) continue;
    const frame = frameFor(candidate.to, candidate.notice, secret, origin);
    const made = await candidate.make(frame);
    if (!made) continue;
    const message = await renderMail(made.subject, made.element);
    // Another scheduler may have queued it since we looked: the unique dedupe key lets one win.
    const id = await queueMail(
      db,
      {
        kind: candidate.kind,
        to: { address: candidate.to.email, name: candidate.to.name, userId: candidate.to.userId },
        locale: frame.lang,
        dedupeKey: candidate.dedupeKey,
        headers: unsubscribeHeaders(frame.unsubscribeUrl),
      },
      message,
    );
    if (id !== null) queued++;
  }
  return { candidates: candidates.length, queued };
}

/** The keys already in the outbox, so a pass renders only what nobody has queued. */
async function queuedKeys(db: Database, keys: string[]) {
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db
      .select({ key: mailOutbox.dedupeKey })
      .from(mailOutbox)
      .where(inArray(mailOutbox.dedupeKey, keys.slice(i, i + 5000)));
    for (const row of rows) if (row.key) taken.add(row.key);
  }
  return taken;
}

async function dueCandidates(db: Database, now: Date): Promise<Candidate[]> {
  const [reminders, commitmentNotices, digests] = await Promise.all([
    dueActivityReminders(db, now),
    dueCommitmentNotices(db, now),
    dueDigests(db, now),
  ]);
  const candidates: Candidate[] = [];
  for (const r of reminders) {
    candidates.push({
      dedupeKey: `activity-reminder:${r.lead}:${r.activityId}:${r.userId}`,
      kind: "activity_reminder",
      notice: "activities",
      to: r,
      make: async (f) =>
        activityReminderMail(f, {
          title: localized(r.title, f.lang),
          startsAt: r.startsAt,
          allDay: r.allDay,
          place: placeName(r.city, r.country, f.lang),
          online: r.mode !== "in_person",
          url: `${f.origin}/activities/${r.activityId}`,
          lead: r.lead,
        }),
    });
  }
  for (const c of commitmentNotices) {
    // The due date is part of the key: a commitment given a new date is announced again.
    const key = c.kind === "due" ? `commitment-due:14d:${c.commitmentId}` : `commitment-overdue:${c.commitmentId}`;
    candidates.push({
      dedupeKey: `${key}:${c.userId}:${c.dueOn}`,
      kind: c.kind === "due" ? "commitment_due" : "commitment_overdue",
      notice: "commitments",
      to: c,
      make: async (f) => {
        const notice = {
          text: localized(c.text, f.lang),
          dueOn: c.dueOn,
          status: c.status,
          url: `${f.origin}/commitments/${c.commitmentId}`,
        };
        return c.kind === "due" ? commitmentDueMail(f, notice) : commitmentOverdueMail(f, notice);
      },
    });
  }
  // Only the digests nobody has queued are worth reading the audit log for.
  const open = await queuedKeys(
    db,
    digests.map((d) => digestKey(d.userId, d.week)),
  );
  const waiting = digests.filter((d) => !open.has(digestKey(d.userId, d.week)));
  const changes = await digestChanges(db, waiting);
  const titles = await recordTitles(db, [...changes.values()].flat());
  for (const d of waiting) {
    const records = changes.get(d.userId);
    // No digest for a quiet week.
    if (!records?.length) continue;
    candidates.push({
      dedupeKey: digestKey(d.userId, d.week),
      kind: "weekly_digest",
      notice: "digest",
      to: d,
      make: async (f) =>
        weeklyDigestMail(f, {
          from: d.from,
          to: d.to,
          items: records.map((r) => {
            const title = titles.get(`${r.type}:${r.id}`);
            return {
              type: r.type,
              title: localized(title ?? r.auditTitle, f.lang) || `${f.t(`notices.mail.digest.${r.type}`)} ${r.id}`,
              url: title ? `${f.origin}/${collection[r.type]}/${r.id}` : null,
              changes: r.changes,
            };
          }),
        }),
    });
  }
  return candidates;
}

const collection = { agreement: "agreements", commitment: "commitments", activity: "activities" } as const;

const digestKey = (userId: number, week: string) => `digest:${userId}:${week}`;
