import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

export { expect };

export type Role = "admin" | "editor" | "viewer";

export const demoPassword = "jembatan-demo";
export const demoAccounts: Record<Role, { email: string; name: string }> = {
  admin: { email: "admin@example.org", name: "Demo Admin" },
  editor: { email: "editor@example.org", name: "Demo Editor" },
  viewer: { email: "viewer@example.org", name: "Demo Viewer" },
};

export const sessionCookieName = "jembatan_session";

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

/** A unique suffix for records a test creates, so repeated and parallel runs never collide. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export const test = base.extend<{ loginAs: (role: Role) => Promise<void> }>({
  context: async ({ context }, use) => {
    await installHydrationProbe(context);
    await use(context);
  },
  loginAs: async ({ page }, use) => {
    await use(async (role: Role) => {
      await signIn(page, demoAccounts[role].email, demoPassword);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    });
  },
});
