import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import {
  flashCookieName,
  flashMiddleware,
  hasNotice,
  redirectWithNotice,
  takeNotice,
} from "../../app/lib/flash.server";

type Args = Parameters<typeof flashMiddleware>[0];

/** The cookie a browser sends back after `redirectWithNotice`. */
async function noticeCookie(notice: Parameters<typeof redirectWithNotice>[1]) {
  const setCookie = (await redirectWithNotice("/x", notice)).headers.get("Set-Cookie")!;
  return setCookie.split(";")[0]!;
}

/** Runs the middleware around a "page" whose root loader takes the notice, as root.tsx's does. */
async function page(cookie: string | null, answer: () => Response = () => new Response("page")) {
  const context = new RouterContextProvider();
  const request = new Request("http://app.test/activities/1", { headers: cookie ? { Cookie: cookie } : {} });
  let notice: string | null = null;
  const response = (await flashMiddleware({ request, context, params: {} } as unknown as Args, async () => {
    notice = takeNotice(context);
    return answer();
  })) as Response;
  return { notice, response, setCookies: response.headers.getSetCookie() };
}

describe("flash notices", () => {
  it("redirect with a short-lived, HttpOnly, SameSite=Lax cookie and an address that says nothing", async () => {
    const response = await redirectWithNotice("/activities/1", "activities.saved", {
      headers: { "Set-Cookie": "lng=id; Path=/" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/activities/1");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    const flash = cookies.find((c) => c.startsWith(`${flashCookieName}=`))!;
    expect(flash).toMatch(/; Max-Age=60;/);
    expect(flash).toMatch(/; HttpOnly/);
    expect(flash).toMatch(/; SameSite=Lax/);
    expect(flash).toMatch(/; Path=\//);
    expect(flashCookieName.startsWith("__flash")).toBe(true);
  });

  it("are shown on the next page once: that page clears the cookie and is never kept by a cache", async () => {
    const cookie = await noticeCookie("activities.saved");
    expect(hasNotice(new Request("http://app.test/", { headers: { Cookie: `a=1; ${cookie}` } }))).toBe(true);
    const { notice, response, setCookies } = await page(`a=1; ${cookie}`, () => {
      return new Response("page", { headers: { ETag: 'W/"x"', "Cache-Control": "private, no-cache" } });
    });
    expect(notice).toBe("activities.saved");
    expect(setCookies).toEqual([expect.stringMatching(new RegExp(`^${flashCookieName}=; Max-Age=0;`))]);
    expect(response.headers.get("ETag")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("show nothing for a cookie that names no known notice, and clear it", async () => {
    const forged = `${flashCookieName}=${btoa(JSON.stringify("Call +1 555 0100 to unlock your account"))}`;
    const { notice, setCookies } = await page(forged);
    expect(notice).toBeNull();
    expect(setCookies).toEqual([expect.stringMatching(/Max-Age=0/)]);
  });

  it("pass through a redirect to the page it leads to, and give way to a newer notice", async () => {
    const cookie = await noticeCookie("activities.saved");
    const redirected = await page(cookie, () => new Response(null, { status: 302, headers: { Location: "/y" } }));
    expect(redirected.setCookies).toEqual([]);

    const newer = await redirectWithNotice("/z", "activities.deleted");
    const replaced = await page(cookie, () => new Response(null, { status: 200, headers: newer.headers }));
    expect(replaced.setCookies).toEqual([newer.headers.get("Set-Cookie")]);
  });

  it("cost nothing on a request without one", async () => {
    const { notice, setCookies, response } = await page(null);
    expect(notice).toBeNull();
    expect(setCookies).toEqual([]);
    expect(response.headers.get("Cache-Control")).toBeNull();
  });
});
