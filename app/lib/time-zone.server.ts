import type { SessionUser } from "../models/session.server";
import { canonicalTimeZone } from "./format";

const defaultTimeZone = "Asia/Jakarta";

/** The zone dates are shown in: the user's setting, else the browser's (app/lib/time-zone-cookie.js sets `tz`). */
export function viewerTimeZone(request: Request, user: SessionUser | null): string {
  const own = user && canonicalTimeZone(user.timeZone);
  if (own) return own;
  const match = /(?:^|;\s*)tz=([^;]+)/.exec(request.headers.get("Cookie") ?? "");
  const fromBrowser = match ? decodeURIComponent(match[1]!) : null;
  return canonicalTimeZone(fromBrowser) ?? defaultTimeZone;
}
