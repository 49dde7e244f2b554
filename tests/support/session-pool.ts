import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * Sessions made for tests without signing in: a sign-in hashes the password with scrypt at N=2^17,
 * some half a second of CPU each, and the browser tests would sign in hundreds of times. The web
 * server of the browser tests (tests/e2e/server.ts) mints a pool of sessions per demo account
 * (./minted-sessions.ts) before the app starts and writes their cookies to a file; each test then
 * claims sessions of its own from the pool, so no test can end another's session (signing out,
 * "sign out everywhere", signing in over an old session).
 */

/** As app/lib/auth.server.ts names it. */
export const sessionCookieName = "jembatan_session";

/** What the web server hands the tests: for each email, the signed cookie values of its sessions. */
export interface MintedSessions {
  cookies: Record<string, string[]>;
}

/** Hands the pool over: the claims of an earlier run that died on the same port go first. */
export function writeMintedSessions(file: string, minted: MintedSessions) {
  rmSync(`${file}.claims`, { recursive: true, force: true });
  mkdirSync(`${file}.claims`, { recursive: true });
  writeFileSync(file, JSON.stringify(minted));
}

let cache: { file: string; minted: MintedSessions } | undefined;
/** Where each process's scan of the pool goes on from, so claiming stays linear. */
const cursor = new Map<string, number>();

/**
 * A session of `email` no one else has taken, as its signed cookie value; undefined when there is
 * no pool (the server did not mint one) or it is used up. Claims are files created exclusively,
 * which holds across Playwright's worker processes.
 */
export function claimSession(file: string, email: string): string | undefined {
  if (!existsSync(file)) return undefined;
  if (cache?.file !== file) cache = { file, minted: JSON.parse(readFileSync(file, "utf8")) as MintedSessions };
  const values = cache.minted.cookies[email] ?? [];
  for (let i = cursor.get(email) ?? 0; i < values.length; i++) {
    try {
      closeSync(openSync(`${file}.claims/${encodeURIComponent(email)}-${i}`, "wx"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    cursor.set(email, i + 1);
    return values[i];
  }
  cursor.set(email, values.length);
  return undefined;
}
