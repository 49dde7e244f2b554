import { sql } from "drizzle-orm";
import { mailOutbox, mailSuppressions } from "../../db/schema";
import type { Database } from "../../db/client";
import type { Language } from "../i18n/config";
import type { MailKind } from "../lib/enums";
import type { RenderedMail } from "./render.server";

export interface Recipient {
  address: string;
  name?: string | null;
  /** The recipient's account, when they have one. */
  userId?: number | null;
}

export interface QueuedMail {
  kind: MailKind;
  to: Recipient;
  locale: Language;
  /** Set for mail that must be queued once however often it is asked for (reminders, digests). */
  dedupeKey?: string;
  headers?: Record<string, string>;
}

/** Mail people asked for, or need to get in: never held back, even to an address that bounced. */
export const transactional: ReadonlySet<MailKind> = new Set(["invitation", "password_reset", "password_changed"]);

/**
 * Queues one email in the caller's transaction, so it is sent if and only if the change that
 * caused it commits. Returns the row's id, or null when `dedupeKey` was queued before. A notice
 * to an address that bounced or complained is kept with status `suppressed`, never sent.
 */
export async function queueMail(tx: Database, mail: QueuedMail, message: RenderedMail): Promise<number | null> {
  const headers = mail.headers ?? {};
  // Forms refuse line breaks first; this is the last line of defence against header injection.
  for (const value of [message.subject, mail.to.address, mail.to.name ?? "", ...Object.entries(headers).flat()]) {
    if (/[\r\n]/.test(value)) throw new Error("A mail header may not contain a line break");
  }
  const suppressed = transactional.has(mail.kind)
    ? null
    : sql`(select reason from ${mailSuppressions} where ${mailSuppressions.address} = lower(${mail.to.address}))`;
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      kind: mail.kind,
      userId: mail.to.userId ?? null,
      toAddress: mail.to.address,
      toName: mail.to.name ?? null,
      locale: mail.locale,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers,
      dedupeKey: mail.dedupeKey ?? null,
      ...(suppressed
        ? {
            status: sql`case when ${suppressed} is null then 'queued' else 'suppressed' end::mail_status`,
            lastError: suppressed,
          }
        : {}),
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return row?.id ?? null;
}
