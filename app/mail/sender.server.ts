import { Resend } from "resend";
import type { Database } from "../../db/client";
import { env } from "../env.server";
import { errorSummary, logger } from "../server/logger.server";
import { claimDueMail, markFailed, markRetry, markSent, releaseClaims, type ClaimedMail } from "./outbox-claims.server";
import { backoffMs, maxAttempts, sendOutcome, type SendOutcome } from "./send-outcome.server";

/** The part of the resend client the sender uses: tests hand it a client pointed at a stand-in. */
export type MailClient = Pick<Resend, "emails">;

/** The configured Resend client, or null without RESEND_API_KEY: then no mail leaves the machine. */
export function createMailClient(): MailClient | null {
  if (!env.RESEND_API_KEY) return null;
  return new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
}

export interface SendOptions {
  client: MailClient | null;
  now?: () => Date;
  /** Rows claimed per pass; they are sent one after another (Resend allows a few requests a second). */
  batch?: number;
  /** How long a claim holds a row before another sender may take it over. */
  leaseMs?: number;
  /** How long one request to the provider may take before it counts as a transient failure. */
  timeoutMs?: number;
  from?: string;
  /** Aborted when the process stops: the send under way finishes, the rest are handed back. */
  signal?: AbortSignal;
}

export interface PassReport {
  /** False without a client (no RESEND_API_KEY): nothing was claimed. */
  enabled: boolean;
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Claimed and handed back unsent because the pass was stopped. */
  released: number;
}

const defaults = { batch: 10, leaseMs: 5 * 60_000, timeoutMs: 15_000 };

let saidDisabled = false;

/**
 * One pass of the sender: claims due rows, sends each through Resend with the idempotency key
 * `outbox/<id>` (so a row sent again after its sender died is dropped by Resend if the first send
 * arrived), and records what became of it. A claim whose lease a slow send outlived is not
 * overwritten (see outbox-claims.server.ts). Database errors reach the caller.
 */
export async function sendDueMail(db: Database, options: SendOptions): Promise<PassReport> {
  const report: PassReport = { enabled: !!options.client, claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 };
  const client = options.client;
  if (!client) {
    if (!saidDisabled) logger.info("RESEND_API_KEY is not set: mail is kept, unsent, in the mailbox at /admin/mail");
    saidDisabled = true;
    return report;
  }
  const now = options.now ?? (() => new Date());
  const { batch = defaults.batch, leaseMs = defaults.leaseMs, timeoutMs = defaults.timeoutMs } = options;
  if (options.signal?.aborted) return report;
  const claimed = await claimDueMail(db, { now: now(), batch, leaseMs });
  report.claimed = claimed.length;
  for (const [index, mail] of claimed.entries()) {
    if (options.signal?.aborted) {
      const rest = claimed.slice(index);
      await releaseClaims(db, rest);
      report.released = rest.length;
      break;
    }
    const outcome = await send(client, mail, options.from ?? env.MAIL_FROM, timeoutMs);
    await record(db, mail, outcome, now(), report);
  }
  return report;
}

function send(client: MailClient, mail: ClaimedMail, from: string, timeoutMs: number): Promise<SendOutcome> {
  return client.emails
    .send(
      {
        from,
        to: recipient(mail),
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: Object.keys(mail.headers).length ? mail.headers : undefined,
      },
      { idempotencyKey: `outbox/${mail.id}`, signal: AbortSignal.timeout(timeoutMs) },
    )
    .then(sendOutcome, (error: unknown) => {
      // The client answers failures as values; an exception is a bug in it or in the payload.
      const { type, message } = errorSummary(error);
      return { kind: "retry", code: String(type), reason: `${String(type)}: ${String(message)}` };
    });
}

/** `"Name" <address>`, the name quoted so a comma or angle bracket in it cannot add a recipient. */
function recipient(mail: ClaimedMail): string {
  if (!mail.toName) return mail.toAddress;
  return `"${mail.toName.replace(/[\\"]/g, (c) => `\\${c}`)}" <${mail.toAddress}>`;
}

async function record(db: Database, mail: ClaimedMail, outcome: SendOutcome, now: Date, report: PassReport) {
  const log = { mailId: mail.id, kind: mail.kind, attempt: mail.attempts };
  let held: boolean;
  if (outcome.kind === "sent") {
    held = await markSent(db, mail, outcome.providerMessageId, now);
    report.sent++;
    logger.info(log, "mail sent");
  } else if (outcome.kind === "failed" || mail.attempts >= maxAttempts) {
    const reason =
      outcome.kind === "failed" ? outcome.reason : `gave up after ${mail.attempts} tries: ${outcome.reason}`;
    held = await markFailed(db, mail, reason);
    report.failed++;
    logger.warn({ ...log, code: outcome.code }, "mail failed");
  } else {
    const waitMs = Math.max(backoffMs(mail.attempts), outcome.retryAfterMs ?? 0);
    held = await markRetry(db, mail, outcome.reason, new Date(now.getTime() + waitMs));
    report.retried++;
    logger.warn({ ...log, code: outcome.code, retryInMs: waitMs }, "mail not sent; trying again later");
  }
  if (!held) logger.warn(log, "another sender took this mail over meanwhile; its outcome is left to that one");
}
