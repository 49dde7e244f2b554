import {
  test as base,
  expect,
  type APIRequest,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { demoAccounts, demoPassword, type Role } from "../support/demo-accounts";
import { claimSession, sessionCookieName } from "../support/session-pool";

export { expect, demoAccounts, demoPassword, sessionCookieName, type Role };
export { uniqueSuffix } from "../support/http-factories";

/**
 * Pages are rendered on the server and then hydrated. Clicking before hydration has finished would
 * race React (a form might be submitted natively, or a click lost), so tests wait for it.
 *
 * The signal is deterministic: a minimal React DevTools hook (installed before any page script
 * runs; init scripts are not subject to the page's CSP) counts React's commits, and the first
 * commit of a document is hydration. The test then also waits for React Router's passive effects
 * (`<ScrollRestoration>` sets history.scrollRestoration on mount) and for the router to be idle.
 */
const hydrationProbe = () => {
  const w = window as unknown as Record<string, unknown>;
  if (w.__REACT_DEVTOOLS_GLOBAL_HOOK__) return;
  w.__e2eCommits = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: () => {
      w.__e2eCommits = (w.__e2eCommits as number) + 1;
    },
    onPostCommitFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
  };
};

export async function installHydrationProbe(context: BrowserContext) {
  await context.addInitScript(hydrationProbe);
}

/**
 * Resolves once the current document is interactive: for the app's pages, once React has hydrated
 * it and the router is idle; for visitors' pages, plain HTML without the app's scripts, once loaded.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.scripts === "none") return document.readyState === "complete";
    const w = window as unknown as {
      __e2eCommits?: number;
      __reactRouterDataRouter?: { state: { initialized: boolean; navigation: { state: string } } };
    };
    const router = w.__reactRouterDataRouter;
    return (
      (w.__e2eCommits ?? 0) > 0 &&
      history.scrollRestoration === "manual" &&
      !!router &&
      router.state.initialized &&
      router.state.navigation.state === "idle"
    );
  });
}

/** page.goto, then wait until the page is interactive. */
export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

/** Signs in through the real form on /login; expects to land on `landing` (default /dashboard). */
export async function signIn(page: Page, email: string, password: string, landing: RegExp = /\/dashboard$/) {
  await gotoHydrated(page, "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
  await waitForHydration(page);
}

/**
 * Signs an API request context in with a same-origin form POST to /login. Its cookie jar keeps the
 * session cookie for the requests that follow.
 */
export async function apiSignIn(request: APIRequestContext, baseURL: string, email: string, password = demoPassword) {
  const response = await request.post("/login", {
    form: { email, password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), `sign in as ${email}`).toBe(302);
  expect(response.headers()["location"]).toBe("/dashboard");
  return response;
}

/** Someone to be signed in as: a demo account by role, or a user a test made, by password. */
export type Who = Role | { email: string; password: string };

const passwordFallback = new Set<Role>();

/**
 * A session cookie of a demo account no other test holds, minted by the web server
 * (tests/e2e/server.ts), as a cookie for `baseURL`; undefined when there is none to claim.
 */
function mintedCookie(baseURL: string, who: Who) {
  const file = process.env.E2E_SESSIONS_FILE;
  if (typeof who !== "string" || !file) return undefined;
  const value = claimSession(file, demoAccounts[who].email);
  if (!value) {
    // Still correct (the caller signs in with the password), only slower: say so, once.
    if (!passwordFallback.has(who))
      console.warn(`[fixtures] no minted session of ${who} in ${file}: using the password`);
    passwordFallback.add(who);
    return undefined;
  }
  return {
    name: sessionCookieName,
    value,
    domain: new URL(baseURL).hostname,
    path: "/",
    expires: Math.floor(Date.now() / 1000) + 24 * 60 * 60,
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
  };
}

/**
 * Signs a browser context in, without the sign-in form: with a minted session for a demo account,
 * else (a user the test made, or no sessions left) with a POST to /login through the context's
 * request, which shares its cookies. Tests of signing in use `signIn` instead.
 */
export async function addSession(context: BrowserContext, baseURL: string, who: Who) {
  const cookie = mintedCookie(baseURL, who);
  if (cookie) return context.addCookies([cookie]);
  const { email, password } = typeof who === "string" ? { ...demoAccounts[who], password: demoPassword } : who;
  await apiSignIn(context.request, baseURL, email, password);
}

/** A request context of its own (dispose it when done), signed in as `who` unless "anonymous". */
export async function signedInRequest(
  playwright: { request: APIRequest },
  baseURL: string,
  who: Who | "anonymous",
): Promise<APIRequestContext> {
  const cookie = who === "anonymous" ? undefined : mintedCookie(baseURL, who);
  const api = await playwright.request.newContext({
    baseURL,
    storageState: cookie ? { cookies: [cookie], origins: [] } : undefined,
  });
  if (who !== "anonymous" && !cookie) {
    const { email, password } = typeof who === "string" ? { ...demoAccounts[who], password: demoPassword } : who;
    await apiSignIn(api, baseURL, email, password);
  }
  return api;
}

export const test = base.extend<{
  loginAs: (role: Role) => Promise<void>;
  requestAs: (who: Who | "anonymous") => Promise<APIRequestContext>;
}>({
  context: async ({ context }, use) => {
    await installHydrationProbe(context);
    await use(context);
  },
  /** Request contexts signed in as `who` (see signedInRequest), disposed when the test ends. */
  requestAs: async ({ playwright, baseURL }, use) => {
    const made: APIRequestContext[] = [];
    await use(async (who) => {
      const api = await signedInRequest(playwright, baseURL!, who);
      made.push(api);
      return api;
    });
    await Promise.all(made.map((api) => api.dispose()));
  },
  /** Signs the page's browser in as a demo account of its own and opens the dashboard. */
  loginAs: async ({ page, baseURL }, use) => {
    await use(async (role: Role) => {
      await addSession(page.context(), baseURL!, role);
      await gotoHydrated(page, "/dashboard");
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    });
  },
});
