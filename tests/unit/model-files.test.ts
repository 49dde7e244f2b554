import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Models hold data access and domain rules in small files, one job each (issue 9). A model file
// past this length has taken on a second job: split it by job rather than raise the limit.
const maxLines = 300;
const models = path.resolve(import.meta.dirname, "../../app/models");

it(`keeps every file in app/models under ${maxLines} lines`, () => {
  const files = readdirSync(models).filter((f) => /\.tsx?$/.test(f));
  expect(files.length, "model files found").toBeGreaterThan(10);
  const lines = (file: string) => readFileSync(path.join(models, file), "utf8").trimEnd().split("\n").length;
  const long = files.map((file) => ({ file, lines: lines(file) })).filter((f) => f.lines > maxLines);
  expect(long).toEqual([]);
});
