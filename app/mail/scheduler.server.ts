// One pass of the notice scheduler: queues every activity reminder, commitment notice and weekly
// digest due now, each at most once however many schedulers run (decision 12: dedupe keys).
import type { Database } from "../../db/client";
import { env } from "../env.server";
import { isLanguage, type Language } from "../i18n/config";
import { storedSecret } from "../models/app-secret.server";
import type { NoticeKind } from "../models/notice-preferences.server";
import { dueCandidates, queuedKeys, type NoticeFrame, type Recipient } from "./notice-candidates.server";
import { queueMail } from "./queue.server";
import { renderMail } from "./render.server";
import { mailTranslator } from "./translator.server";
import { unsubscribeHeaders, unsubscribePath, unsubscribeToken } from "./unsubscribe.server";

export interface SchedulerOptions {
  /** The app's secret, which signs unsubscribe links; read from the database when not given. */
  secret?: string;
  /** The public origin links point to; APP_URL when not given. */
  origin?: string;
}

/** Where links in email lead: APP_URL, else this machine (development, the demo). */
export const mailOrigin = () => (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

function frameFor(to: Recipient, notice: NoticeKind, secret: string, origin: string): NoticeFrame {
  const lang: Language = isLanguage(to.locale) ? to.locale : "en";
  const { t } = mailTranslator(lang);
  const unsubscribeUrl = origin + unsubscribePath(unsubscribeToken(secret, to.userId, notice));
  return { lang, t, origin, appName: t("app.name"), timeZone: to.timeZone, unsubscribeUrl };
}

/** Queues what is due at `now`; returns how many mails it queued (others had queued the rest). */
export async function runSchedulerPass(db: Database, now = new Date(), options: SchedulerOptions = {}) {
  const secret = options.secret ?? (await storedSecret(db));
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
