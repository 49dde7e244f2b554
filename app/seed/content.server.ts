import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { caseLinkProblems } from "./case-link-references";
import { checkReferences } from "./content-references";
import { visitProblems } from "./visit-references";
import {
  activity,
  agreement,
  caseLink,
  caseStudy,
  country,
  organization,
  partnership,
  person,
  source,
  type Content,
} from "./content-schema";

export type { Content } from "./content-schema";

/*
 * The demo content is kept as YAML under content/, one list per small kind and one file per
 * agreement, activity and case. This module reads it and checks it (content-schema.ts for each
 * record, content-references.ts across them); the rest of app/seed/ writes it.
 */

export const contentDir = path.join(process.cwd(), "content");

function readYaml(file: string): unknown {
  return parse(readFileSync(file, "utf8"));
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${where}: ${z.prettifyError(result.error)}`);
  return result.data;
}

function readList<T>(dir: string, name: string, schema: z.ZodType<T>): T[] {
  const file = path.join(dir, `${name}.yaml`);
  return parseOrThrow(z.array(schema), readYaml(file), path.relative(process.cwd(), file));
}

function readEach<T>(dir: string, name: string, schema: z.ZodType<T>): T[] {
  const folder = path.join(dir, name);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => parseOrThrow(schema, readYaml(path.join(folder, f)), `content/${name}/${f}`));
}

/** Reads content/ and checks that every reference names a record that exists. */
export function loadContent(dir = contentDir): Content {
  const content: Content = {
    countries: readList(dir, "countries", country),
    sources: readList(dir, "sources", source),
    partnerships: readList(dir, "partnerships", partnership),
    organizations: readList(dir, "organizations", organization),
    people: readList(dir, "people", person),
    agreements: readEach(dir, "agreements", agreement),
    activities: readEach(dir, "activities", activity),
    cases: readEach(dir, "cases", caseStudy),
    caseLinks: readList(dir, "case-links", caseLink),
  };
  checkReferences(content);
  const linkProblems = [...caseLinkProblems(content), ...visitProblems(content)];
  if (linkProblems.length) throw new Error("content/ has problems:\n- " + linkProblems.join("\n- "));
  return content;
}
