import { createHash } from "node:crypto";
import type { DataVersion } from "../models/data-version.server";
import { calendarToday } from "./zoned-time";

/** Everything a staff page depends on, as lib/http-cache.server.ts gathers it. */
export interface PageInputs {
  buildVersion: string;
  /** The whole address: origin (links in exports), path (a client navigation's `.data`) and query. */
  url: string;
  userId: number;
  language: string;
  timeZone: string;
  now: Date;
  /** For pages that move within a day: the clock period they stay valid for. */
  periodMs?: number;
  version: DataVersion;
}

/**
 * The page's ETag: weak, since two renderings of the same inputs differ in their CSP nonce. The
 * viewer's calendar day is in it because pages say "overdue", "in force" and "next 30 days" by it.
 */
export function pageTag(page: PageInputs): string {
  const parts = [
    page.buildVersion,
    page.url,
    page.userId,
    page.language,
    page.timeZone,
    calendarToday(page.timeZone, page.now),
    page.periodMs ? Math.floor(page.now.getTime() / page.periodMs) : 0,
    page.version.auditId,
    page.version.auditRecent,
  ];
  return `W/"${createHash("sha256").update(JSON.stringify(parts)).digest("base64url")}"`;
}

/** Whether an If-None-Match header names `etag`, by weak comparison as RFC 9110 asks for it. */
export function namesTag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === opaque;
  });
}
