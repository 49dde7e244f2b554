/**
 * A page shows a pack's strings only if its route names the pack (app/i18n/packs.ts, decision 19):
 * the browser would otherwise show the key after hydrating. Read from the code: every module a
 * route's component reaches, and the keys those modules pass to `t`. The layouts (root, staff)
 * may use core strings only.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packNamespaces, type StringPack } from "../../app/i18n/packs";
import { declaredPacks } from "../support/route-packs";

const app = path.resolve(import.meta.dirname, "../../app");
const packOfNamespace = new Map<string, StringPack>(
  Object.entries(packNamespaces).flatMap(([pack, names]) => names.map((n) => [n, pack as StringPack])),
);

/** The app modules a module imports, browser-side ones only (a *.server module never renders). */
function imports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)]
    .map((m) => path.resolve(path.dirname(file), m[1]!))
    .flatMap((base) => [`${base}.tsx`, `${base}.ts`].filter((f) => existsSync(f)).slice(0, 1))
    .filter((f) => !/\.server\.tsx?$/.test(f) && f.startsWith(app) && !f.includes(`${path.sep}i18n${path.sep}locales`));
}

function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...imports(file));
  }
  return seen;
}

/** The packs whose keys a module names: `t("caseEditor.…")`, `t(\`enquiries.…\`)`. */
function packsUsed(file: string): Set<StringPack> {
  const source = readFileSync(file, "utf8");
  const used = new Set<StringPack>();
  for (const m of source.matchAll(/\bt\(\s*["`]([a-zA-Z]+)\./g)) {
    const pack = packOfNamespace.get(m[1]!);
    if (pack) used.add(pack);
  }
  return used;
}

describe("string packs", () => {
  it("are named by every route whose page shows them, and by no layout", () => {
    const problems: string[] = [];
    const routes = readdirSync(path.join(app, "routes")).filter((f) => f.endsWith(".tsx"));
    for (const name of [...routes.map((r) => `routes/${r}`), "root.tsx", "routes/staff.tsx"]) {
      const file = path.join(app, name);
      const source = readFileSync(file, "utf8");
      const declared = new Set(declaredPacks(source));
      const layout = name === "root.tsx" || name === "routes/staff.tsx";
      for (const module of reached(file)) {
        for (const pack of packsUsed(module)) {
          if (layout || !declared.has(pack))
            problems.push(`${name} shows ${pack} strings (${path.relative(app, module)})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
