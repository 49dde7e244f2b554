import {
  createContext,
  createCookie,
  redirect,
  type MiddlewareFunction,
  type RouterContextProvider,
} from "react-router";
import type { TranslationKey } from "../i18n/keys";
import { secureCookies } from "./auth.server";

/*
 * A notice after a save ("The activity was saved.") travels to the next page in a short-lived
 * cookie, not in the URL: a bookmark, a shared link or a reload must not show it again. The cookie
 * holds only the name of a notice from the list below, so nobody can make the page say anything
 * else by setting it.
 */

/** The notices a save may leave for the next page: translation keys. */
export const notices = [
  "activities.created",
  "activities.saved",
  "activities.deleted",
  "enquiries.saved",
  "enquiries.planned",
  "agreements.created",
  "agreements.updated",
  "caseEditor.created",
  "caseEditor.saved",
  "caseEditor.submitted",
  "caseEditor.published",
  "caseEditor.archived",
  "caseEditor.restored",
  "commitments.saved.created",
  "commitments.saved.updated",
  "commitments.saved.assess",
  "commitments.saved.evidence",
  "commitments.saved.milestone",
  "commitments.saved.milestoneDone",
  "commitments.saved.focalPoint",
  "commitments.saved.confirm",
  "commitments.saved.withdrawConfirmation",
  "users.created",
  "users.updated",
  "users.passwordSet",
  "access.invited",
  "access.resent",
  "access.revoked",
  "access.welcome",
  "access.passwordWasReset",
  "delivery.lifted",
  "mail.retried",
  "replication.saved.added",
  "replication.saved.updated",
  "replication.saved.deleted",
  "account.saved",
  "account.calendarWasReset",
  "account.passwordChanged",
  "login.signedOut",
  "documents.uploaded",
  "documents.detached",
  "documents.alreadyAttached",
  "sources.created",
  "sources.cited",
  "sources.removed",
  "people.created",
  "people.saved",
  "people.merged",
  "organizations.merged",
  "organizations.created",
  "organizations.saved",
  "followUps.saved.created",
  "followUps.saved.updated",
  "delegation.saved",
  "itinerary.saved",
  "briefing.issued",
  "visitLinks.stopped",
  "visits.created",
  "visits.saved",
  "visits.reportSaved",
  "visits.reportMarked",
] as const satisfies readonly TranslationKey[];

export type Notice = (typeof notices)[number];

export function isNotice(value: unknown): value is Notice {
  return notices.includes(value as Notice);
}

/**
 * The cookie's name. A request carrying it must be answered with the whole page, never a 304 from
 * an HTTP cache: the page it gets shows the notice, once.
 */
export const flashCookieName = "__flash_notice";

const flashCookie = createCookie(flashCookieName, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies,
  // Long enough for the redirect to be followed, short enough that an abandoned notice does not
  // turn up on a page opened much later.
  maxAge: 60,
});

/** Whether the request carries a notice to show (the page must then be rendered afresh). */
export function hasNotice(request: Request): boolean {
  return (request.headers.get("Cookie") ?? "").split(/;\s*/).some((pair) => pair.startsWith(`${flashCookieName}=`));
}

/** Redirects to `to`, where the page shows `notice` once. `init` adds headers (other cookies). */
export async function redirectWithNotice(
  to: string,
  notice: Notice,
  init?: { headers?: HeadersInit },
): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await flashCookie.serialize(notice));
  return redirect(to, { headers });
}

interface Pending {
  notice: Notice | null;
  taken: boolean;
}

const pendingContext = createContext<Pending | null>(null);

/**
 * Root middleware: finds the notice a save left, and once a page has taken it (the root loader,
 * through takeNotice) clears the cookie with the same response, so the next page, or a reload,
 * does not show it again.
 */
export const flashMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  if (!hasNotice(request)) return next();
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  const pending: Pending = { notice: isNotice(value) ? value : null, taken: false };
  context.set(pendingContext, pending);
  const response = await next();
  // A redirect passes the notice on to the page it leads to; a response that sets a new notice
  // (a save right after) keeps that one.
  const redirecting = response.status >= 300 && response.status < 400;
  const replaced = response.headers.getSetCookie().some((c) => c.startsWith(`${flashCookieName}=`));
  if ((pending.taken || pending.notice === null) && !redirecting && !replaced) {
    response.headers.append("Set-Cookie", await flashCookie.serialize("", { maxAge: 0 }));
  }
  if (pending.taken && pending.notice && !redirecting) {
    // A page showing a notice is never revalidated into a 304 or shown from history: a reload
    // must fetch the page without it.
    response.headers.delete("ETag");
    response.headers.set("Cache-Control", "private, no-store");
  }
  return response;
};

/** The notice to show on this page, if a save left one. Clears it: the root loader calls this. */
export function takeNotice(context: Readonly<RouterContextProvider>): Notice | null {
  const pending = context.get(pendingContext);
  if (!pending) return null;
  pending.taken = true;
  return pending.notice;
}
