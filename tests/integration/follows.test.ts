/**
 * Following records for the weekly digest (app/models/follows.server.ts, POST /follows) and the
 * one-click unsubscribe link of notices (GET and POST /unsubscribe/<token>), the latter over HTTP
 * on the production build, as a mail client meets it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { unsubscribeToken } from "../../app/mail/unsubscribe.server";
import { addFollow, isFollowing, removeFollow } from "../../app/models/follows.server";
import { makeActivity, makeUser } from "../support/model-factories";
import { decodeHtml, fetchSignIn, match } from "../support/http";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("following on %s", (driver) => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    db = test.db;
  });
  afterAll(() => test?.close());

  it("follows a record once, and unfollows it; a record that does not exist cannot be followed", async () => {
    const user = await makeUser(db);
    const activity = await makeActivity(db, { countryCode: null });
    const target = { subjectType: "activity" as const, subjectId: activity.id };
    expect(await isFollowing(db, user.id, target)).toBe(false);
    expect(await addFollow(db, { userId: user.id }, target)).toEqual({ following: true });
    expect(await addFollow(db, { userId: user.id }, target)).toEqual({ following: true });
    expect(await db.select().from(t.follows).where(eq(t.follows.userId, user.id))).toHaveLength(1);
    expect(await isFollowing(db, user.id, target)).toBe(true);
    // The same id as another kind of record is another subject.
    expect(await isFollowing(db, user.id, { subjectType: "agreement", subjectId: activity.id })).toBe(false);

    expect(
      await addFollow(db, { userId: user.id }, { subjectType: "commitment", subjectId: 2_000_000_000 }),
    ).toBeNull();
    expect(await removeFollow(db, { userId: user.id }, target)).toEqual({ following: false });
    expect(await isFollowing(db, user.id, target)).toBe(false);
    expect(await removeFollow(db, { userId: user.id }, target)).toEqual({ following: false });
  });
});

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

describe("the follow button and the unsubscribe link over HTTP", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-follows-"));
  const secret = "the secret of this test server, long enough to be one";
  let server: RunningServer;
  let viewer: string;
  let viewerId: number;

  const get = (address: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${address}`, { headers, redirect: "manual" });
  const post = (address: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${address}`, {
      method: "POST",
      body: new URLSearchParams(form),
      headers: { Origin: server.url, ...headers },
      redirect: "manual",
    });
  const followForm = (intent: string, subjectId = "1") => ({
    intent,
    subjectType: "agreement",
    subjectId,
    redirectTo: "/agreements/1?page=1",
  });
  /** Which of the account page's notice checkboxes are ticked. */
  async function ticked() {
    const html = await (await get("/account", { Cookie: viewer })).text();
    return Object.fromEntries(
      ["remindActivities", "remindCommitments", "weeklyDigest"].map((name) => [
        name,
        / checked=""/.test(match(html, new RegExp(`(<input[^>]*name="${name}"[^>]*>)`), name)),
      ]),
    );
  }

  beforeAll(async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(dataDir, "db"), SESSION_SECRET: secret });
    viewer = await fetchSignIn(server.url, "viewer@example.org", "jembatan-demo");
    const admin = await fetchSignIn(server.url, "admin@example.org", "jembatan-demo");
    const users = await (await get("/admin/users", { Cookie: admin })).text();
    const row = users.slice(users.indexOf("viewer@example.org"));
    viewerId = Number(match(row, /name="id" value="(\d+)"/, "the viewer's id"));
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets a viewer follow and unfollow an agreement from its page, and back to it", async () => {
    const page = async () => decodeHtml(await (await get("/agreements/1", { Cookie: viewer })).text());
    expect(await page()).toContain(">Follow</button>");

    const followed = await post("/follows", followForm("follow"), { Cookie: viewer });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe("/agreements/1?page=1");
    expect(await page()).toContain(">Stop following</button>");

    const unfollowed = await post(
      "/follows",
      { ...followForm("unfollow"), redirectTo: "//evil.example" },
      { Cookie: viewer },
    );
    expect(unfollowed.headers.get("location"), "never to another site").toBe("/agreements/1");
    expect(await page()).toContain(">Follow</button>");
  });

  it("refuses a follow that is not one: unknown kinds, missing records, visitors, other sites", async () => {
    const bad = await post("/follows", { ...followForm("follow"), subjectType: "user" }, { Cookie: viewer });
    expect(bad.status).toBe(400);
    const badId = await post("/follows", followForm("follow", "abc"), {
      Cookie: viewer,
      "Accept-Language": "id",
    });
    expect(badId.status).toBe(400);
    // Without JavaScript the browser shows the answer itself: a page in the reader's language.
    expect(decodeHtml(await badId.text())).toMatch(/<h1>[^<]+<\/h1><p>Nilai ini tidak valid\.<\/p>/);
    expect((await post("/follows", followForm("follow", "999999"), { Cookie: viewer })).status).toBe(404);
    const visitor = await post("/follows", followForm("follow"));
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?/);
    const crossSite = await post("/follows", followForm("follow"), { Cookie: viewer, Origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    // Nothing to show at its address: it only takes a POST.
    expect((await get("/follows", { Cookie: viewer })).headers.get("location")).toBe("/");
  });

  it("turns a notice off with the emailed link's one click, from any site and without a session", async () => {
    expect(await ticked()).toEqual({ remindActivities: true, remindCommitments: true, weeklyDigest: true });
    const token = unsubscribeToken(secret, viewerId, "digest");

    // Opening the link only asks.
    const page = await get(`/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = decodeHtml(await page.text());
    expect(html).toContain("Stop the weekly digest for your account?");
    expect(html).toContain(`action="/unsubscribe/${token}" method="post"`);
    expect(await ticked()).toMatchObject({ weeklyDigest: true });

    // A mail client's RFC 8058 POST: from its own origin, no cookie.
    const done = await fetch(`${server.url}/unsubscribe/${token}`, {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      headers: { Origin: "https://mail.example", "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(done.status).toBe(200);
    expect(decodeHtml(await done.text())).toContain("Done: you will no longer get the weekly digest.");
    expect(await ticked()).toEqual({ remindActivities: true, remindCommitments: true, weeklyDigest: false });
    // The token, a credential, is not in the request log.
    expect(server.output()).toContain('"path":"/unsubscribe/[token]"');
    expect(server.output()).not.toContain(token);
  });

  it("refuses a wrong unsubscribe link and turns nothing off", async () => {
    const right = unsubscribeToken(secret, viewerId, "activities");
    const forged = [
      unsubscribeToken("another secret, just as long as the real one", viewerId, "activities"),
      right.replace(".activities.", ".commitments."),
      `${right.slice(0, -2)}xx`,
      "not-a-token",
    ];
    for (const token of forged) {
      const page = await get(`/unsubscribe/${token}`, { "Accept-Language": "id" });
      expect(page.status, token).toBe(404);
      expect(decodeHtml(await page.text())).toContain("Tautan berhenti berlangganan ini tidak sah.");
      const refused = await post(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" });
      expect(refused.status, token).toBe(404);
    }
    expect(await ticked()).toMatchObject({ remindActivities: true, remindCommitments: true });
  });
});
