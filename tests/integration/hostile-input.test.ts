import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoAccounts, demoPassword } from "../support/demo-accounts";
import { fetchSignIn, rawRequest } from "../support/http";
import { startBuiltServer, type RunningServer } from "../support/server-process";

/**
 * The hostile requests of issue 8 against the production build: each gets a clear 4xx with a
 * message (or a sane 200), never a 500, a stall or a dropped connection, and nothing is stored.
 */
vi.setConfig({ testTimeout: 60_000, hookTimeout: 150_000 });

const timeout = () => AbortSignal.timeout(20_000);

describe("hostile input against the production server", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-hostile-"));
  let server: RunningServer;
  let cookie = "";
  const url = (p: string) => `${server.url}${p}`;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  beforeAll(async () => {
    server = await startBuiltServer({ DATA_DIR: dataDir });
    cookie = await fetchSignIn(server.url, demoAccounts.editor.email, demoPassword);
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterAll(() => {
    // Whatever came in, the process logged no failure a request caused.
    expect(server.output()).not.toMatch(/TypeError|RangeError|URIError|invalid byte sequence|out of range/);
  });

  it("refuses a 1 MB repeated-field POST to /login in under 100 ms while /healthz keeps answering", async () => {
    const body = "email=" + "a&email=".repeat(128 * 1024);
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const health = Array.from({ length: 5 }, () => fetch(url("/healthz"), { signal: timeout() }).then((r) => r.status));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await fetch(url("/login"), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "id" },
        body,
        signal: timeout(),
      });
      times.push(performance.now() - started);
      expect(res.status).toBe(413);
      expect(await res.text()).toContain("terlalu besar");
    }
    // The best of three, on a machine that may be busy with builds: the refusal reads no body.
    expect(Math.min(...times), times.join(", ")).toBeLessThan(100);
    expect(await Promise.all(health)).toEqual([200, 200, 200, 200, 200]);
    // The same body sent chunked is cut off at the limit.
    const chunk = Buffer.from("a&email=".repeat(8 * 1024));
    const chunked = await rawRequest(url("/login"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      chunks: Array.from({ length: 16 }, () => chunk),
    });
    if (!chunked.error) expect(chunked.status).toBe(413);
    expect((await fetch(url("/healthz"), { signal: timeout() })).status).toBe(200);
  });

  it("refuses a record form over 1 MB with 413", async () => {
    const res = await fetch(url("/agreements/new"), {
      method: "POST",
      headers: { Cookie: cookie },
      body: form({ titleEn: "x", summaryEn: "y".repeat(1100 * 1024) }),
      signal: timeout(),
    }).catch((e: Error) => e);
    expect(res instanceof Error ? res.message : res.status).toBe(413);
  });

  it("reads a record form of 1 MB in many fields, or many names each repeated 200 times, without stalling", async () => {
    const distinct = Array.from({ length: 100_000 }, (_, i) => `f${i}=x`).join("&");
    const repeated = Array.from({ length: 600 }, (_, n) => Array.from({ length: 200 }, () => `n${n}=1`).join("&")).join(
      "&",
    );
    for (const body of [distinct, repeated]) {
      expect(body.length).toBeLessThan(1024 * 1024);
      const started = performance.now();
      const res = await fetch(url("/agreements/new"), {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body,
        signal: timeout(),
      });
      expect(res.status).toBe(400);
      await res.text();
      expect(performance.now() - started).toBeLessThan(10_000);
      expect((await fetch(url("/healthz"), { signal: timeout() })).status).toBe(200);
    }
  });

  it("refuses a field repeated more than 200 times with 400 and a message", async () => {
    const body = new URLSearchParams({ kind: "mou" });
    for (let i = 0; i < 201; i++) body.append("signatoryIds", "1");
    const res = await fetch(url("/agreements/new"), {
      method: "POST",
      headers: { Cookie: cookie },
      body,
      signal: timeout(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("repeats the field signatoryIds too often");
  });

  it("answers NUL and other control characters with a field error, storing nothing", async () => {
    for (const bad of ["\u0000", "\u001b[31m", "\u007f"]) {
      const res = await fetch(url("/agreements/new"), {
        method: "POST",
        headers: { Cookie: cookie },
        body: form({
          kind: "mou",
          status: "draft",
          titleEn: `Hostile ${bad}marker-c0ntrol`,
          summaryEn: `A summary long enough ${bad}`,
        }),
        signal: timeout(),
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await res.text()).toContain("Remove the invisible control characters from this field.");
    }
    const list = await (await fetch(url("/agreements"), { headers: { Cookie: cookie }, signal: timeout() })).text();
    expect(list).not.toContain("marker-c0ntrol");
  });

  it("answers a date outside 1900–2100 with a field error, storing nothing", async () => {
    for (const date of ["0000-01-01", "9999-12-31", "1899-12-31"]) {
      const res = await fetch(url("/agreements/new"), {
        method: "POST",
        headers: { Cookie: cookie },
        body: form({
          kind: "mou",
          status: "draft",
          titleEn: `Dated marker-d4te ${date}`,
          summaryEn: "A summary long enough",
          signedOn: date,
        }),
        signal: timeout(),
      });
      expect(res.status, date).toBe(400);
      expect(await res.text()).toContain("Enter a real date between 1900 and 2100.");
    }
    const list = await (await fetch(url("/agreements"), { headers: { Cookie: cookie }, signal: timeout() })).text();
    expect(list).not.toContain("marker-d4te");
    const activity = await fetch(url("/activities/new"), {
      method: "POST",
      headers: { Cookie: cookie },
      body: form({
        titleEn: "marker-d4te",
        type: "workshop",
        status: "planned",
        mode: "online",
        startsOn: "0000-01-01",
      }),
      signal: timeout(),
    });
    expect(activity.status).toBe(400);
    expect(await activity.text()).toContain("Enter a real date between 1900 and 2100.");
  });

  it("lists, exports and feeds activities with a date bound of 9999-12-31 or 0000-01-01", async () => {
    for (const address of [
      "/activities?to=9999-12-31",
      "/activities.data?to=9999-12-31",
      "/activities?from=0000-01-01",
      "/activities.csv?to=9999-12-31",
      "/activities.ics?to=9999-12-31",
      "/activities.ics?from=0000-01-01&to=9999-12-31",
    ]) {
      const res = await fetch(url(address), { headers: { Cookie: cookie }, signal: timeout() });
      expect(res.status, address).toBe(200);
      const body = await res.text();
      if (address.includes(".ics")) expect(body.trimEnd().endsWith("END:VCALENDAR"), address).toBe(true);
    }
  });

  it("answers /library/%00 and other impossible slugs with 404", async () => {
    for (const slug of ["%00", "a%00b", "%E2%80%AE", "..%2F..", "x".repeat(300)]) {
      expect((await fetch(url(`/library/${slug}`), { signal: timeout() })).status, slug).toBe(404);
    }
  });

  it("ignores a malformed tz cookie, for visitors and staff alike", async () => {
    for (const [address, session] of [
      ["/", ""],
      ["/library", ""],
      ["/login", ""],
      ["/activities", cookie],
      ["/dashboard", cookie],
    ] as const) {
      const res = await fetch(url(address), {
        headers: { Cookie: [session, "tz=%"].filter(Boolean).join("; ") },
        signal: timeout(),
      });
      expect(res.status, address).toBe(200);
    }
  });

  it("answers a Host header no URL can hold with 400", async () => {
    const res = await rawRequest(url("/"), { method: "GET", headers: { Host: "%00" } });
    expect(res.error ?? res.status).toBe(400);
  });

  it("answers OPTIONS, PROPFIND, MKCOL, TRACE and other methods with 405 and Allow", async () => {
    for (const method of ["OPTIONS", "PROPFIND", "MKCOL", "TRACE", "PUT", "DELETE", "PATCH"]) {
      for (const address of ["/", "/login", "/activities"]) {
        const res = await rawRequest(url(address), { method });
        expect(res.error, `${method} ${address}`).toBeUndefined();
        if (res.error) continue;
        expect(res.status, `${method} ${address}`).toBe(405);
        expect(res.headers?.allow).toBe("GET, HEAD, POST");
        expect(res.body).toContain(`does not accept ${method} requests`);
      }
    }
  });

  it("answers a POST that is no form, or a broken multipart body, with 415 or 400 and a message", async () => {
    for (const address of ["/login", "/language", "/logout", "/agreements/new"]) {
      for (const [type, body, status] of [
        ["application/json", '{"email":"a"}', 415],
        ["text/plain", "email=a", 415],
        ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb", 400],
        ["multipart/form-data", "a=b", 400],
      ] as const) {
        const res = await fetch(url(address), {
          method: "POST",
          headers: { "Content-Type": type, Cookie: cookie },
          body,
          redirect: "manual",
          signal: timeout(),
        });
        expect(res.status, `${address} ${type}`).toBe(status);
        const text = await res.text();
        expect(text, `${address} ${type}`).toMatch(status === 415 ? /accepts only forms/ : /could not be read/);
      }
    }
  });

  it("takes a POST with no body and no type as an empty form", async () => {
    const res = await rawRequest(url("/logout"), { method: "POST", headers: { "Content-Length": "0" } });
    expect(res.error ?? res.status).toBe(302);
  });

  it("signs in with a non-Latin-1 redirectTo, percent-encoded, and the new session works", async () => {
    const res = await fetch(url("/login"), {
      method: "POST",
      headers: { Cookie: cookie },
      body: form({ email: "viewer@example.org", password: "jembatan-demo", redirectTo: "/ş?q=ğ" }),
      redirect: "manual",
      signal: timeout(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/%C5%9F?q=%C4%9F");
    const fresh = res.headers
      .getSetCookie()
      .find((c) => c.startsWith("jembatan_session="))!
      .split(";")[0]!;
    const account = await fetch(url("/account"), { headers: { Cookie: fresh }, signal: timeout() });
    expect(await account.text()).toContain("viewer@example.org");
    // The browser's previous session ended with this sign-in.
    const old = await fetch(url("/dashboard"), { headers: { Cookie: cookie }, redirect: "manual", signal: timeout() });
    expect(old.status).toBe(302);
    // The language switcher encodes it alike.
    const lang = await fetch(url("/language"), {
      method: "POST",
      body: form({ lng: "id", redirectTo: "/ş" }),
      redirect: "manual",
      signal: timeout(),
    });
    expect(lang.status).toBe(302);
    expect(lang.headers.get("location")).toBe("/%C5%9F");
  });
});
