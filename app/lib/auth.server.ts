import {
  createContext,
  createCookie,
  redirect,
  type Cookie,
  type CookieSerializeOptions,
  type MiddlewareFunction,
  type RouterContextProvider,
} from "react-router";
import { type Role } from "./enums";
import { forbidden } from "./http";
import { db } from "../db.server";
import { storedSecret } from "../models/app-secret.server";
import { env } from "../env.server";
import {
  createSession,
  deleteSession,
  findSessionUser,
  sessionLifetimeMs,
  type SessionUser,
} from "../models/session.server";
import type { DataVersion } from "../models/data-version.server";

// Secure everywhere but plain-HTTP set-ups: an http APP_URL, or the embedded demo database. Every
// cookie the app sets follows it (the flash notice's too).
export const secureCookies = env.APP_URL
  ? env.APP_URL.startsWith("https:")
  : env.NODE_ENV === "production" && !env.embedded;

let secret: Promise<string> | undefined;

/**
 * Signs session cookies and derives calendar-feed tokens. Read on first use, not at import: the
 * server starts (and answers 503) while the database is still away. A failed read is tried again.
 */
export function appSecret(): Promise<string> {
  return (secret ??= storedSecret(db).catch((error: unknown) => {
    secret = undefined;
    throw error;
  }));
}

let cookie: Promise<Cookie> | undefined;

function signedCookie(): Promise<Cookie> {
  return (cookie ??= appSecret().then(
    (value) =>
      createCookie("jembatan_session", {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
        maxAge: sessionLifetimeMs / 1000,
        secrets: [value],
      }),
    (error: unknown) => {
      cookie = undefined;
      throw error;
    },
  ));
}

/** The session cookie, signed with the app's secret once it is known. */
export const sessionCookie = {
  parse: async (header: string | null) => (await signedCookie()).parse(header),
  serialize: async (value: string, options?: CookieSerializeOptions) =>
    (await signedCookie()).serialize(value, options),
};

const userContext = createContext<SessionUser | null>(null);
const sessionVersionContext = createContext<DataVersion | null>(null);

export async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

/** Root middleware: looks the session up once per request and puts the user in the context. */
export const authMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const token = await readToken(request);
  const found = token ? await findSessionUser(db, token) : null;
  if (!token || !found) {
    context.set(userContext, null);
    return;
  }
  const { dataVersion, ...user } = found;
  context.set(userContext, user);
  context.set(sessionVersionContext, dataVersion);
  const response = await next();
  // Pages made for one user must not be kept by shared caches or shown from history by others.
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "private, no-store");
  // The database extended the session; extend the cookie alike, unless the route set its own
  // (signing out clears it).
  if (found.renewed && !response.headers.getSetCookie().some((c) => c.startsWith("jembatan_session="))) {
    response.headers.append("Set-Cookie", await sessionCookie.serialize(token));
  }
  return response;
};

const rank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return !!user && rank[user.role] >= rank[role];
}

export function optionalUser(context: Readonly<RouterContextProvider>) {
  return context.get(userContext);
}

/** Where the data stood when the session was looked up (null without one): read in the same statement. */
export function sessionDataVersion(context: Readonly<RouterContextProvider>) {
  return context.get(sessionVersionContext);
}

/**
 * Every protected loader and action starts here: no session sends the visitor to sign in
 * (and back afterwards); a session without the role gets 403.
 */
export function requireUser(
  context: Readonly<RouterContextProvider>,
  request: Request,
  role: Role = "viewer",
): SessionUser {
  const user = context.get(userContext);
  if (!user) {
    const back = pageAddress(new URL(request.url));
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  if (!hasRole(user, role)) forbidden();
  return user;
}

export async function startSession(userId: number, meta: { ipAddress?: string; userAgent?: string }): Promise<string> {
  const { token } = await createSession(db, userId, meta);
  return sessionCookie.serialize(token);
}

export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await deleteSession(db, token);
  return sessionCookie.serialize("", { maxAge: 0 });
}

/**
 * The page a request belongs to. A client-side navigation asks for `/x.data` (or `/_.data` for
 * `/`) with a `_routes` parameter; signing in should lead back to the page, not to its data.
 */
function pageAddress(url: URL): string {
  let path = url.pathname;
  if (path.endsWith(".data")) path = path.replace(/\/?_?\.data$/, "") || "/";
  const params = new URLSearchParams(url.search);
  params.delete("_routes");
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Only paths on this site: never `//evil.example`, an absolute URL, or a path with control
 * characters or backslashes, which browsers strip or turn into slashes (`/\t/evil.example`).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || /[\p{Cc}\\]/u.test(to)) {
    return fallback;
  }
  // A Location header holds bytes, not text: `/ş` goes out percent-encoded, as browsers send it.
  const url = new URL(to, "http://localhost");
  const encoded = url.pathname + url.search + url.hash;
  // Resolving dot segments can make one: `/..//evil.example` is `//evil.example`.
  return encoded.startsWith("//") ? fallback : encoded;
}
