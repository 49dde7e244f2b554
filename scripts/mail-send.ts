import { env } from "../app/env.server";
import { createMailClient, sendDueMail } from "../app/mail/sender.server";
import { countQueuedMail } from "../app/models/mail-outbox.server";
import { withDatabase } from "./db";

// npm run mail:send: one pass of the mail sender over the configured database, as the server's
// worker makes every few seconds; for a cron job, or to send now. Safe beside running servers:
// rows are claimed with FOR UPDATE SKIP LOCKED.
await withDatabase(async (handle) => {
  const report = await sendDueMail(handle.db, { client: createMailClient() });
  if (!report.enabled) {
    const queued = await countQueuedMail(handle.db);
    console.log(
      `RESEND_API_KEY is not set: nothing was sent. ${queued} message(s) wait in the development mailbox (/admin/mail).`,
    );
    return;
  }
  console.log(
    `Claimed ${report.claimed}: ${report.sent} sent, ${report.retried} to be tried again, ${report.failed} failed` +
      ` (through ${env.RESEND_BASE_URL ?? "Resend"}).`,
  );
});
