import { z } from "zod";
import {
  activityModes,
  activityStatuses,
  activityTypes,
  agreementKinds,
  adminLevels,
  agreementStatuses,
  awardKeys,
  caseSectors,
  caseLinkStatuses,
  datePrecisions,
  organizationKinds,
  delegationRoles,
  visitDirections,
  visitSides,
} from "../lib/enums";

// What each file of content/ may hold: one schema per kind of record, checked as it is read.

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugs are lower-case words joined by -");
// English and Indonesian always; Azerbaijani only where a source gives the text (a name as written in
// Azerbaijan): elsewhere an Azerbaijani reader sees the English, marked as such.
const text = z.object({ en: z.string().min(1), id: z.string().min(1), az: z.string().min(1).optional() }).strict();
const isoDate = z.iso.date();
const cites = z.array(slug).min(1, "every record cites at least one source");

export const country = z.object({ code: z.string().regex(/^[A-Z]{2}$/), name: text, time_zone: z.string() }).strict();

/** A news article or press release (dated), or a web page such as a database entry. */
export const sourceKinds = ["article", "web_page"] as const;
/** A day, or only the year where that is all that is known. */
const publicationDate = z.union([isoDate, z.string().regex(/^\d{4}$/, "a date (YYYY-MM-DD) or a year (YYYY)")]);
export const maxQuoteLength = 300;

export const source = z
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

export const partnership = z
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

export const organization = z
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

/**
 * What a person held, and when: each date as precise as the person's sources state it, left out
 * where they do not (an open start or end: not known to have started or ended).
 */
const position = z
  .object({ title: text, organization: slug.optional(), starts_on: isoDate.optional(), ends_on: isoDate.optional() })
  .strict();

export const person = z
  .object({
    slug,
    name: z.string().min(1),
    organization: slug.optional(),
    positions: z.array(position).default([]),
    sources: cites,
  })
  .strict();

const commitment = z
  .object({
    slug,
    text,
    area: z.string().min(1),
    responsible: slug.optional(),
    // No status: a seeded commitment is not assessed (no source reports progress on any), and a
    // rating would need an assessment with a source that states it.
    due_on: isoDate.optional(),
    sources: cites,
  })
  .strict();

export const agreement = z
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
    /** No source gives the end date: it was worked out (say how in the summary). */
    in_force_until_inferred: z.boolean().default(false),
    status: z.enum(agreementStatuses),
    parent: slug.optional(),
    signatories: z.array(slug).default([]),
    commitments: z.array(commitment).default([]),
    sources: cites,
  })
  .strict();

/** A person of a visit: which side they are on and their part, as the visit's sources state them. */
const visitMember = z.object({ person: slug, side: z.enum(visitSides), role: z.enum(delegationRoles) }).strict();

/**
 * What an activity of type visit adds, only as its sources state it: the direction seen from
 * KemenPANRB, the host, the cities, the place's IANA zone, the objectives and who went and received.
 */
const activityVisit = z
  .object({
    direction: z.enum(visitDirections),
    host: slug.optional(),
    cities: z.array(z.string().min(1)).default([]),
    time_zone: z.string().min(1),
    objectives: text.optional(),
    delegation: z.array(visitMember).default([]),
  })
  .strict();

export const activity = z
  .object({
    slug,
    agreement: slug.optional(),
    type: z.enum(activityTypes),
    title: text,
    description: text.optional(),
    /** A date (all-day, as reported) or an ISO instant with its offset. */
    starts: z.union([isoDate, z.iso.datetime({ offset: true })]),
    ends: z.union([isoDate, z.iso.datetime({ offset: true })]).optional(),
    /**
     * How much of the date the sources give: a month or year is written as its first day
     * (2017-09-01) and stored as the whole period. Approximate: the sources give it only roughly
     * or it is inferred from them (shown "c. Sept 2017").
     */
    date_precision: z.enum(datePrecisions).default("day"),
    date_approximate: z.boolean().default(false),
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
    visit: activityVisit.optional(),
    sources: cites,
  })
  .strict();

const year = z.number().int().min(1900).max(2100);

/** A result: a figure with its unit, as of a date as precise as the source, on that source's word. */
const caseResult = z
  .object({
    label: text,
    value: z.string().min(1),
    unit: text.optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD"),
    source: slug,
  })
  .strict();

const caseAward = z
  .object({ key: z.enum(awardKeys), title: text, year, category: text.optional(), source: slug })
  .strict();

/**
 * A library case. Staff edit cases in the app (/cases); the seed writes these through the same
 * model functions and publishes those marked published, leaving alone any case staff changed.
 * `lessons` and `narrative` are paragraphs, stored as rich text.
 */
export const caseStudy = z
  .object({
    slug,
    title: text,
    summary: text,
    problem: text.optional(),
    solution: text.optional(),
    innovation: text.optional(),
    results: z.array(caseResult).default([]),
    organization: slug.optional(),
    admin_level: z.enum(adminLevels).optional(),
    country: z.string().regex(/^[A-Z]{2}$/),
    place: text.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    started: year.optional(),
    stopped: year.optional(),
    sector: z.enum(caseSectors),
    sdg_goals: z.array(z.number().int().min(1).max(17)).default([]),
    sdg_targets: z.array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/)).default([]),
    awards: z.array(caseAward).default([]),
    contact: slug.optional(),
    lessons: z.array(text).default([]),
    narrative: z.array(text).default([]),
    status: z.enum(["draft", "published"]),
    sources: cites,
  })
  .strict();

/** A replication link (content/case-links.yaml): `to` took its idea from `from`, at a place and in a year. */
export const caseLink = z
  .object({
    from: slug,
    to: slug,
    place: text.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    status: z.enum(caseLinkStatuses),
    note: text.optional(),
    source: slug,
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
  caseLinks: z.infer<typeof caseLink>[];
};
