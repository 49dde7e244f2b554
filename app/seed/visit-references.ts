import { canonicalTimeZone } from "../lib/format";
import type { Content } from "./content-schema";

/**
 * The problems of content/'s visit blocks: one only on an activity of type visit, a host and
 * members that exist, a real IANA zone, a person listed once and one head a side (the delegation
 * model's own rules, so the seed is not refused halfway).
 */
export function visitProblems(c: Content): string[] {
  const problems: string[] = [];
  const organizations = new Set(c.organizations.map((o) => o.slug));
  const people = new Set(c.people.map((p) => p.slug));
  for (const a of c.activities) {
    const v = a.visit;
    if (!v) continue;
    const where = `activity ${a.slug}: visit`;
    if (a.type !== "visit") problems.push(`${where}: only an activity of type visit has one`);
    if (v.host !== undefined && !organizations.has(v.host)) problems.push(`${where}: unknown organization "${v.host}"`);
    if (canonicalTimeZone(v.time_zone) !== v.time_zone) problems.push(`${where}: "${v.time_zone}" is no IANA zone`);
    const listed = new Set<string>();
    const heads = new Set<string>();
    for (const m of v.delegation) {
      if (!people.has(m.person)) problems.push(`${where}: unknown person "${m.person}"`);
      if (listed.has(m.person)) problems.push(`${where}: "${m.person}" is listed twice`);
      listed.add(m.person);
      if (m.role === "head" && heads.has(m.side)) problems.push(`${where}: two heads of the ${m.side} side`);
      if (m.role === "head") heads.add(m.side);
    }
  }
  return problems;
}
