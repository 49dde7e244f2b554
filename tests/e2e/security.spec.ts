import type { APIRequestContext, APIResponse } from "@playwright/test";
import {
  activityForm,
  createActivity,
  createAgreement,
  createCommitment,
  createUser,
  userRow,
} from "../support/http-factories";
import { match, postForm, postFormWith } from "../support/http";
import {
  apiSignIn,
  demoAccounts,
  demoPassword,
  expect,
  sessionCookieName,
  signedInRequest,
  test,
  uniqueSuffix,
} from "./fixtures";

async function calendarToken(api: APIRequestContext) {
  return match(
    await (await api.get("/account")).text(),
    /\/activities\.ics\?token=([A-Za-z0-9._-]+)/,
    "the calendar address",
  );
}

// ---------------------------------------------------------------------------------------------

test.describe("security headers", () => {
  test("every kind of response carries the CSP and the other security headers", async ({ playwright, baseURL }) => {
    const viewer = await signedInRequest(playwright, baseURL!, "viewer");
    const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      const responses: [string, APIResponse][] = [
        ["home page", await anonymous.get("/")],
        ["home data", await anonymous.get("/_.data")],
        ["library data", await anonymous.get("/library.data")],
        ["health check", await anonymous.get("/healthz")],
        ["not found", await anonymous.get("/no-such-page")],
        ["sign-in redirect", await anonymous.get("/dashboard", { maxRedirects: 0 })],
        ["calendar 401", await anonymous.get("/activities.ics")],
        ["staff page", await viewer.get("/dashboard")],
        ["forbidden page", await viewer.get("/admin/users")],
        ["CSV export", await viewer.get("/activities.csv")],
        ["calendar feed", await viewer.get("/activities.ics")],
      ];
      for (const [name, response] of responses) {
        const h = response.headers();
        const csp = h["content-security-policy"] ?? "";
        expect.soft(csp, `${name}: CSP`).toMatch(/(^|; )default-src 'self'(;|$)/);
        expect
          .soft(csp, `${name}: scripts only from here or with the nonce`)
          .toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
        const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? "";
        expect
          .soft(scriptSrc, `${name}: no unsafe script sources`)
          .not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|https?:/);
        for (const directive of [
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ]) {
          expect.soft(csp, `${name}: ${directive}`).toContain(directive);
        }
        expect.soft(h["x-content-type-options"], `${name}: nosniff`).toBe("nosniff");
        expect.soft(h["x-frame-options"], `${name}: no framing`).toBe("DENY");
        expect.soft(h["referrer-policy"], `${name}: referrer policy`).toBe("strict-origin-when-cross-origin");
        expect.soft(h["x-powered-by"], `${name}: no X-Powered-By`).toBeUndefined();
      }
    } finally {
      await viewer.dispose();
      await anonymous.dispose();
    }
  });

  test("every script of a page carries the response's nonce, a fresh one each time, and no inline handler", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const viewer = await signedInRequest(playwright, baseURL!, "viewer");
    const nonces = new Set<string>();
    // Signed-in lists and the dashboard twice each: the second answer comes from the page cache.
    const pages = [
      ...["/", "/login", "/library"].map((route) => ({ route, api: request })),
      ...["/dashboard", "/dashboard", "/activities?type=visit", "/activities?type=visit"].map((route) => ({
        route,
        api: viewer,
      })),
    ];
    for (const { route, api } of pages) {
      const response = await api.get(route);
      const nonce = match(response.headers()["content-security-policy"] ?? "", /'nonce-([^']+)'/, `${route}: nonce`);
      nonces.add(nonce);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, `${route}: scripts`).toBeGreaterThan(0);
      for (const tag of scripts) expect.soft(tag, `${route}: script nonce`).toContain(`nonce="${nonce}"`);
      expect.soft(html, `${route}: no inline event handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    }
    expect(nonces.size).toBe(pages.length);
    await viewer.dispose();
  });
});

// ---------------------------------------------------------------------------------------------

test.describe("cross-site writes", () => {
  const attacks: { name: string; headers: Record<string, string> }[] = [
    { name: "a foreign Origin", headers: { Origin: "https://evil.example" } },
    { name: "Origin: null (a sandboxed frame)", headers: { Origin: "null" } },
    { name: "a foreign Origin on another port", headers: { Origin: "http://127.0.0.1:1" } },
    { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "Sec-Fetch-Site: same-site", headers: { "Sec-Fetch-Site": "same-site" } },
  ];

  test("are refused on every data-changing route, through the page and its data endpoint, and change nothing", async ({
    playwright,
    baseURL,
  }) => {
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const tag = uniqueSuffix();
      const activity = await createActivity(editor, baseURL!, `Cross-site target ${tag}`);
      const target = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      // A session of a user of this test alone: a broken check must not sign the shared demo editor out.
      const targetSession = await signedInRequest(playwright, baseURL!, target);
      const before = await (await editor.get(`/activities/${activity}.data?_routes=routes/activities.$id`)).text();
      const writes: { api: APIRequestContext; path: string; form: Record<string, string> }[] = [
        { api: editor, path: "/activities/new", form: activityForm(`Cross-site ${tag}`) },
        {
          api: editor,
          path: `/activities/${activity}/edit`,
          form: activityForm(`Cross-site edit ${tag}`, { version: "1" }),
        },
        { api: editor, path: `/activities/${activity}`, form: { intent: "delete", version: "1" } },
        { api: targetSession, path: "/account", form: { intent: "signOutEverywhere" } },
        {
          api: admin,
          path: "/admin/users",
          form: { intent: "update", id: target.id, version: target.version, role: "admin" },
        },
        {
          api: admin,
          path: "/admin/users",
          form: {
            intent: "create",
            email: `cross-site-${tag}@example.org`,
            name: "X",
            role: "admin",
            timeZone: "UTC",
            password: "cross-site-password",
          },
        },
      ];
      for (const attack of attacks) {
        for (const write of writes) {
          for (const url of [write.path, `${write.path}.data`]) {
            const response = await postFormWith(write.api, url, write.form, attack.headers);
            expect.soft(response.status(), `${attack.name}: POST ${url}`).toBe(403);
          }
        }
      }
      // Nothing changed: the activity is as it was, nobody was created or promoted, the editor is still signed in.
      expect
        .soft(await (await editor.get(`/activities/${activity}.data?_routes=routes/activities.$id`)).text())
        .toBe(before);
      expect.soft(await (await editor.get(`/activities?q=${tag}`)).text()).not.toContain(`Cross-site ${tag}</a>`);
      expect.soft((await targetSession.get("/dashboard", { maxRedirects: 0 })).status(), "still signed in").toBe(200);
      await targetSession.dispose();
      const users = await (await admin.get("/admin/users")).text();
      expect.soft(users).not.toContain(`cross-site-${tag}@example.org`);
      expect.soft((await userRow(admin, target.email)).version, "the target user is unchanged").toBe(target.version);
      // The same write from this site goes through, so the refusals were about the origin.
      const same = await postFormWith(editor, "/activities/new", activityForm(`Same-site ${tag}`), {
        Origin: baseURL!,
        "Sec-Fetch-Site": "same-origin",
      });
      expect(same.status()).toBe(302);
      // …and the list check above would have seen a created activity.
      expect(await (await editor.get(`/activities?q=${tag}`)).text()).toContain(`Same-site ${tag}</a>`);
    } finally {
      await editor.dispose();
      await admin.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe("redirects stay on this site", () => {
  const sameSite = (location: string | undefined, baseURL: string) =>
    new URL(location ?? "", baseURL).origin === new URL(baseURL).origin;

  test("after signing in and after switching the language, whatever redirectTo says", async ({
    playwright,
    baseURL,
  }) => {
    const api = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      for (const redirectTo of [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "\\/evil.example",
        "javascript:alert(1)",
        "http:evil.example",
        "/%2F/evil.example",
      ]) {
        const language = await postForm(api, baseURL!, "/language", { lng: "en", redirectTo });
        expect.soft(language.status(), `language, redirectTo=${redirectTo}`).toBe(302);
        expect
          .soft(
            sameSite(language.headers()["location"], baseURL!),
            `language, redirectTo=${redirectTo}: ${language.headers()["location"]}`,
          )
          .toBe(true);
      }
      const login = await postForm(api, baseURL!, "/login", {
        email: demoAccounts.viewer.email,
        password: demoPassword,
        redirectTo: "/\\evil.example",
      });
      expect(login.status()).toBe(302);
      expect(sameSite(login.headers()["location"], baseURL!)).toBe(true);
    } finally {
      await api.dispose();
    }
  });

  test("control characters in redirectTo cannot leave the site or break the response", async ({
    playwright,
    baseURL,
  }) => {
    const api = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      for (const redirectTo of [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nSet-Cookie: injected=1",
        "/\u0000/evil.example",
      ]) {
        for (const [path, form] of [
          ["/language", { lng: "en", redirectTo }],
          ["/login", { email: demoAccounts.viewer.email, password: demoPassword, redirectTo }],
        ] as const) {
          const response = await postForm(api, baseURL!, path, form);
          const label = `${path}, redirectTo=${JSON.stringify(redirectTo)}`;
          expect.soft(response.status(), label).toBe(302);
          expect
            .soft(
              sameSite(response.headers()["location"], baseURL!),
              `${label}: ${JSON.stringify(response.headers()["location"])}`,
            )
            .toBe(true);
          expect.soft(response.headers()["set-cookie"] ?? "", label).not.toContain("injected");
        }
      }
    } finally {
      await api.dispose();
    }
  });

  test("a data request without a session asks to sign in and come back to the page, not its data", async ({
    request,
  }) => {
    const cases: [string, string][] = [
      ["/agreements.data", "/agreements"],
      ["/dashboard.data?_routes=routes/dashboard", "/dashboard"],
      ["/activities.data?q=baku", "/activities?q=baku"],
    ];
    for (const [url, page] of cases) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect.soft(await response.text(), url).toContain(`"/login?${new URLSearchParams({ redirectTo: page })}"`);
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe("signing in is rate limited", () => {
  test("after 5 wrong passwords an account is locked for a while, even for the right password", async ({
    playwright,
    baseURL,
  }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      const user = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      for (let i = 1; i <= 5; i++) {
        const wrong = await postForm(anonymous, baseURL!, "/login", { email: user.email, password: `wrong-${i}` });
        expect(wrong.status(), `wrong password ${i}`).toBe(401);
      }
      // Another letter case is the same account.
      const locked = await postForm(anonymous, baseURL!, "/login", {
        email: user.email.toUpperCase(),
        password: user.password,
      });
      expect(locked.status()).toBe(429);
      expect(locked.headers()["set-cookie"] ?? "").not.toContain(sessionCookieName);
      expect(await locked.text()).toMatch(/Too many|try again/i);
      // Other accounts are not affected.
      const other = await signedInRequest(playwright, baseURL!, "viewer");
      await other.dispose();
    } finally {
      await admin.dispose();
      await anonymous.dispose();
    }
  });

  // Every failed sign-in also counts against the address (50 in 15 minutes), and all browser tests
  // come from 127.0.0.1: the tests here spend at most 16 of those, the rest of the suite 3.

  test("a locked sign-in says when to try again", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      const user = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      for (let i = 1; i <= 5; i++)
        await postForm(anonymous, baseURL!, "/login", { email: user.email, password: `wrong-${i}` });
      for (const url of ["/login", "/login.data"]) {
        const locked = await postForm(anonymous, baseURL!, url, { email: user.email, password: user.password });
        expect(locked.status(), url).toBe(429);
        expect(Number(locked.headers()["retry-after"]), url).toBeGreaterThanOrEqual(60);
      }
    } finally {
      await admin.dispose();
      await anonymous.dispose();
    }
  });

  test("parallel guesses do not get past the limit", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      const user = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          postForm(anonymous, baseURL!, "/login", { email: user.email, password: `parallel-${i}` }),
        ),
      );
      const statuses = answers.map((a) => a.status());
      expect(statuses.filter((s) => s === 401).length, `statuses ${statuses}`).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length, `statuses ${statuses}`).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.dispose();
      await anonymous.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe("sessions", () => {
  test("the session cookie lives seven days at most and is HttpOnly, SameSite=Lax", async ({ playwright, baseURL }) => {
    const api = await signedInRequest(playwright, baseURL!, "anonymous");
    try {
      const response = await postForm(api, baseURL!, "/login", {
        email: demoAccounts.viewer.email,
        password: demoPassword,
      });
      const cookie = response.headers()["set-cookie"] ?? "";
      expect(cookie).toContain(`${sessionCookieName}=`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(Number(match(cookie, /Max-Age=(\d+)/i, "Max-Age"))).toBeLessThanOrEqual(7 * 24 * 3600);
    } finally {
      await api.dispose();
    }
  });

  test("pages for a signed-in user are not stored by caches; public pages may be", async ({ playwright, baseURL }) => {
    const api = await signedInRequest(playwright, baseURL!, "viewer");
    try {
      // Pages answered 304 on a repeat view (and their data for client navigations) are kept by the
      // browser alone and revalidated each time.
      for (const path of ["/dashboard", "/agreements", "/dashboard.data"]) {
        const response = await api.get(path);
        expect(response.headers()["cache-control"], path).toBe("private, no-cache");
        expect(response.headers()["etag"], path).toBeTruthy();
      }
      for (const path of ["/account", "/account.data"]) {
        expect((await api.get(path)).headers()["cache-control"], path).toBe("private, no-store");
      }
    } finally {
      await api.dispose();
    }
    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      // The library is the same for every visitor in a language: any cache may keep it and revalidates it.
      expect((await anonymous.get("/library")).headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
    } finally {
      await anonymous.dispose();
    }
  });

  test("disabling a user ends their sessions and their calendar address at once", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const user = await createUser(admin, baseURL!, "editor", { prefix: "security" });
      const api = await signedInRequest(playwright, baseURL!, user);
      try {
        const token = await calendarToken(api);
        expect((await api.get("/agreements/new", { maxRedirects: 0 })).status()).toBe(200);
        expect((await api.get(`/activities.ics?token=${token}`)).status()).toBe(200);

        const disable = await postForm(admin, baseURL!, "/admin/users", {
          intent: "update",
          id: user.id,
          version: user.version,
          role: "editor",
          disabled: "on",
        });
        expect(disable.status()).toBe(302);

        const after = await api.get("/agreements/new", { maxRedirects: 0 });
        expect(after.status()).toBe(302);
        expect(after.headers()["location"]).toMatch(/^\/login\?/);
        const feed = await (
          await signedInRequest(playwright, baseURL!, "anonymous")
        ).get(`/activities.ics?token=${token}`);
        expect(feed.status()).toBe(401);
      } finally {
        await api.dispose();
      }
    } finally {
      await admin.dispose();
    }
  });

  test("a lower role takes effect on the next request", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const user = await createUser(admin, baseURL!, "editor", { prefix: "security" });
      const api = await signedInRequest(playwright, baseURL!, user);
      try {
        expect((await api.get("/activities/new", { maxRedirects: 0 })).status()).toBe(200);
        const demote = await postForm(admin, baseURL!, "/admin/users", {
          intent: "update",
          id: user.id,
          version: user.version,
          role: "viewer",
        });
        expect(demote.status()).toBe(302);
        expect((await api.get("/activities/new", { maxRedirects: 0 })).status()).toBe(403);
        const write = await postForm(api, baseURL!, "/activities/new", activityForm("Demoted"));
        expect(write.status()).toBe(403);
      } finally {
        await api.dispose();
      }
    } finally {
      await admin.dispose();
    }
  });

  test("signing out everywhere ends every session of the user, and only theirs", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const user = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      const first = await signedInRequest(playwright, baseURL!, user);
      const second = await signedInRequest(playwright, baseURL!, user);
      try {
        const out = await postForm(first, baseURL!, "/account", { intent: "signOutEverywhere" });
        expect(out.status()).toBe(302);
        for (const api of [first, second]) {
          const response = await api.get("/dashboard", { maxRedirects: 0 });
          expect(response.status()).toBe(302);
          expect(response.headers()["location"]).toMatch(/^\/login\?/);
        }
        expect((await admin.get("/dashboard", { maxRedirects: 0 })).status(), "other users stay signed in").toBe(200);
      } finally {
        await first.dispose();
        await second.dispose();
      }
    } finally {
      await admin.dispose();
    }
  });

  test("signing in again ends the session the browser had before", async ({ playwright, baseURL }) => {
    const api = await signedInRequest(playwright, baseURL!, "viewer");
    const stolen = await playwright.request.newContext({ baseURL });
    try {
      const { cookies } = await api.storageState();
      const before = cookies.find((c) => c.name === sessionCookieName)!;
      await apiSignIn(api, baseURL!, demoAccounts.editor.email);
      expect((await api.get("/activities/new", { maxRedirects: 0 })).status(), "now the editor").toBe(200);
      const replay = await stolen.get("/dashboard", {
        headers: { Cookie: `${before.name}=${before.value}` },
        maxRedirects: 0,
      });
      expect(replay.status(), "the earlier session is over").toBe(302);
    } finally {
      await api.dispose();
      await stolen.dispose();
    }
  });

  test("a new calendar address retires the old one", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const user = await createUser(admin, baseURL!, "viewer", { prefix: "security" });
      const api = await signedInRequest(playwright, baseURL!, user);
      const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
      try {
        const old = await calendarToken(api);
        expect((await anonymous.get(`/activities.ics?token=${old}`)).status()).toBe(200);
        expect((await postForm(api, baseURL!, "/account", { intent: "resetCalendar" })).status()).toBe(302);
        const fresh = await calendarToken(api);
        expect(fresh).not.toBe(old);
        expect((await anonymous.get(`/activities.ics?token=${old}`)).status()).toBe(401);
        expect((await anonymous.get(`/activities.ics?token=${fresh}`)).status()).toBe(200);
      } finally {
        await api.dispose();
        await anonymous.dispose();
      }
    } finally {
      await admin.dispose();
    }
  });

  test("an admin can neither disable nor demote themselves", async ({ playwright, baseURL }) => {
    const admin = await signedInRequest(playwright, baseURL!, "admin");
    try {
      const self = await userRow(admin, demoAccounts.admin.email);
      const forms: Record<string, string>[] = [
        { intent: "update", id: self.id, version: self.version, role: "viewer" },
        { intent: "update", id: self.id, version: self.version, role: "admin", disabled: "on" },
      ];
      for (const form of forms) {
        expect((await postForm(admin, baseURL!, "/admin/users", form)).status()).toBe(400);
      }
      expect((await userRow(admin, demoAccounts.admin.email)).version).toBe(self.version);
      expect((await admin.get("/admin/users", { maxRedirects: 0 })).status()).toBe(200);
    } finally {
      await admin.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------

test.describe("what people type is never run", () => {
  test("a title and lessons with markup are shown as text, and unsafe links are dropped", async ({
    playwright,
    baseURL,
  }) => {
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    const viewer = await signedInRequest(playwright, baseURL!, "viewer");
    try {
      const tag = uniqueSuffix();
      const lessons = {
        root: {
          type: "root",
          version: 1,
          direction: null,
          format: "",
          indent: 0,
          children: [
            {
              type: "paragraph",
              version: 1,
              children: [
                {
                  type: "text",
                  version: 1,
                  text: `<img src=x onerror=alert(${tag})>`,
                  format: 0,
                  style: "",
                  mode: "normal",
                  detail: 0,
                },
                {
                  type: "link",
                  version: 1,
                  url: `javascript:alert(${tag})`,
                  children: [
                    { type: "text", version: 1, text: "click", format: 0, style: "", mode: "normal", detail: 0 },
                  ],
                },
              ],
            },
          ],
        },
      };
      const id = await createActivity(editor, baseURL!, `<script>alert(${tag})</script> xss ${tag}`, {
        city: `"><svg onload=alert(${tag})>`,
        lessons: JSON.stringify(lessons),
        lessonsFormat: "lexical",
      });
      const html = await (await viewer.get(`/activities/${id}`)).text();
      expect(html).not.toContain(`<script>alert(${tag})`);
      expect(html).not.toMatch(new RegExp(`<img[^>]*onerror=alert\\(${tag}\\)`));
      expect(html).not.toMatch(new RegExp(`<svg[^>]*onload`));
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).toContain(`&lt;script&gt;alert(${tag})&lt;/script&gt; xss ${tag}`);
      expect(html).toContain(`&lt;img src=x onerror=alert(${tag})&gt;`);
    } finally {
      await editor.dispose();
      await viewer.dispose();
    }
  });

  test("evidence links other than http(s) are refused and never stored", async ({ playwright, baseURL }) => {
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    try {
      const tag = uniqueSuffix();
      const agreementId = await createAgreement(editor, baseURL!, `Security ${tag}`);
      const commitmentPath = `/commitments/${await createCommitment(editor, baseURL!, agreementId, `Security commitment ${tag}`)}`;
      for (const url of [
        `javascript:alert(${tag})`,
        `data:text/html,<script>alert(${tag})</script>`,
        `vbscript:msgbox(${tag})`,
        " javascript:alert(1)",
      ]) {
        const response = await postForm(editor, baseURL!, commitmentPath, { intent: "evidence", url, note: "" });
        expect.soft(response.status(), url).toBe(400);
      }
      const html = await (await editor.get(commitmentPath)).text();
      expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
      expect(html).not.toContain(`alert(${tag})</a>`);
    } finally {
      await editor.dispose();
    }
  });

  test("the CSV export neutralizes formulas", async ({ playwright, baseURL }) => {
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    try {
      const tag = uniqueSuffix();
      await createActivity(editor, baseURL!, `=HYPERLINK("https://evil.example","csv ${tag}")`, {
        city: "+cmd|' /C calc'!A0",
      });
      await createActivity(editor, baseURL!, `@SUM(1+1) csv ${tag}`, { city: "-2+3" });
      const csv = await (await editor.get(`/activities.csv?q=${tag}`)).text();
      const lines = csv.split("\r\n").filter((l) => l.includes(tag));
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        // No cell starts with a formula character: the export puts an apostrophe in front.
        const cells = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, ""));
        for (const cell of cells) expect.soft(cell, line).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(csv).toContain(`'=HYPERLINK`);
      expect(csv).toContain(`'+cmd`);
      expect(csv).toContain(`'@SUM`);
    } finally {
      await editor.dispose();
    }
  });

  test("the calendar feed keeps every line break inside its text", async ({ playwright, baseURL }) => {
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    try {
      const tag = uniqueSuffix();
      await createActivity(editor, baseURL!, `ics ${tag}\rATTACH:https://evil.example/x`, {
        city: `City\rORGANIZER:mailto:evil@example.org`,
      });
      const feed = await (await editor.get(`/activities.ics?q=${tag}`)).text();
      expect(feed).toContain(tag);
      expect(feed).not.toMatch(/\r(?!\n)/);
      expect(feed).not.toMatch(/^(ATTACH|ORGANIZER):/m);
    } finally {
      await editor.dispose();
    }
  });
});
