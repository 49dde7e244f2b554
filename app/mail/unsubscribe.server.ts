// The one-click unsubscribe link of notices and digests (RFC 8058): its token and its headers.
import { createHmac, timingSafeEqual } from "node:crypto";
import { noticeKinds, type NoticeKind } from "../models/notice-preferences.server";

/**
 * A mail client posts the link without a session, so the token itself says whose preference and
 * which: the user's id, the kind, and an HMAC of both under the app's secret. It never expires
 * (an old email's link must still work) and turns one preference off, nothing else.
 */
export function unsubscribeToken(secret: string, userId: number, kind: NoticeKind): string {
  const mac = createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
  return `${userId}.${kind}.${mac}`;
}

/** Whose preference a token turns off, or null for a token this app did not make. */
export function readUnsubscribeToken(secret: string, token: string): { userId: number; kind: NoticeKind } | null {
  const match = /^(\d{1,10})\.([a-z]{1,20})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || !noticeKinds.includes(match[2] as NoticeKind)) return null;
  const userId = Number(match[1]);
  const kind = match[2] as NoticeKind;
  const expected = Buffer.from(unsubscribeToken(secret, userId, kind));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind } : null;
}

export const unsubscribePath = (token: string) => `/unsubscribe/${token}`;

/** The headers that let a mail client offer "unsubscribe" and do it with one POST. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
