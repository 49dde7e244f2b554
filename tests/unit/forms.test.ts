import { describe, expect, it } from "vitest";
import { z } from "zod";
import { blankAsMissing, parseForm, typedValues } from "../../app/lib/forms";
import { formData } from "../support/form-data";

const schema = z
  .object({
    email: z.preprocess(blankAsMissing, z.email()),
    name: z.preprocess(blankAsMissing, z.string().min(2).max(5)),
    role: z.enum(["admin", "viewer"]),
    password: z.preprocess(blankAsMissing, z.string().min(12)),
    tags: z.array(z.string()).optional(),
  })
  .refine((v) => v.name !== "nope", { message: "users.emailTaken", path: ["name"] });

describe("parseForm", () => {
  it("returns i18n keys for each failing field and keeps what was typed, except passwords", () => {
    const result = parseForm(
      schema,
      formData([
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
      formData([
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
      formData([
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
      // notFound() throws React Router's data(null, { status: 404 }).
      let thrown: unknown;
      try {
        idParam({ id: bad });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(bad)).toMatchObject({ init: { status: 404 } });
    }
  });
});

describe("hostile forms", () => {
  it("collects a field repeated many times in linear time", () => {
    const repeated = (n: number) => {
      const f = new FormData();
      for (let i = 0; i < n; i++) f.append("email", "a");
      return f;
    };
    const small = repeated(20_000);
    const large = repeated(80_000);
    let started = performance.now();
    typedValues(small);
    const smallMs = performance.now() - started;
    started = performance.now();
    const values = typedValues(large);
    const largeMs = performance.now() - started;
    expect(values.email).toHaveLength(80_000);
    // Four times the input: about four times the time, where copying lists made it sixteen.
    expect(largeMs).toBeLessThan(Math.max(smallMs * 10, 200));
  });

  it("refuses control characters in any field with a message, and echoes the text without them", () => {
    const result = parseForm(
      schema,
      formData([
        ["email", "a@b.org"],
        ["name", "An\u0000i"],
        ["role", "admin"],
        ["password", "x".repeat(12)],
        ["tags", "ok"],
        ["tags", "b\u001bad"],
      ]),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.name).toEqual({ key: "validation.controlCharacters" });
    expect(result.errors.tags).toEqual({ key: "validation.controlCharacters" });
    expect(result.values.name).toBe("Ani");
    expect(result.values.tags).toEqual(["ok", "bad"]);
  });

  it("keeps tabs and line breaks, which multi-line text has", () => {
    const lines = z.object({ text: z.string() });
    const result = parseForm(lines, formData([["text", "one\r\ntwo\tthree\n"]]));
    expect(result).toEqual({ success: true, data: { text: "one\r\ntwo\tthree\n" } });
  });

  it("takes a field named __proto__ as a field", () => {
    expect(typedValues(formData([["__proto__", "x"]]))).toEqual(JSON.parse('{"__proto__":"x"}'));
  });
});

describe("dates", async () => {
  const { calendarDate, optionalDate } = await import("../../app/lib/form-schema");

  it("are real days between 1900 and 2100", () => {
    for (const good of ["1900-01-01", "2024-02-29", "2100-12-31"])
      expect(calendarDate.safeParse(good).success).toBe(true);
    for (const bad of [
      "0000-01-01",
      "1899-12-31",
      "2101-01-01",
      "9999-12-31",
      "2023-02-29",
      "2024-13-01",
      "+02024-01-01",
    ])
      expect(calendarDate.safeParse(bad).success, bad).toBe(false);
  });

  it("out of range, are a field error with its own message", () => {
    const result = parseForm(z.object({ dueOn: optionalDate }), formData([["dueOn", "0000-01-01"]]));
    expect(!result.success && result.errors.dueOn).toEqual({ key: "validation.dateRange" });
  });
});
