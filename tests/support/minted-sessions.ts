import { inArray } from "drizzle-orm";
import { createCookie } from "react-router";
import { users } from "../../db/schema";
import type { Database } from "../../db/client";
import { createSession } from "../../app/models/session.server";
import { sessionCookieName, type MintedSessions } from "./session-pool";

/** The value of the session cookie for `token`, signed as the app signs it with `secret`. */
export async function signedSessionCookie(secret: string, token: string): Promise<string> {
  const cookie = createCookie(sessionCookieName, { path: "/", secrets: [secret] });
  const header = await cookie.serialize(token);
  return header.slice(sessionCookieName.length + 1, header.indexOf(";"));
}

/** A `Cookie` header that carries the session `token`, signed with `secret`. */
export async function sessionCookieHeader(secret: string, token: string): Promise<string> {
  return `${sessionCookieName}=${await signedSessionCookie(secret, token)}`;
}

/** Opens `count` sessions for each of `emails` and signs their cookies with `secret`. */
export async function mintSessions(
  db: Database,
  secret: string,
  emails: string[],
  count: number,
): Promise<MintedSessions> {
  const found = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const cookies: Record<string, string[]> = {};
  for (const email of emails) {
    const user = found.find((u) => u.email === email);
    if (!user) throw new Error(`no user ${email} to mint sessions for`);
    const values: string[] = [];
    for (let i = 0; i < count; i++) {
      const { token } = await createSession(db, user.id, { userAgent: "minted for the browser tests" });
      values.push(await signedSessionCookie(secret, token));
    }
    cookies[email] = values;
  }
  return { cookies };
}
