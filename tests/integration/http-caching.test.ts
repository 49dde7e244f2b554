import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBuiltServer, type RunningServer } from "../support/server-process";

// The production server on a fresh embedded database (its demo accounts), as a browser meets it:
// repeat views of the staff pages revalidated with If-None-Match (app/lib/http-cache.server.ts).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const demoPassword = "jembatan-demo";
const pages = ["/activities", "/activities.csv?type=visit", "/agreements", "/agreements/1", "/dashboard"];

describe("repeat views answered by HTTP caching", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-http-cache-"));
  let server: RunningServer;
  let viewer: string;
  let editor: string;

  const get = (address: string, headers: Record<string, string>) =>
    fetch(server.url + address, { headers, redirect: "manual" });
  const post = (address: string, cookie: string, form: Record<string, string>) =>
    fetch(server.url + address, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  const signIn = async (email: string) => {
    const res = await post("/login", "", { email, password: demoPassword });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("jembatan_session="));
    expect(res.status, `signing in as ${email}`).toBe(302);
    return cookie!.split(";")[0]!;
  };
  /** The first view's ETag, after checking it is a whole page meant for this browser only. */
  const firstView = async (address: string, headers: Record<string, string>) => {
    const res = await get(address, headers);
    expect(res.status, address).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const etag = res.headers.get("etag");
    expect(etag, address).toMatch(/^W\/"[\w-]+"$/);
    return etag!;
  };

  beforeAll(async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(dataDir, "db") });
    viewer = await signIn("viewer@example.org");
    editor = await signIn("editor@example.org");
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers a second view of an unchanged page 304, with no body and no new CSP nonce", async () => {
    for (const address of pages) {
      const first = await get(address, { Cookie: viewer });
      await first.arrayBuffer();
      expect(first.headers.get("content-security-policy"), address).toMatch(/'nonce-[^']+'/);
      const etag = first.headers.get("etag")!;
      const again = await get(address, { Cookie: viewer, "If-None-Match": etag });
      expect(again.status, address).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toBe("private, no-cache");
      // Its headers replace the kept page's: a new nonce would block the kept page's scripts.
      expect(again.headers.get("content-security-policy"), address).toBeNull();
    }
  });

  it("gives another user, or the same user in another language, the whole page", async () => {
    const etag = await firstView("/activities", { Cookie: viewer });
    const other = await firstView("/activities", { Cookie: editor, "If-None-Match": etag });
    expect(other).not.toBe(etag);
    const indonesian = await firstView("/activities", {
      Cookie: viewer,
      "Accept-Language": "id",
      "If-None-Match": etag,
    });
    expect(indonesian).not.toBe(etag);
    expect((await get("/activities", { Cookie: viewer, "If-None-Match": etag })).status).toBe(304);
  });

  it("gives the whole page once any data has changed", async () => {
    const etag = await firstView("/activities", { Cookie: viewer });
    // A change to the viewer's own account: nothing on the list shows it, but every change counts.
    const reset = await post("/account", viewer, { intent: "resetCalendar" });
    expect(reset.status).toBe(302);
    const after = await firstView("/activities", { Cookie: viewer, "If-None-Match": etag });
    expect(after).not.toBe(etag);
  });

  it("renders afresh, and keeps nothing of, a page that shows a flash notice", async () => {
    const etag = await firstView("/activities", { Cookie: viewer });
    const res = await get("/activities", { Cookie: `${viewer}; __flash_notice=x`, "If-None-Match": etag });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("leaves pages for people signed in only: a visitor is sent to sign in", async () => {
    const res = await get("/activities", {});
    expect(res.status).toBe(302);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("clears the browser's cache on sign-out", async () => {
    const res = await post("/logout", await signIn("viewer@example.org"), {});
    expect(res.status).toBe(302);
    expect(res.headers.get("clear-site-data")).toBe('"cache"');
  });
});
