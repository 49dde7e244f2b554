import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import {
  activityModes,
  activityStatuses,
  activityTypes,
  agreementKinds,
  agreementStatuses,
  caseStatuses,
  commitmentStatuses,
  organizationKinds,
} from "./enums";

/**
 * The demo content is kept as YAML under content/, one list per small kind and one file per
 * agreement, activity and case. This module reads and validates it; app/seed/ writes it.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugs are lower-case words joined by -");
const text = z.object({ en: z.string().min(1), id: z.string().min(1) }).strict();
const isoDate = z.iso.date();
const cites = z.array(slug).min(1, "every record cites at least one source");

const country = z.object({ code: z.string().regex(/^[A-Z]{2}$/), name: text, time_zone: z.string() }).strict();

/** A news article or press release (dated), or a web page such as a database entry. */
export const sourceKinds = ["article", "web_page"] as const;
/** A day, or only the year where that is all that is known. */
const publicationDate = z.union([isoDate, z.string().regex(/^\d{4}$/, "a date (YYYY-MM-DD) or a year (YYYY)")]);
export const maxQuoteLength = 300;

const source = z
  .object({
    slug,
    kind: z.enum(sourceKinds),
    publisher: z.string().min(1),
    /** The original headline, verbatim and in the source's language. */
    headline: z.string().min(1).optional(),
    /** Where there is no headline: what the source reports, in English, marked as ours. */
    descriptive_title: z.string().min(1).optional(),
    language: z.enum(["en", "id"]),
    published_on: publicationDate.optional(),
    url: z.url().optional(),
    /** A sentence or two from the source, verbatim and in its language. */
    quote: z.string().min(1).max(maxQuoteLength).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.headline === !s.descriptive_title) {
      ctx.addIssue({
        code: "custom",
        path: ["headline"],
        message: "a source has either its original headline or a descriptive title, not both or neither",
      });
    }
    if (!s.quote && !s.url) {
      ctx.addIssue({ code: "custom", path: ["quote"], message: "a source without a URL needs a quote" });
    }
    if (s.kind === "article" && !s.published_on) {
      ctx.addIssue({ code: "custom", path: ["published_on"], message: "an article needs its publication date" });
    }
  });

const figure = z
  .object({ slug, value: z.string().min(1), label: text, as_of: isoDate.optional(), source: slug })
  .strict();

const partnership = z
  .object({
    slug,
    name: text,
    summary: text,
    started_on: isoDate.optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(2),
    figures: z.array(figure).default([]),
    sources: cites,
  })
  .strict();

const organization = z
  .object({
    slug,
    name: text,
    acronym: z.string().optional(),
    kind: z.enum(organizationKinds),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    sources: cites,
  })
  .strict();

const person = z
  .object({ slug, name: z.string().min(1), title: text.optional(), organization: slug.optional(), sources: cites })
  .strict();

const commitment = z
  .object({
    slug,
    text,
    area: z.string().min(1),
    responsible: slug.optional(),
    status: z.enum(commitmentStatuses).default("not_started"),
    due_on: isoDate.optional(),
    sources: cites,
  })
  .strict();

const agreement = z
  .object({
    slug,
    partnership: slug,
    kind: z.enum(agreementKinds),
    title: text,
    summary: text,
    signed_on: isoDate.optional(),
    signed_city: z.string().optional(),
    in_force_from: isoDate.optional(),
    in_force_until: isoDate.optional(),
    status: z.enum(agreementStatuses),
    parent: slug.optional(),
    signatories: z.array(slug).default([]),
    commitments: z.array(commitment).default([]),
    sources: cites,
  })
  .strict();

const activity = z
  .object({
    slug,
    agreement: slug.optional(),
    type: z.enum(activityTypes),
    title: text,
    description: text.optional(),
    /** A date (all-day, as reported) or an ISO instant with its offset. */
    starts: z.union([isoDate, z.iso.datetime({ offset: true })]),
    ends: z.union([isoDate, z.iso.datetime({ offset: true })]).optional(),
    city: z.string().optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    mode: z.enum(activityModes).default("in_person"),
    status: z.enum(activityStatuses),
    organizers: z.array(slug).default([]),
    participants: z.array(slug).default([]),
    commitments: z.array(slug).default([]),
    sources: cites,
  })
  .strict();

