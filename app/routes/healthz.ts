import { database } from "../db.server";
import { pingDatabase } from "../models/health.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await pingDatabase(database.db);
    return Response.json({ status: "ok", database: database.driver }, { headers });
  } catch {
    return Response.json({ status: "error", database: database.driver }, { status: 503, headers });
  }
}
