import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { addSession, expect, gotoHydrated, installHydrationProbe, type Who } from "./fixtures";

/** A common phone's screen: no page may scroll sideways at its width. */
export const phone = { width: 390, height: 844 };

/** Fails with the list of axe's findings, so the report says what is wrong where. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  expect(summary).toEqual([]);
}

/**
 * A browser of its own (another person's), signed in as `who` (see addSession) and on the
 * dashboard; close its context when done.
 */
export async function signedInBrowser(browser: Browser, options: { baseURL: string; who: Who; timezoneId?: string }) {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: "en-GB",
    timezoneId: options.timezoneId,
  });
  await installHydrationProbe(context);
  await addSession(context, options.baseURL, options.who);
  const page = await context.newPage();
  await gotoHydrated(page, "/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page };
}

/**
 * The page's width beyond the viewport, with the elements that stick out (innermost first) so a
 * failure names its culprit. 1 px is allowed for subpixel rounding.
 */
export async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const clips = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const offenders: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      if (right <= viewport + 1) continue;
      // Inside a box that scrolls or clips on its own, it does not widen the page.
      let inside = el.parentElement;
      while (inside && inside !== document.body && !clips(inside)) inside = inside.parentElement;
      if (inside && inside !== document.body) continue;
      if ([...el.children].some((child) => child.getBoundingClientRect().right > viewport + 1)) continue;
      const name =
        el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? `.${el.className}` : "");
      offenders.push(`${name} (right edge ${Math.round(right)} px)`);
    }
    return { scrollWidth, viewport, offenders: offenders.slice(0, 5) };
  });
}

/** Fails when the page scrolls sideways at a phone's width, naming the elements that stick out. */
export async function expectFitsPhone(page: Page) {
  const { scrollWidth, offenders } = await sidewaysOverflow(page);
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide: ${offenders.join(", ")}`).toBeLessThanOrEqual(
    phone.width + 1,
  );
}

/**
 * A browser of someone with no session (an invitee, a person who forgot their password): English,
 * a phone's screen; close its context when done.
 */
export async function visitorPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "en-GB", viewport: phone });
  await installHydrationProbe(context);
  return { context, page: await context.newPage() };
}
