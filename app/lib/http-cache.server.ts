import { createContext, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { dataVersion, type DataVersion } from "../models/data-version.server";
import { optionalUser, sessionDataVersion } from "./auth.server";
import { hasNotice } from "./flash.server";
import { namesTag, pageTag } from "./page-tag.server";
import { requestInfoContext } from "./request-context";
import { viewerTimeZone } from "./time-zone.server";

/**
 * The browser keeps the page and asks again each time (no-cache), sending the ETag; nothing
 * shared (a proxy) keeps it.
 */
const revalidate = "private, no-cache";

// Null, not undefined, by default: React Router throws on reading a context never set whose
// default is undefined, and a request the middleware lets through (one carrying a notice) sets none.
const versionContext = createContext<DataVersion | null>(null);

/** The data version the request's ETag was computed from, for a loader whose own cache needs it. */
export function requestDataVersion(context: Readonly<RouterContextProvider>): DataVersion | undefined {
  return context.get(versionContext) ?? undefined;
}

/**
 * Route middleware for the staff pages read far more often than anything changes: answers a
 * repeat view of an unchanged page with 304 Not Modified before any loader runs or anything is
 * rendered (lib/page-tag.server.ts says what the tag covers). The user's own name and role, shown
 * on every page, are data like any other: changing them moves the data version.
 *
 * Not for a request carrying a flash notice: that page shows the notice once, so a 304 must not
 * hide it, and the page with it must not be kept under a tag that a later request would match.
 *
 * `visitors: true` is for the public pages (a library case): a visitor's page is the same for every
 * visitor in a language, so any cache may keep it (`public`), revalidating every time; it varies
 * by the language cookie and Accept-Language. Its tag has no user and no time zone (a visitor's
 * page shows no instant), and a response that sets a cookie is kept by the browser alone.
 * Signed-in people still get their own, private tag (docs/decisions/0015-public-case-pages.md).
 */
export function httpCache({
  periodMs,
  visitors = false,
}: { periodMs?: number; visitors?: boolean } = {}): MiddlewareFunction<Response> {
  return async ({ request, context }, next) => {
    const user = optionalUser(context);
    const method = request.method.toUpperCase();
    if ((method !== "GET" && method !== "HEAD") || (!user && !visitors) || hasNotice(request)) return next();

    // A signed-in person's session look-up read it already (one round trip fewer per page).
    const version = sessionDataVersion(context) ?? (await dataVersion(db));
    context.set(versionContext, version);
    const etag = pageTag({
      buildVersion: context.get(requestInfoContext).buildVersion,
      url: request.url,
      // No account has id 0: a visitor's tag never matches a signed-in person's page.
      userId: user?.id ?? 0,
      language: getLanguage(context),
      timeZone: user ? viewerTimeZone(request, user) : "UTC",
      now: new Date(),
      periodMs,
      version,
    });
    const headers: Record<string, string> = user
      ? { ETag: etag, "Cache-Control": revalidate }
      : { ETag: etag, "Cache-Control": revalidatePublic, Vary: "Cookie, Accept-Language" };
    if (namesTag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });

    const response = await next();
    if (response.status !== 200) return response;
    for (const [name, value] of Object.entries(headers)) {
      if (name === "Vary") appendVary(response.headers, value);
      else response.headers.set(name, value);
    }
    if (!user && response.headers.has("Set-Cookie")) response.headers.set("Cache-Control", revalidate);
    return response;
  };
}

/** A visitor's page: anyone may keep it, and asks again before each use. */
const revalidatePublic = "public, max-age=0, must-revalidate";

function appendVary(headers: Headers, value: string) {
  const current = headers.get("Vary");
  headers.set("Vary", current ? `${current}, ${value}` : value);
}
