import { openDatabase } from "../db/client";
import { env } from "../app/env.server";

/** Opens the configured database for a command-line script, and closes it when `work` is done. */
export async function withDatabase<T>(work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, maxConnections: 2 });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
