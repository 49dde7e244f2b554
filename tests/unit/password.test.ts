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
