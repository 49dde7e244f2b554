import { postForm } from "../support/http";
import {
  demoAccounts,
  demoPassword,
  expect,
  gotoHydrated,
  sessionCookieName,
  signedInRequest,
  signIn,
  test,
  waitForHydration,
} from "./fixtures";

test.describe("signing in and out", () => {
  test("an anonymous visit to /dashboard asks to sign in, then returns there", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await page.getByLabel("Email").fill(demoAccounts.editor.email);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("Welcome, Demo Editor")).toBeVisible();
  });

  test("the redirect after signing in keeps the query and never leaves the site", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto("/activities?page=1");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Factivities%3Fpage%3D1$/);

    for (const redirectTo of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await postForm(request, baseURL!, "/login", {
        email: demoAccounts.viewer.email,
        password: demoPassword,
        redirectTo,
      });
      expect(response.status()).toBe(302);
      expect(response.headers()["location"], `redirectTo=${redirectTo}`).toBe("/dashboard");
    }
  });

  test("a wrong password shows an error, keeps the email and sets no session cookie", async ({ page, context }) => {
    await gotoHydrated(page, "/login");
    await page.getByLabel("Email").fill(demoAccounts.viewer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("alert")).toHaveText("The email or password is not correct.");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("Email")).toHaveValue(demoAccounts.viewer.email);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === sessionCookieName)).toBeUndefined();
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    // Signed in through the form: the cookie under test is the one the app sets.
    await signIn(page, demoAccounts.viewer.email, demoPassword);
    const cookie = (await context.cookies()).find((c) => c.name === sessionCookieName);
    expect(cookie, "session cookie").toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    expect(cookie!.path).toBe("/");
    // Not readable from page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain(sessionCookieName);
  });

  test("signing out ends the session", async ({ page, context, loginAs }) => {
    await loginAs("editor");
    await expect(page.getByText("Signed in as Demo Editor (Editor)")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    expect((await context.cookies()).find((c) => c.name === sessionCookieName)).toBeUndefined();

    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard$/);
  });

  test("a session cookie that was signed out no longer works, even if replayed", async ({ playwright, baseURL }) => {
    const api = await signedInRequest(playwright, baseURL!, "viewer");
    try {
      const { cookies } = await api.storageState();
      const session = cookies.find((c) => c.name === sessionCookieName)!;
      expect((await api.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);
      const out = await api.post("/logout", { headers: { Origin: baseURL! }, maxRedirects: 0 });
      expect(out.status()).toBe(302);
      expect(out.headers()["location"]).toBe("/login");

      const replay = await api.get("/dashboard", {
        headers: { Cookie: `${sessionCookieName}=${session.value}` },
        maxRedirects: 0,
      });
      expect(replay.status()).toBe(302);
      expect(replay.headers()["location"]).toBe("/login?redirectTo=%2Fdashboard");
    } finally {
      await api.dispose();
    }
  });

  test("the sign-in page shows the demo-account note", async ({ page }) => {
    await gotoHydrated(page, "/login");
    const note = page.getByRole("complementary", { name: "Demo accounts" });
    await expect(note).toBeVisible();
    await expect(note).toContainText("admin@example.org");
    await expect(note).toContainText("editor@example.org");
    await expect(note).toContainText("viewer@example.org");
    await expect(note).toContainText(demoPassword);
  });

  test("a signed-in visit to /login goes to the dashboard", async ({ page, loginAs }) => {
    await loginAs("viewer");
    await page.goto("/login");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test.describe("cross-site requests", () => {
  const attacks: { name: string; headers: Record<string, string> }[] = [
    { name: "a foreign Origin", headers: { Origin: "https://evil.example" } },
    { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "Sec-Fetch-Site: same-site", headers: { "Sec-Fetch-Site": "same-site" } },
  ];

  for (const attack of attacks) {
    test(`POSTs with ${attack.name} to /login and /logout are refused`, async ({ request }) => {
      const login = await request.post("/login", {
        form: { email: demoAccounts.admin.email, password: demoPassword },
        headers: attack.headers,
        maxRedirects: 0,
      });
      expect(login.status()).toBe(403);
      expect(login.headers()["set-cookie"]).toBeUndefined();

      const logout = await request.post("/logout", { headers: attack.headers, maxRedirects: 0 });
      expect(logout.status()).toBe(403);
    });
  }

  test("a cross-site sign-out does not end the session", async ({ playwright, baseURL }) => {
    const api = await signedInRequest(playwright, baseURL!, "viewer");
    try {
      const logout = await api.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
      expect(logout.status()).toBe(403);
      expect((await api.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);
    } finally {
      await api.dispose();
    }
  });

  test("a same-origin browser form still works (the check does not block the app itself)", async ({ page }) => {
    await signIn(page, demoAccounts.viewer.email, demoPassword);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });
});
