import { checkDatabase, healthReport } from "../db.server";

/**
 * For load balancers and supervisors: 200 when the database answers, 503 (saying whether it is
 * starting or down) otherwise; the app process keeps running either way. While the database is
 * known to be away, app/lib/availability.server.ts gives the same answer without coming here.
 */
export async function loader() {
  const { httpStatus, body } = healthReport(await checkDatabase());
  const headers: HeadersInit = { "Cache-Control": "no-store", ...(httpStatus === 503 ? { "Retry-After": "5" } : {}) };
  return Response.json(body, { status: httpStatus, headers });
}
