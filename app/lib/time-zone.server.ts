import type { SessionUser } from "../models/session.server";
import { canonicalTimeZone } from "./format";

const defaultTimeZone = "Asia/Jakarta";

/** The zone dates are shown in: the user's setting, else the browser's (app/lib/time-zone-cookie.js sets `tz`). */
export function viewerTimeZone(request: Request, user: SessionUser | null): string {
  const own = user && canonicalTimeZone(user.timeZone);
  if (own) return own;
  const match = /(?:^|;\s*)tz=([^;]+)/.exec(request.headers.get("Cookie") ?? "");
  return canonicalTimeZone(match ? decoded(match[1]!) : null) ?? defaultTimeZone;
}

/** A cookie anyone can write: a broken escape (`tz=%`) is no zone, not an error on every page. */
function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
