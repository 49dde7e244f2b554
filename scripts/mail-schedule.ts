import { runSchedulerPass } from "../app/mail/scheduler.server";
import { withDatabase } from "./db";

// npm run mail:schedule: one pass of the notice scheduler (reminders, due dates, digests), as the
// server runs every few minutes. Safe beside running servers: each mail is queued once.
await withDatabase(async (handle) => {
  const report = await runSchedulerPass(handle.db, new Date());
  console.log(`${report.queued} notices queued (${report.candidates} due, the rest queued before).`);
});
