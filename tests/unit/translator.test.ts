import { describe, expect, it } from "vitest";
import { translatorFor } from "../../app/i18n/i18n.server";
import { createTranslator, flatten } from "../../app/i18n/translator";

describe("the translator", () => {
  const strings = flatten({
    greeting: "Hello, {{name}}!",
    nested: { deeper: { key: "found" } },
    overdue_one: "{{count}} overdue commitment",
    overdue_other: "{{count}} overdue commitments",
  });

  it("reads nested keys and fills in values", () => {
    const { t } = createTranslator<string>("en", strings);
    expect(t("nested.deeper.key")).toBe("found");
    expect(t("greeting", { name: "Ulvi" })).toBe("Hello, Ulvi!");
    // A value that is missing leaves its placeholder, so the gap shows instead of vanishing.
    expect(t("greeting", {})).toBe("Hello, {{name}}!");
  });

  it("fills a string it has filled before with the new values, and a default's placeholders too", () => {
    const { t } = createTranslator<string>("en", strings);
    expect(t("greeting", { name: "Ulvi" })).toBe("Hello, Ulvi!");
    expect(t("greeting", { name: "Sari" })).toBe("Hello, Sari!");
    expect(t("nowhere", { defaultValue: "Hi {{ who }}", who: "Nur" })).toBe("Hi Nur");
    expect(t("nowhere", { defaultValue: "Hi {{ who }}" })).toBe("Hi {{ who }}");
  });

  it("chooses the plural form by the language's rules", () => {
    expect(createTranslator<string>("en", strings).t("overdue", { count: 1 })).toBe("1 overdue commitment");
    expect(createTranslator<string>("en", strings).t("overdue", { count: 3 })).toBe("3 overdue commitments");
    const { t } = createTranslator<string>("en", strings);
    expect([1, 2, 1, 1.5, 1001, 1].map((count) => t("overdue", { count }))).toEqual([
      "1 overdue commitment",
      "2 overdue commitments",
      "1 overdue commitment",
      "1.5 overdue commitments",
      "1001 overdue commitments",
      "1 overdue commitment",
    ]);
    // Indonesian has one form for every number.
    expect(createTranslator<string>("id", strings).t("overdue", { count: 1 })).toBe("1 overdue commitments");
  });

  it("answers a missing key with its default, else the key itself", () => {
    const { t } = createTranslator<string>("en", strings);
    expect(t("nowhere", { defaultValue: "fallback" })).toBe("fallback");
    expect(t("nowhere")).toBe("nowhere");
    expect(t("nested.deeper")).toBe("nested.deeper");
  });

  it("speaks both of the app's languages", () => {
    expect(translatorFor("en").t("login.title")).toBe("Sign in");
    expect(translatorFor("id").t("login.title")).toBe("Masuk");
    expect(translatorFor("en").t("agreements.overdueCount", { count: 2, formatted: "2" })).toBe("2 overdue");
  });
});
