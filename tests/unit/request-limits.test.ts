import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, bodyLimits, requestLimits } from "../../app/server/request-limits.server";
import { securityHeaders } from "../../app/server/security.server";

/** A raw request, for what fetch will not send (TRACE) or sends its own way (chunked bodies). */
function raw(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${options.path}`, { method: options.method, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe("request limits", () => {
  let base: string;
  let close: () => void;
  /** The forms the app behind the limits read, as React Router reads them. */
  const received: string[] = [];
  beforeAll(async () => {
    const app = express();
    app.use(securityHeaders({ development: false, secure: true }));
    app.use(requestLimits());
    app.all("/{*any}", async (req, res) => {
      if (req.method === "POST") {
        const request = new Request(`http://x${req.url}`, {
          method: "POST",
          headers: { "content-type": req.get("content-type") ?? "" },
          body: createReadableStreamFromReadable(req),
          duplex: "half",
        } as RequestInit);
        try {
          const form = await request.formData();
          received.push(String(form.get("text")).slice(0, 20));
        } catch {
          if (!res.headersSent) res.status(500).send("read failed");
          return;
        }
      }
      if (!res.headersSent) res.send("ok");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("answers 405 with Allow to methods no route takes, in the reader's language", async () => {
    for (const method of ["OPTIONS", "PROPFIND", "MKCOL", "TRACE", "PUT", "DELETE", "PATCH", "BREW"]) {
      const res = await raw(base, { method, path: "/activities", headers: { "Accept-Language": "id" } }).catch(
        (e: Error) => e,
      );
      // Node's parser refuses a method it does not know before any app sees it, with 400.
      if (method === "BREW") {
        expect(res instanceof Error || res.status === 400).toBe(true);
        continue;
      }
      expect(res).not.toBeInstanceOf(Error);
      if (res instanceof Error) continue;
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD, POST");
      expect(res.body).toBe(`Alamat ini tidak menerima permintaan ${method}.`);
      // The security headers are on every answer, refusals included.
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect((await fetch(`${base}/activities`, { method: "HEAD" })).status).toBe(200);
  });

  it("refuses a 1 MB form to /login at once, from its Content-Length, without reading it", async () => {
    const body = "email=" + "a&email=".repeat(128 * 1024);
    const started = performance.now();
    const res = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    }).catch((e: Error) => e);
    const ms = performance.now() - started;
    expect(res).not.toBeInstanceOf(Error);
    if (res instanceof Error) return;
    expect(res.status).toBe(413);
    expect(await res.text()).toBe(
      "This form is too large to be sent (16 KB at most). Shorten what you wrote and try again.",
    );
    expect(ms).toBeLessThan(1000);
    expect(received).not.toContain("a");
  });

  it("lets a record form up to 1 MB through, and refuses a larger one", async () => {
    const ok = await fetch(`${base}/activities/new`, {
      method: "POST",
      body: new URLSearchParams({ text: "x".repeat(900 * 1024) }),
    });
    expect(ok.status).toBe(200);
    expect(received).toContain("x".repeat(20));
    const big = await fetch(`${base}/activities/new`, {
      method: "POST",
      body: new URLSearchParams({ text: "y".repeat(1100 * 1024) }),
    }).catch((e: Error) => e);
    expect(big instanceof Error ? big.message : big.status).toBe(413);
  });

  it("cuts a chunked body off as soon as it passes the limit, so the route never sees the form", async () => {
    const chunk = Buffer.from("text=" + "z".repeat(8 * 1024));
    const res = await raw(base, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      chunks: [chunk, chunk, chunk, chunk],
    }).catch((e: Error) => e);
    // The answer, or a connection closed on a client still sending: never the form read.
    if (!(res instanceof Error)) expect(res.status).toBe(413);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).not.toContain("z".repeat(20));
    // A small chunked form passes.
    const small = await raw(base, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      chunks: [Buffer.from("text=w"), Buffer.from("w")],
    });
    expect(small.status).toBe(200);
    expect(received).toContain("ww");
  });

  it("reads a POST with no body and no type as an empty form", async () => {
    const res = await raw(base, { method: "POST", path: "/logout", headers: { "Content-Length": "0" } });
    expect(res.status).toBe(200);
    expect(received).toContain("null");
  });

  it("answers 415 to a POST that is not a form, /login and /language included", async () => {
    for (const path of ["/login", "/language", "/activities/new"]) {
      for (const type of ["application/json", "text/plain", "application/xml"]) {
        const res = await fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": type }, body: "{}" });
        expect(res.status, `${path} ${type}`).toBe(415);
        expect(await res.text()).toContain("accepts only forms");
      }
    }
  });

  it("answers 400 to a Host no URL can hold, instead of failing where the URL is built", async () => {
    for (const host of ["%00", "a b", "[::1"]) {
      const res = await raw(base, { method: "GET", path: "/", headers: { Host: host } });
      expect(res.status, host).toBe(400);
      expect(res.body).toBe("The request names no valid host.");
    }
    expect((await raw(base, { method: "GET", path: "/", headers: { Host: "jembatan.example.org:8080" } })).status).toBe(
      200,
    );
  });

  it("gives small forms 16 KB and every other address 1 MB, .data addresses alike", () => {
    expect(bodyLimitFor("/login")).toBe(bodyLimits.small);
    expect(bodyLimitFor("/login.data")).toBe(bodyLimits.small);
    expect(bodyLimitFor("/language")).toBe(bodyLimits.small);
    expect(bodyLimitFor("/logout/")).toBe(bodyLimits.small);
    expect(bodyLimitFor("/activities/12/edit.data")).toBe(bodyLimits.record);
    expect(bodyLimitFor("/_root.data")).toBe(bodyLimits.record);
  });
});

describe("HSTS", () => {
  async function headerWith(options: { secure: boolean; publicOrigin?: string }) {
    const app = express();
    app.use(securityHeaders({ development: false, ...options }));
    app.get("/", (_req, res) => res.send("ok"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      return res.headers.get("strict-transport-security");
    } finally {
      server.close();
    }
  }

  it("is sent whenever the public origin is https, even when the app itself sees plain HTTP", async () => {
    expect(await headerWith({ secure: true, publicOrigin: "https://jembatan.example.org" })).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(await headerWith({ secure: false, publicOrigin: "https://jembatan.example.org" })).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("is not sent for a plain-HTTP origin", async () => {
    expect(await headerWith({ secure: true, publicOrigin: "http://localhost:3000" })).toBeNull();
    expect(await headerWith({ secure: true })).toBeNull();
  });
});
