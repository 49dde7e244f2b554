// The forms edit English and Indonesian only: a save keeps the Azerbaijani text a record already had.
import { describe, expect, it } from "vitest";
import { keepingAzerbaijani } from "../../app/models/versioned.server";

describe("keepingAzerbaijani", () => {
  const before = {
    name: { en: "ASAN Service", id: "Layanan ASAN", az: "ASAN Xidmət" },
    lessons: { en: { json: {}, html: "<p>x</p>", text: "x" }, az: { json: {}, html: "<p>y</p>", text: "y" } },
    city: "Baku",
  };

  it("carries each text's az over when the change has none", () => {
    const saved = keepingAzerbaijani(before, {
      name: { en: "ASAN Service centres" },
      lessons: { en: { json: {}, html: "<p>z</p>", text: "z" } },
      city: "Ganja",
    });
    expect(saved).toEqual({
      name: { en: "ASAN Service centres", az: "ASAN Xidmət" },
      lessons: { en: { json: {}, html: "<p>z</p>", text: "z" }, az: before.lessons.az },
      city: "Ganja",
    });
  });

  it("leaves alone an az the change gives, a text the record had no az for, and whatever is not a text", () => {
    const at = new Date("2031-06-10T00:00:00Z");
    expect(
      keepingAzerbaijani(
        { ...before, title: { en: "Old" }, startsAt: at },
        { name: { en: "New", az: "Yeni" }, title: { en: "New" }, startsAt: at },
      ),
    ).toEqual({ name: { en: "New", az: "Yeni" }, title: { en: "New" }, startsAt: at });
  });
});
