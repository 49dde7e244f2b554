import { createHash } from "node:crypto";
import type { MiddlewareFunction } from "react-router";
import { db } from "../db.server";
import { env } from "../env.server";
import { getLanguage } from "../i18n/i18n.server";
import { findCachedPage, storeCachedPage } from "../models/page-cache.server";
import { optionalUser } from "./auth.server";
import { readUpTo } from "./read-up-to";
import { errorSummary, logger } from "../server/logger.server";
import { requestInfoContext } from "./request-context";
import { viewerTimeZone } from "./time-zone.server";
import { calendarToday } from "./zoned-time";

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

// Set-Cookie belongs to the response that set it; the length is the new body's.
const unstoredHeaders = new Set(["set-cookie", "content-length"]);

/**
 * Route middleware for read-heavy staff pages: a signed-in user who asks again for a page whose
 * data has not changed gets the page rendered last time, without its loaders running. Any change
 * to data writes an audit row and so retires every stored page at once; pages also expire after
 * `maxAgeMs`, since "today" moves on without a change. Pages are stored per user, language, time
 * zone, calendar day, address and build, so the page is exactly what rendering would give.
 * Bodies over `maxBytes` (a whole-table export) are streamed on, not kept. Should the cache's
 * database fail, pages are rendered as if it were off.
 */
export function pageCache({ maxAgeMs = 5 * 60_000, maxBytes = 512 * 1024 } = {}): MiddlewareFunction<Response> {
  return async ({ request, context }, next) => {
    const user = optionalUser(context);
    if (request.method !== "GET" || !user || !env.pageCache) return next();

    const { nonce, buildVersion } = context.get(requestInfoContext);
    const timeZone = viewerTimeZone(request, user);
    // The whole address: origin (links in exports), path (a client navigation asks for
    // `/activities.data`, a separate answer from the page) and query.
    const key = createHash("sha256")
      .update(
        JSON.stringify([buildVersion, request.url, user.id, getLanguage(context), timeZone, calendarToday(timeZone)]),
      )
      .digest("base64url");

    const found = await findCachedPage(db, key).catch((error: unknown) => {
      logger.warn(
        { path: new URL(request.url).pathname, err: errorSummary(error).message },
        "page cache: could not look up",
      );
      return null;
    });
    // Without the cache the page can still be rendered.
    if (!found) return next();
    const { page, position } = found;
    if (page) {
      const body = encoder.encode(page.nonce && nonce ? page.body.replaceAll(page.nonce, nonce) : page.body);
      const headers = new Headers(page.headers);
      headers.set("Content-Length", String(body.byteLength));
      return new Response(body, { status: page.status, headers });
    }

    const response = await next();
    if (response.status !== 200 || response.headers.has("Set-Cookie") || !response.body) return response;
    const read = await readUpTo(response.body, maxBytes);
    if (!read.complete) return new Response(read.rest, { status: response.status, headers: response.headers });
    // Decoded by hand: Response.text() drops a leading byte-order mark, which the CSV needs.
    const body = utf8.decode(read.bytes);
    const headers = [...response.headers].filter(([name]) => !unstoredHeaders.has(name.toLowerCase()));
    try {
      await storeCachedPage(db, {
        key,
        userId: user.id,
        position,
        maxAgeMs,
        status: response.status,
        headers,
        nonce: nonce || null,
        body,
      });
    } catch (error) {
      // A page that could not be stored is still the right answer to this request. The error's
      // message only: drizzle's would carry the whole page it tried to store.
      logger.warn(
        { path: new URL(request.url).pathname, err: errorSummary(error).message },
        "page cache: could not store",
      );
    }
    return new Response(read.bytes, { status: response.status, headers: response.headers });
  };
}
