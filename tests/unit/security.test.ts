import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectCrossSiteWrites, securityHeaders } from "../../app/server/security.server";

describe("cross-site write protection and headers", () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const app = express();
    app.use(securityHeaders({ development: false, secure: true }));
    app.use(rejectCrossSiteWrites(undefined));
    app.all("/{*any}", (_req, res) => res.send("ok"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const post = (headers: Record<string, string>) => fetch(`${base}/login`, { method: "POST", headers });

  it("refuses a POST from another origin or another site", async () => {
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-site" })).status).toBe(403);
  });

  it("lets same-origin browser POSTs and non-browser clients through", async () => {
    expect((await post({ Origin: base, "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });

  it("sends a nonce-based Content-Security-Policy, fresh for each response", async () => {
    const [a, b] = await Promise.all([fetch(base), fetch(base)]);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