const caseStudy = z
  .object({
    slug,
    title: text,
    country: z.string().regex(/^[A-Z]{2}$/),
    organization: slug.optional(),
    sector: z.string().min(1),
    summary: text,
    lessons: z.array(text).default([]),
    status: z.enum(caseStatuses),
    sources: cites,
  })
  .strict();

export type Content = {
  countries: z.infer<typeof country>[];
  sources: z.infer<typeof source>[];
  partnerships: z.infer<typeof partnership>[];
  organizations: z.infer<typeof organization>[];
  people: z.infer<typeof person>[];
  agreements: z.infer<typeof agreement>[];
  activities: z.infer<typeof activity>[];
  cases: z.infer<typeof caseStudy>[];
};

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
  };
  checkReferences(content);
  return content;
}

function checkReferences(c: Content) {
  const problems: string[] = [];
  const known = (kind: string, values: Iterable<string>) => {
    const set = new Set(values);
    return (ref: string | undefined, where: string) => {
      if (ref !== undefined && !set.has(ref)) problems.push(`${where}: unknown ${kind} "${ref}"`);
    };
  };
  const countryRef = known(
    "country",
    c.countries.map((x) => x.code),
  );
  const sourceRef = known(
    "source",
    c.sources.map((x) => x.slug),
  );
  const orgRef = known(
    "organization",
    c.organizations.map((x) => x.slug),
  );
  const personRef = known(
    "person",
    c.people.map((x) => x.slug),
  );
  const partnershipRef = known(
    "partnership",
    c.partnerships.map((x) => x.slug),
  );
  const agreementRef = known(
    "agreement",
    c.agreements.map((x) => x.slug),
  );
  const commitmentRef = known(
    "commitment",
    c.agreements.flatMap((a) => a.commitments.map((x) => x.slug)),
  );

  const slugs = new Map<string, string>();
  const unique = (kind: string, s: string) => {
    const key = `${kind}:${s}`;
    if (slugs.has(key)) problems.push(`${kind} "${s}" is defined twice`);
    slugs.set(key, s);
  };

  for (const s of c.sources) unique("source", s.slug);
  for (const p of c.partnerships) {
    unique("partnership", p.slug);
    p.countries.forEach((x) => countryRef(x, `partnership ${p.slug}`));
    p.sources.forEach((x) => sourceRef(x, `partnership ${p.slug}`));
    p.figures.forEach((f) => sourceRef(f.source, `figure ${f.slug}`));
  }
  for (const o of c.organizations) {
    unique("organization", o.slug);
    countryRef(o.country, `organization ${o.slug}`);
    o.sources.forEach((x) => sourceRef(x, `organization ${o.slug}`));
  }
  for (const p of c.people) {
    unique("person", p.slug);
    orgRef(p.organization, `person ${p.slug}`);
    p.sources.forEach((x) => sourceRef(x, `person ${p.slug}`));
  }
  for (const a of c.agreements) {
    unique("agreement", a.slug);
    partnershipRef(a.partnership, `agreement ${a.slug}`);
    agreementRef(a.parent, `agreement ${a.slug}`);
    a.signatories.forEach((x) => personRef(x, `agreement ${a.slug}`));
    a.sources.forEach((x) => sourceRef(x, `agreement ${a.slug}`));
    for (const m of a.commitments) {
      unique("commitment", m.slug);
      orgRef(m.responsible, `commitment ${m.slug}`);
      m.sources.forEach((x) => sourceRef(x, `commitment ${m.slug}`));
    }
  }
  for (const a of c.activities) {
    unique("activity", a.slug);
    agreementRef(a.agreement, `activity ${a.slug}`);
    countryRef(a.country, `activity ${a.slug}`);
    a.organizers.forEach((x) => orgRef(x, `activity ${a.slug}`));
    a.participants.forEach((x) => personRef(x, `activity ${a.slug}`));
    a.commitments.forEach((x) => commitmentRef(x, `activity ${a.slug}`));
    a.sources.forEach((x) => sourceRef(x, `activity ${a.slug}`));
    if (a.ends && a.ends < a.starts) problems.push(`activity ${a.slug}: ends before it starts`);
  }
  for (const k of c.cases) {
    unique("case", k.slug);
    countryRef(k.country, `case ${k.slug}`);
    orgRef(k.organization, `case ${k.slug}`);
    k.sources.forEach((x) => sourceRef(x, `case ${k.slug}`));
  }
  if (problems.length) throw new Error("content/ has problems:\n- " + problems.join("\n- "));
}
