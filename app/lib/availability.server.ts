import { data, type MiddlewareFunction } from "react-router";
import { databaseStatus, healthReport } from "../db.server";
import { requestState } from "../server/logger.server";

/** Seconds a client is asked to wait before trying again while the database is away. */
export const retryAfterSeconds = 5;
export const unavailableHeaders = { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" };

/**
 * While the database is starting or away, every page answers 503 at once instead of waiting on it:
 * refused before the session is looked up, the error page renders inside the site's layout (signed
 * out, since nobody can be recognised) in the reader's language. /healthz says why.
 */
const refuseWhileAway: MiddlewareFunction<Response> = ({ request }, next) => {
  const status = databaseStatus();
  if (status === "up") return next();
  if (new URL(request.url).pathname === "/healthz") {
    const { httpStatus, body } = healthReport(status);
    return Response.json(body, { status: httpStatus, headers: unavailableHeaders });
  }
  throw data(null, { status: 503 });
};

/**
 * Outside the refusal, because the response to a middleware's own throw does not pass back through
 * it: a 503 says when to try again and is never cached. A request whose database failed while it
 * was answered (a connection lost mid-query, marked by entry.server.tsx's handleError) is a 503 too,
 * not a 500; entry.server.tsx renders its page as "unavailable".
 */
const answerUnavailable: MiddlewareFunction<Response> = async (_args, next) => {
  const response = await next();
  const failed = response.status >= 500 && requestState.getStore()?.databaseFailed;
  if (response.status !== 503 && !failed) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(unavailableHeaders)) headers.set(name, value);
  return new Response(response.body, { status: 503, statusText: "Service Unavailable", headers });
};

export const availabilityMiddleware = [answerUnavailable, refuseWhileAway];
