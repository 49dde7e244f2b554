import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { supportedLanguages } from "../../app/i18n/config";
import { packNamespaces } from "../../app/i18n/packs";
import { readClientBuild, type ClientBuild } from "../support/client-build";
import { declaredPacks } from "../support/route-packs";

// Reads build/client (npm test builds before this stage). What a visitor's page loads, no app
// script at all, is checked in a browser: tests/e2e/visitor-pages.spec.ts.
const root = path.resolve(import.meta.dirname, "../..");
let build: ClientBuild;
beforeAll(() => {
  build = readClientBuild(root);
});

const serverOnly = [
  /(^|\/)db\//,
  /\.server\.tsx?$/,
  /^node_modules\/(drizzle-orm|postgres|@electric-sql)\//,
  /^node_modules\/@lexical\/headless\//,
];

/** Pages that show records without editing them: they must never pull in the editor. */
const readingPages = [
  "routes/home",
  "routes/library",
  "routes/library.$slug",
  "routes/login",
  "routes/dashboard",
  "routes/activities",
  "routes/activities.$id",
  "routes/agreements",
  "routes/agreements.$id",
  "routes/commitments.$id",
];
/**
 * What a signed-in person's first load of such a page may cost: React and React Router are ~110 KB,
 * and React Router's route manifest, every route's entry loaded once (decision 25), 4.7 KB.
 */
const appBudget = 145 * 1024;
/**
 * Two pages are over that budget, by stated allowances that are not met targets (the issues'
 * notes), each the most a language costs (Azerbaijani's strings are the longest; English is about
 * 1.5 KB less): the public case page for a signed-in person (visitors load no script), which carries
 * the visitors' request form (Conform) and the library's strings, 148.7 KB (0.6 KB of it since the
 * allowance was first set: the search's new strings, and the list of activities a case was shared
 * in, a chunk of its own now that the staff's case page shows it too); and the commitment page,
 * with its tracking forms, 149.6 KB (the outside assessor and the language mark added 0.9 KB, the
 * core strings' messages for a number's and a list's bounds 0.4 KB).
 * Their strings are already only core and their own packs; what is over is code.
 */
const budgets: Record<string, number> = {
  "routes/library.$slug": 149 * 1024,
  "routes/commitments.$id": 150 * 1024,
};

/** A page's files, its language's core strings and the packs it declares. */
const loads = (route: string, lang: string) => [
  ...build.pageFiles(route),
  build.fileOf(`app/i18n/locales/${lang}-core.ts`)!,
  ...declaredPacks(readFileSync(path.join(root, "app", `${route}.tsx`), "utf8")).map((pack) =>
    build.fileOf(`app/i18n/locales/${lang}-${pack}.ts`)!,
  ),
];

describe("the browser build", () => {
  it("holds no server code: no database layer, no driver, no *.server module", () => {
    const leaks = build.files.flatMap((file) =>
      build
        .sources(file)
        .filter((s) => serverOnly.some((p) => p.test(s)))
        .map((s) => `${file}: ${s}`),
    );
    expect(leaks).toEqual([]);
    // The same, read from the code itself, in case a module arrives without a source map entry.
    const markers = [/drizzle:entityKind/, /postgres\.js/i, /pglite/i];
    expect(build.files.filter((file) => markers.some((m) => m.test(build.text(file))))).toEqual([]);
  });

  it("sees every module through the source maps", () => {
    expect(build.files.length).toBeGreaterThan(10);
    expect(build.fileOf("app/entry.client.tsx")).toBeDefined();
    // The check above would see a leak: server modules are named the way it looks for them.
    expect(build.fileOf("app/root.tsx")).toBeDefined();
  });

  it("keeps each language's strings in chunks of their own (core, and each pack), out of what every page loads", () => {
    const parts = ["core", ...Object.keys(packNamespaces)];
    const chunks = supportedLanguages.flatMap((lang) =>
      parts.map((part) => ({ lang, part, file: build.fileOf(`app/i18n/locales/${lang}-${part}.ts`) })),
    );
    expect(new Set(chunks.map((c) => c.file)).size).toBe(chunks.length);
    for (const { lang, part, file } of chunks) {
      const locales = build.sources(file!).filter((s) => /^app\/i18n\/locales\//.test(s));
      expect(
        locales.every((s) => s === `app/i18n/locales/${lang}-${part}.ts` || s.startsWith(`app/i18n/locales/${lang}/`)),
      ).toBe(true);
    }
    // A pack's namespaces are in its chunk only.
    const libraryFiles = build.sources(build.fileOf("app/i18n/locales/en-cases.ts")!);
    expect(libraryFiles).toContain("app/i18n/locales/en/case-editor.ts");
    expect(build.sources(build.fileOf("app/i18n/locales/en-core.ts")!)).not.toContain(
      "app/i18n/locales/en/case-editor.ts",
    );
    for (const route of readingPages) {
      const sources = build.pageFiles(route).flatMap((f) => build.sources(f));
      expect(
        sources.filter((s) => s.startsWith("app/i18n/locales/")),
        route,
      ).toEqual([]);
    }
  });

  it("never loads the Lexical editor on a page that only reads", () => {
    for (const route of readingPages) {
      const sources = build.pageFiles(route).flatMap((f) => build.sources(f));
      expect(
        sources.filter((s) => s.startsWith("node_modules/lexical/") || s.startsWith("node_modules/@lexical/")),
        route,
      ).toEqual([]);
    }
  });

  it(`keeps a signed-in person's first load of a reading page under ${appBudget / 1024} KB (gzip)`, () => {
    for (const route of readingPages) {
      for (const lang of supportedLanguages) {
        const total = loads(route, lang).reduce((sum, f) => sum + build.gzipSize(f), 0);
        expect(total, `${route} (${lang}) loads ${(total / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(
          budgets[route] ?? appBudget,
        );
      }
    }
  });
});
