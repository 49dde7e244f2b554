import { describe, expect, it } from "vitest";
import { languageFromHeader } from "../../app/i18n/i18n.server";

describe("the reader's language from Accept-Language", () => {
  it("takes the most preferred supported language", () => {
    expect(languageFromHeader("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("id");
    expect(languageFromHeader("en-GB,en;q=0.9,id;q=0.8")).toBe("en");
    expect(languageFromHeader("az-AZ,az;q=0.9,en;q=0.5,id;q=0.7")).toBe("az");
    expect(languageFromHeader("ru,az;q=0.9,en;q=0.5")).toBe("az");
    expect(languageFromHeader("fr;q=0.2, ID ; q=0.4")).toBe("id");
  });

  it("ignores what it does not support or cannot read", () => {
    expect(languageFromHeader("tr,ru;q=0.8")).toBeNull();
    expect(languageFromHeader("id;q=0,en;q=0.1")).toBe("en");
    expect(languageFromHeader("*")).toBeNull();
    expect(languageFromHeader("")).toBeNull();
    expect(languageFromHeader(null)).toBeNull();
  });
});
