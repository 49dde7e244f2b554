import { describe, expect, it } from "vitest";
import { z } from "zod";
import { blankAsMissing, parseForm } from "../../app/lib/forms";

const schema = z
  .object({
    email: z.preprocess(blankAsMissing, z.email()),
    name: z.preprocess(blankAsMissing, z.string().min(2).max(5)),
    role: z.enum(["admin", "viewer"]),
    password: z.preprocess(blankAsMissing, z.string().min(12)),
    tags: z.array(z.string()).optional(),
  })
  .refine((v) => v.name !== "nope", { message: "users.emailTaken", path: ["name"] });

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("parseForm", () => {
  it("returns i18n keys for each failing field and keeps what was typed, except passwords", () => {
    const result = parseForm(
      schema,
      form([
        ["email", "not-an-email"],
        ["name", "x"],
        ["role", "boss"],
        ["password", "short"],
      ]),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({
      email: { key: "validation.email" },
      name: { key: "validation.tooShort", values: { min: 2 } },
      role: { key: "validation.invalidChoice" },
      password: { key: "validation.tooShort", values: { min: 12 } },
    });
    expect(result.values).toEqual({ email: "not-an-email", name: "x", role: "boss" });
  });

  it("treats blank inputs as missing", () => {
    const result = parseForm(
      schema,
      form([
        ["email", "  "],
        ["name", "Ani"],
        ["role", "admin"],
        ["password", "x".repeat(12)],
      ]),
    );
    expect(!result.success && result.errors.email).toEqual({ key: "validation.required" });
  });

  it("passes a schema's own message key through, and collects repeated names into lists", () => {
    const result = parseForm(
      schema,
      form([
        ["email", "a@b.org"],
        ["name", "nope"],
        ["role", "admin"],
        ["password", "x".repeat(12)],
        ["tags", "a"],
        ["tags", "b"],
      ]),
    );
    expect(!result.success && result.errors.name).toEqual({ key: "users.emailTaken" });
    expect(!result.success && result.values.tags).toEqual(["a", "b"]);
  });
});

describe("record ids", async () => {
  const { idField } = await import("../../app/lib/form-schema");
  const { idParam } = await import("../../app/lib/route-params");

  it("are positive integers a PostgreSQL integer column can hold", () => {
    expect(idField.safeParse("2147483647").success).toBe(true);
    for (const bad of ["2147483648", "99999999999", "0", "-1", "1.5", "x"])
      expect(idField.safeParse(bad).success, bad).toBe(false);
  });

  it("in an address, are a 404 when they cannot be a record's", () => {
    expect(idParam({ id: "42" })).toBe(42);
    for (const bad of ["99999999999", "0", "1e3", "abc", undefined]) {
      expect(() => idParam({ id: bad }), String(bad)).toThrow(Response);
    }
  });
});
