import { describe, expect, it } from "vitest";
import { hashPassword, unusablePasswordHash, verifyPassword } from "../../app/lib/password.server";

describe("passwords", () => {
  it("hashes with a fresh salt and verifies only the right password", async () => {
    const a = await hashPassword("jembatan-demo");
    const b = await hashPassword("jembatan-demo");
    expect(a).not.toBe(b);
    expect(await verifyPassword("jembatan-demo", a)).toBe(true);
    expect(await verifyPassword("jembatan-dem0", a)).toBe(false);
  });

  it("never matches the placeholder used for unknown accounts, nor a malformed hash", async () => {
    expect(await verifyPassword("", unusablePasswordHash)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });
});

describe("password hashing strength", async () => {
  const { needsRehash, scryptParams, hashParameters } = await import("../../app/lib/password.server");

  it("uses scrypt at OWASP's minimum, N=2^17, r=8, p=1", async () => {
    const hash = await hashPassword("jembatan-demo");
    expect(hash.split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(scryptParams).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(needsRehash(hash)).toBe(false);
    expect(hashParameters(hash)).toEqual({ algorithm: "scrypt", N: 131072, r: 8, p: 1 });
  });

  it("still verifies a hash made with the old N=2^15, and marks it for rehashing", async () => {
    const old = await hashPassword("jembatan-demo", { N: 2 ** 15, r: 8, p: 1 });
    expect(old.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("jembatan-demo", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash("plain-text")).toBe(false);
  });

  it("refuses a stored hash that asks for more memory than allowed, instead of throwing", async () => {
    expect(await verifyPassword("x", `scrypt$${2 ** 24}$8$1$AAAA$AAAA`)).toBe(false);
  });
});
