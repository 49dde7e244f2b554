import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkForm, parseSubmission, reply } from "../../app/forms/submission";
import { blankAsMissing, maxRepeats } from "../../app/lib/forms";
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

describe("parseSubmission and reply", () => {
  it("returns i18n keys for each failing field and gives back what was typed, except passwords", () => {
    const submission = parseSubmission(
      formData([
        ["email", "not-an-email"],
        ["name", "x"],
        ["role", "boss"],
        ["password", "short"],
      ]),
      schema,
    );
    expect(submission.status).toBe("error");
    const refused = reply(submission);
    expect(refused.error).toEqual({
      email: [{ key: "validation.email" }],
      name: [{ key: "validation.tooShort", values: { min: 2 } }],
      role: [{ key: "validation.invalidChoice" }],
      password: [{ key: "validation.tooShort", values: { min: 12 } }],
    });
    expect(refused.initialValue).toEqual({ email: "not-an-email", name: "x", role: "boss" });
  });

  it("words a number's bounds as values and a list's as counts, not as characters", () => {
    const bounded = z.object({
      latitude: z.coerce.number().min(-90).max(90),
      year: z.coerce.number().int().min(1900),
      goals: z.array(z.string()).max(2),
    });
    const high = checkForm(
      bounded,
      formData([
        ["latitude", "123"],
        ["year", "1800"],
        ["goals", "a"],
        ["goals", "b"],
        ["goals", "c"],
      ]),
    );
    expect(!high.success && high.errors).toEqual({
      latitude: { key: "validation.tooLarge", values: { max: 90 } },
      year: { key: "validation.tooSmall", values: { min: 1900 } },
      goals: { key: "validation.tooMany", values: { max: 2 } },
    });
    const low = checkForm(
      bounded,
      formData([
        ["latitude", "-123"],
        ["year", "2000"],
      ]),
    );
    expect(!low.success && low.errors.latitude).toEqual({ key: "validation.tooSmall", values: { min: -90 } });
    const zero = checkForm(z.object({ id: z.coerce.number().int().positive() }), formData([["id", "0"]]));
    expect(!zero.success && zero.errors.id).toEqual({ key: "validation.notAbove", values: { min: 0 } });
  });

  it("treats blank inputs as missing", () => {
    const result = checkForm(
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
    const result = checkForm(
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

  it("adds the model's messages after the schema passed, the form's own under the empty name", () => {
    const submission = parseSubmission(formData([["text", "fine"]]), z.object({ text: z.string() }));
    const refused = reply(submission, { "": [{ key: "users.conflict" }], text: [{ key: "validation.invalid" }] });
    expect(refused.status).toBe("error");
    expect(refused.error).toEqual({ "": [{ key: "users.conflict" }], text: [{ key: "validation.invalid" }] });
    expect(refused.initialValue).toEqual({ text: "fine" });
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
  it("reads only the schema's fields: a form padded with others costs one pass and none comes back", () => {
    const padded = formData([
      ["email", "a@b.org"],
      ["__proto__", "x"],
      ["constructor", "y"],
      ...Array.from({ length: 50_000 }, (_, i): [string, string] => [`f${i}`, "x"]),
    ]);
    const started = performance.now();
    const refused = reply(parseSubmission(padded, schema));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(Object.keys(refused.initialValue ?? {})).toEqual(["email"]);
    expect(refused.fields).toEqual(["email"]);
    expect(Object.getPrototypeOf(refused.initialValue)).toBe(Object.prototype);
  });

  it("reads a field repeated many times in linear time, and no more than the request layer lets through", () => {
    const repeated = (n: number) => formData(Array.from({ length: n }, (): [string, string] => ["tags", "a"]));
    const started = performance.now();
    const submission = parseSubmission(repeated(80_000), schema);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(submission.payload.tags).toHaveLength(maxRepeats);
  });

  it("refuses control characters in any field with a message, and gives the text back without them", () => {
    const submission = parseSubmission(
      formData([
        ["email", "a@b.org"],
        ["name", "An\u0000i"],
        ["role", "admin"],
        ["password", "x".repeat(12)],
        ["tags", "ok"],
        ["tags", "b\u001bad"],
      ]),
      schema,
    );
    expect(submission.status).toBe("error");
    const refused = reply(submission);
    expect(refused.error?.name).toEqual([{ key: "validation.controlCharacters" }]);
    expect(refused.error?.tags).toEqual([{ key: "validation.controlCharacters" }]);
    expect(refused.initialValue).toMatchObject({ name: "Ani", tags: ["ok", "bad"] });
  });

  it("keeps tabs and line breaks, which multi-line text has", () => {
    const lines = z.object({ text: z.string() });
    const result = checkForm(lines, formData([["text", "one\r\ntwo\tthree\n"]]));
    expect(result).toEqual({ success: true, data: { text: "one\r\ntwo\tthree\n" } });
  });

  it("drops a Conform intent that is no JSON instead of failing", () => {
    const submission = parseSubmission(
      formData([
        ["__intent__", "not json"],
        ["text", "x"],
      ]),
      z.object({ text: z.string() }),
    );
    expect(submission.status).toBe("success");
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
    const result = checkForm(z.object({ dueOn: optionalDate }), formData([["dueOn", "0000-01-01"]]));
    expect(!result.success && result.errors.dueOn).toEqual({ key: "validation.dateRange" });
  });
});
