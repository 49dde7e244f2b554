import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../app/i18n/i18n.server";
import type { KeysUnder, TranslationKey } from "../../app/i18n/keys";
import { en } from "../../app/i18n/locales/en";
import { id } from "../../app/i18n/locales/id";
import { az } from "../../app/i18n/locales/az";
import { supportedLanguages } from "../../app/i18n/config";
import { packOfKey } from "../../app/i18n/packs";
import { flatten, type Messages } from "../../app/i18n/translator";
import { mailEn } from "../../app/mail/strings/en";
import { mailId } from "../../app/mail/strings/id";
import { mailAz } from "../../app/mail/strings/az";

const keysOf = (messages: Messages) => new Set(flatten(messages).keys());

/** Each key one language has and another lacks, named with its pack: "az lacks visits: visitLinks.stop". */
function differences(languages: Record<string, Messages>, packOf: (key: string) => string): string[] {
  const [first, ...others] = Object.entries(languages);
  const [base, baseMessages] = first!;
  const baseKeys = keysOf(baseMessages);
  return others.flatMap(([lang, messages]) => {
    const keys = keysOf(messages);
    return [
      ...[...baseKeys].filter((k) => !keys.has(k)).map((k) => `${lang} lacks ${packOf(k)}: ${k}`),
      ...[...keys].filter((k) => !baseKeys.has(k)).map((k) => `${lang} has ${packOf(k)}: ${k}, which ${base} lacks`),
    ];
  });
}

describe("translation keys", () => {
  it("are the same in every language, pack by pack", () => {
    // SameKeys holds this at compile time; this holds it for whatever slips past a type (a spread,
    // a module's extra key), and names each key that is missing.
    expect(differences({ en, id, az }, (key) => packOfKey(key) ?? "core")).toEqual([]);
  });

  it("of the emails are the same in every language", () => {
    expect(differences({ en: mailEn, id: mailId, az: mailAz }, () => "emails")).toEqual([]);
  });

  it("cover every supported language", () => {
    expect([...supportedLanguages].sort()).toEqual(["az", "en", "id"]);
  });

  it("fail the typecheck when misspelt or missing (npm run typecheck covers this file)", () => {
    const { t } = translatorFor("en");
    expect(t("login.title")).toBe("Sign in");
    // @ts-expect-error: no such key
    expect(t("login.titel")).toBe("login.titel");
    // @ts-expect-error: a namespace is no string
    expect(t("login")).toBe("login");
    // @ts-expect-error: a plural form is asked for by its stem, with a count
    expect(t("agreements.overdueCount_one")).toBe("{{formatted}} overdue");
    expect(t("agreements.overdueCount", { count: 1000, formatted: "1,000" })).toBe("1,000 overdue");
    // A key made from a value list's values is checked through its type…
    const role: KeysUnder<"roles"> = "editor";
    expect(t(`roles.${role}`)).toBe("Editor");
    const unknownRole: string = "owner";
    // @ts-expect-error: …and one made from any string is not,
    expect(t(`roles.${unknownRole}`)).toBe("roles.owner");
    // …unless it says what to show when there is no such key.
    expect(t(`roles.${unknownRole}`, { defaultValue: unknownRole })).toBe("owner");
    const key: TranslationKey = "form.cancel";
    expect(t(key)).toBe("Cancel");
  });

  it("named by the form schemas as their messages exist (zod carries them as plain strings)", () => {
    const known = new Set(flatten(en).keys());
    const named = sourceFiles("app").flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const found = [
        ...text.matchAll(/message:\s*"([a-z]+\.[a-zA-Z.]+)"/g),
        ...text.matchAll(/\.refine\([^"]*?"([a-z]+\.[a-zA-Z.]+)"/g),
      ];
      return found.map((match) => ({ file, key: match[1]! }));
    });
    // The schemas do name their own messages: if none are found, the patterns above are out of date.
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter(({ key }) => !known.has(key))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
