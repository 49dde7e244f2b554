import { createHash } from "node:crypto";
import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { dataVersion, type DataVersion } from "../models/data-version.server";
import { optionalUser } from "./auth.server";
import { requestInfoContext } from "./request-context";
import { viewerTimeZone } from "./time-zone.server";
import { calendarToday } from "./zoned-time";

/**
 * The browser keeps the page and asks again each time (no-cache), sending the ETag; nothing
 * shared (a proxy) keeps it.
 */
const revalidate = "private, no-cache";

const versionContext = createContext<DataVersion | undefined>(undefined);

/** The data version the request's ETag was computed from, for a loader whose own cache needs it. */
export function requestDataVersion(context: Readonly<RouterContextProvider>): DataVersion | undefined {
  return context.get(versionContext);
}

/**
 * Route middleware for the staff pages read far more often than anything changes: answers a
 * repeat view of an unchanged page with 304 Not Modified before any loader runs or anything is
 * rendered. The ETag is computed from everything the page depends on: the build, the address
 * (origin, path, query; a client navigation's `.data` request is an address of its own), the
 * user (whose name and role any change of theirs moves the data version for), language, time
 * zone, the viewer's day (lists say "overdue" and "in force" by it), a clock period for pages
 * that move within a day (`periodMs`), and the data version.
 *
 * Not for a request carrying a flash notice: that page shows the notice once, and neither may a
 * 304 hide it nor may the page with it be kept under a tag that a later request would match.
 */
export function httpCache({ periodMs }: { periodMs?: number } = {}): MiddlewareFunction<Response> {
  return async ({ request, context }, next) => {
    const user = optionalUser(context);
    const method = request.method.toUpperCase();
    if ((method !== "GET" && method !== "HEAD") || !user || carriesFlash(request)) return next();

    const version = await dataVersion(db);
    context.set(versionContext, version);
    const timeZone = viewerTimeZone(request, user);
    const now = new Date();
    const etag = `W/"${createHash("sha256")
      .update(
        JSON.stringify([
          context.get(requestInfoContext).buildVersion,
          request.url,
          user.id,
          getLanguage(context),
          timeZone,
          calendarToday(timeZone, now),
          periodMs ? Math.floor(now.getTime() / periodMs) : 0,
          version.auditId,
          version.auditRecent,
        ]),
      )
      .digest("base64url")}"`;
    const headers = { ETag: etag, "Cache-Control": revalidate };
    if (matches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });

    const response = await next();
    if (response.status === 200) for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };
}

/** Weak comparison, as RFC 9110 asks for If-None-Match: `W/"x"` and `"x"` are the same tag. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}

/** The flash notice's cookie (lib/flash.server.ts), present only on the request that shows it. */
function carriesFlash(request: Request): boolean {
  return /(?:^|;\s*)__flash[^=]*=[^;\s]/.test(request.headers.get("Cookie") ?? "");
}
