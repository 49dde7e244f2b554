import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext } from "@playwright/test";
import { parse } from "yaml";
import { apiSignIn, demoAccounts, expect, test, type Role } from "./fixtures";

// The case studies come from content/cases/*.yaml: drafts must never be shown publicly.
const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../content/cases");
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parse(readFileSync(path.join(casesDir, f), "utf8")) as { slug: string; status: string });
const publishedSlugs = cases.filter((c) => c.status === "published").map((c) => c.slug);
const draftSlugs = cases.filter((c) => c.status === "draft").map((c) => c.slug);

const publicRoutes = ["/", "/healthz", "/login", "/library", `/library/${publishedSlugs[0]}`];
const staffRoutes = ["/dashboard", "/agreements", "/agreements/1", "/activities"];
const adminRoutes = ["/admin/users"];

type Expectation = { status: 200 | 403 | 404 } | { status: 302; location: string };

const toLogin = (route: string): Expectation => ({
  status: 302,
  location: `/login?${new URLSearchParams({ redirectTo: route })}`,
});

function expected(role: Role | "anonymous", route: string): Expectation {
  if (role === "anonymous") {
    if (publicRoutes.includes(route)) return { status: 200 };
    return toLogin(route);
  }
  // Signed in, the sign-in page sends you on to the dashboard.
  if (route === "/login") return { status: 302, location: "/dashboard" };
  if (publicRoutes.includes(route) || staffRoutes.includes(route)) return { status: 200 };
  return { status: role === "admin" ? 200 : 403 };
}

async function session(
  playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } },
  baseURL: string,
  role: Role | "anonymous",
) {
  const api = await playwright.request.newContext({ baseURL });
  if (role !== "anonymous") await apiSignIn(api, baseURL, demoAccounts[role].email);
  return api;
}

test("the content has published and draft cases to test with", () => {
  expect(publishedSlugs.length).toBeGreaterThan(0);
  expect(draftSlugs.length).toBeGreaterThan(0);
});

for (const role of ["anonymous", "viewer", "editor", "admin"] as const) {
  test.describe(`as ${role}`, () => {
    test("every route answers as the role allows", async ({ playwright, baseURL }) => {
      const api = await session(playwright, baseURL!, role);
      // The admin's own /admin/users is checked in a test of its own below (a known bug).
      const routes = [...publicRoutes, ...staffRoutes, ...(role === "admin" ? [] : adminRoutes)];
      try {
        for (const route of routes) {
          const response = await api.get(route, { maxRedirects: 0 });
          const want = expected(role, route);
          expect.soft(response.status(), `${role} GET ${route}`).toBe(want.status);
          if (want.status === 302) {
            expect.soft(response.headers()["location"], `${role} GET ${route} redirects`).toBe(want.location);
          }
        }
      } finally {
        await api.dispose();
      }
    });

    test("draft cases are not found", async ({ playwright, baseURL }) => {
      const api = await session(playwright, baseURL!, role);
      try {
        for (const slug of draftSlugs) {
          const response = await api.get(`/library/${slug}`, { maxRedirects: 0 });
          expect.soft(response.status(), `${role} GET /library/${slug}`).toBe(404);
          const data = await api.get(`/library/${slug}.data`, { maxRedirects: 0 });
          expect.soft(await data.text(), `${role} GET /library/${slug}.data`).not.toContain(slug);
        }
        const library = await (await api.get("/library")).text();
        for (const slug of draftSlugs) expect.soft(library, "the library lists no draft").not.toContain(slug);
        for (const slug of publishedSlugs) expect.soft(library, "the library lists every published case").toContain(slug);
      } finally {
        await api.dispose();
      }
    });

    test("unknown pages and records are 404", async ({ playwright, baseURL }) => {
      const api = await session(playwright, baseURL!, role);
      try {
        expect.soft((await api.get("/no-such-page", { maxRedirects: 0 })).status()).toBe(404);
        expect.soft((await api.get("/library/no-such-case", { maxRedirects: 0 })).status()).toBe(404);
        if (role !== "anonymous") {
          expect.soft((await api.get("/agreements/999999", { maxRedirects: 0 })).status()).toBe(404);
          expect.soft((await api.get("/agreements/not-a-number", { maxRedirects: 0 })).status()).toBe(404);
        }
      } finally {
        await api.dispose();
      }
    });
  });
}

test("as admin, /admin/users answers 200", async ({ playwright, baseURL }) => {
  const api = await session(playwright, baseURL!, "admin");
  try {
    for (const route of adminRoutes) {
      expect.soft((await api.get(route, { maxRedirects: 0 })).status(), `admin GET ${route}`).toBe(200);
    }
  } finally {
    await api.dispose();
  }
});

test.describe("writes need the role too", () => {
  const newUser = (tag: string) => ({
    intent: "create",
    email: `intruder-${tag}-${Date.now()}@example.org`,
    name: "Intruder",
    role: "admin",
    timeZone: "UTC",
    password: "long-enough-password",
  });

  for (const role of ["viewer", "editor"] as const) {
    test(`POST /admin/users as ${role} is 403 and changes nothing`, async ({ playwright, baseURL }) => {
      const api = await session(playwright, baseURL!, role);
      const anonymous = await session(playwright, baseURL!, "anonymous");
      try {
        const form = newUser(role);
        const response = await api.post("/admin/users", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
        expect(response.status()).toBe(403);
        // The same through React Router's data endpoint, as the hydrated app would send it.
        const data = await api.post("/admin/users.data", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
        expect(data.status()).toBe(403);

        // No such account was made: signing in with it fails.
        const login = await anonymous.post("/login", {
          form: { email: form.email, password: form.password },
          headers: { Origin: baseURL! },
          maxRedirects: 0,
        });
        expect(login.status()).toBe(401);
      } finally {
        await api.dispose();
        await anonymous.dispose();
      }
    });
  }

  test("POST /admin/users anonymously asks to sign in", async ({ request, baseURL }) => {
    const response = await request.post("/admin/users", {
      form: newUser("anonymous"),
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });

  test("data requests for staff pages do not leak to the wrong role", async ({ playwright, baseURL }) => {
    const anonymous = await session(playwright, baseURL!, "anonymous");
    const editor = await session(playwright, baseURL!, "editor");
    try {
      const dashboard = await anonymous.get("/dashboard.data", { maxRedirects: 0 });
      expect(await dashboard.text()).not.toContain("Welcome");
      expect(await dashboard.text()).not.toMatch(/agreements/i);
      const users = await editor.get("/admin/users.data", { maxRedirects: 0 });
      expect(users.status()).toBe(403);
      expect(await users.text()).not.toContain(demoAccounts.admin.email);
    } finally {
      await anonymous.dispose();
      await editor.dispose();
    }
  });
});
