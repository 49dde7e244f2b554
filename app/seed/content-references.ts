import type { Content } from "./content-schema";

/** Every slug content/ refers to names a record of content/, and no slug is defined twice. */
export function checkReferences(c: Content) {
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
    for (const x of p.positions) {
      orgRef(x.organization, `person ${p.slug}`);
      if (x.starts_on && x.ends_on && x.ends_on < x.starts_on)
        problems.push(`person ${p.slug}: a position ends before it starts`);
    }
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
    orgRef(k.contact, `case ${k.slug}`);
    k.sources.forEach((x) => sourceRef(x, `case ${k.slug}`));
    // A result or an award stands on a source the case cites.
    for (const x of [...k.results, ...k.awards]) {
      if (!k.sources.includes(x.source)) problems.push(`case ${k.slug}: "${x.source}" is not among its sources`);
    }
  }
  if (problems.length) throw new Error("content/ has problems:\n- " + problems.join("\n- "));
}
