// The notices due now, each with its dedupe key and how to make it: activity reminders, commitment
// notices and weekly digests, for every recipient at once.
import { inArray } from "drizzle-orm";
import type { ReactElement } from "react";
import { mailOutbox } from "../../db/schema";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import type { TFunction } from "../i18n/translator";
import type { MailKey } from "./translator.server";
import type { MailKind } from "../lib/enums";
import { localized, placeName } from "../lib/localized";
import type { NoticeKind } from "../models/notice-preferences.server";
import { dueDigests } from "./digest-due.server";
import { followUpCandidates } from "./follow-up-reminders.server";
import { digestChanges, recordTitles } from "./digest.server";
import { dueActivityReminders, dueCommitmentNotices } from "./notice-targets.server";
import { activityReminderMail } from "./templates/activity-reminder";
import { commitmentNoticeMail } from "./templates/commitment-notice";
import { weeklyDigestMail } from "./templates/weekly-digest";

export interface Recipient {
  userId: number;
  email: string;
  name: string;
  locale: string | null;
  timeZone: string;
}

/** What a template needs of its recipient and of the app. */
export interface NoticeFrame {
  lang: Language;
  t: TFunction<MailKey>;
  origin: string;
  appName: string;
  timeZone: string;
  unsubscribeUrl: string;
}

/** A notice that may be due: its key, and how to make it if nobody has queued it yet. */
export interface Candidate {
  dedupeKey: string;
  kind: MailKind;
  notice: NoticeKind;
  to: Recipient;
  make: (frame: NoticeFrame) => Promise<{ subject: string; element: ReactElement }>;
}

/** The keys already in the outbox, so a pass renders only what nobody has queued. */
export async function queuedKeys(db: Database, keys: string[]) {
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

export async function dueCandidates(db: Database, now: Date): Promise<Candidate[]> {
  const [reminders, commitmentNotices, digests, followUpNotices] = await Promise.all([
    dueActivityReminders(db, now),
    dueCommitmentNotices(db, now),
    dueDigests(db, now),
    followUpCandidates(db, now),
  ]);
  const candidates: Candidate[] = [...followUpNotices];
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
        return commitmentNoticeMail(f, notice, c.kind);
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
              title: localized(title ?? r.auditTitle, f.lang) || `${f.t(`email.notices.digest.${r.type}`)} ${r.id}`,
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
