// Run by tests/integration/faults.test.ts in a process of its own (with DATABASE_URL and ADMIN_URL):
// the deterministic case of postgres.js's uncatchable TypeError (porsager/postgres#1208): a
// transaction's backend is terminated while the transaction waits, and the transaction sends
// another statement. Without app/db.server.ts's guard this process dies; with it, the
// transaction fails, the pool is replaced and the next query is answered.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { databaseStatus, db, startDatabase } from "../../app/db.server";

const admin = postgres(process.env.ADMIN_URL!, { max: 1, onnotice: () => {} });
await startDatabase({ migrate: false });
const outcome = await db
  .transaction(async (tx) => {
    const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
    await admin`select pg_terminate_backend(${row!.pid})`;
    await new Promise((r) => setTimeout(r, 300));
    await tx.execute(sql`select 1`);
    return "committed";
  })
  .catch((error: { code?: string; cause?: { code?: string }; message: string }) => {
    return `failed: ${error.code ?? error.cause?.code ?? error.message}`;
  });
console.log(`probe: transaction ${outcome}`);
await new Promise((r) => setTimeout(r, 500));
const rows = (await db.execute(sql`select 42 as answer`)) as unknown as { answer: number }[];
console.log(`probe: afterwards ${rows[0]?.answer}, database ${databaseStatus()}`);
await admin.end();
process.exit(0);
