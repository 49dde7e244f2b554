import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as t from "../../db/schema";
import type { Database } from "../../db/client";
import { recordAudit } from "../models/audit.server";
import { loadContent, type Content } from "./content.server";
import { hashPassword } from "./password.server";

interface SeedStats {
  created: number;
  updated: number;
  unchanged: number;
}

export const demoPassword = "jembatan-demo";
/** Each works for an organization of content/ (by slug), which makes them staff of one side. */
export const demoAccounts = [
  {
    email: "admin@example.org",
    name: "Demo Admin",
    role: "admin",
    timeZone: "Asia/Jakarta",
    organization: "kemenpanrb",
  },
  {
    email: "editor@example.org",
    name: "Demo Editor",
    role: "editor",
    timeZone: "Asia/Jakarta",
    organization: "kemenpanrb",
  },
  {
    email: "viewer@example.org",
    name: "Demo Viewer",
    role: "viewer",
    timeZone: "Asia/Baku",
    organization: "azerbaijan-state-agency-public-service-social-innovations",
  },
] as const;

const seededKey = "content_seeded_at";
export const demoModeKey = "demo_mode";

/** JSON with sorted keys and ISO dates: how the seed decides whether a stored row already matches. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v === undefined ? null : v;
  });
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}

/** Parses a content date or instant; a bare date is midnight UTC of that day (an all-day event). */
function instant(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
}

class Seeder {
  stats: SeedStats = { created: 0, updated: 0, unchanged: 0 };
  constructor(private tx: Database) {}

  /** Inserts the record or brings it in line with content/, writing an audit row for either. */
  async upsert(
    table: PgTable & { id: PgColumn; slug: PgColumn },
    entityType: string,
    slug: string,
    values: Record<string, unknown>,
  ): Promise<number> {
    const tx = this.tx;
    const [existing] = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.slug, slug))) as Record<string, unknown>[];
    const keys = Object.keys(values);
    if (!existing) {
      const [row] = (await tx
        .insert(table)
        .values({ slug, ...values } as never)
        .returning()) as Record<string, unknown>[];
      await recordAudit(tx, {
        actor: { label: "seed" },
        action: "create",
        entityType,
        entityId: row!.id as number,
        after: pick(row!, ["slug", ...keys]),
      });
      this.stats.created++;
      return row!.id as number;
    }
    const before = pick(existing, keys);
    if (canonical(before) === canonical(pick(values, keys))) {
      this.stats.unchanged++;
      return existing.id as number;
    }
    const hasVersion = "version" in existing;
    await tx
      .update(table)
      .set({
        ...values,
        ...(hasVersion ? { version: (existing.version as number) + 1, updatedAt: new Date() } : {}),
      } as never)
      .where(eq(table.id, existing.id as number));
    await recordAudit(tx, {
      actor: { label: "seed" },
      action: "update",
      entityType,
      entityId: existing.id as number,
      before,
      after: pick(values, keys),
    });
    this.stats.updated++;
    return existing.id as number;
  }

  /** Makes a link table hold exactly `wanted` for one owner, recording the change if there is one. */
  async links<Row extends Record<string, unknown>>(
    table: PgTable,
    owner: SQL,
    ownerType: string,
    ownerId: number,
    current: Row[],
    wanted: Row[],
  ) {
    if (canonical(sortRows(current)) === canonical(sortRows(wanted))) return;
    await this.tx.delete(table).where(owner);
    if (wanted.length) await this.tx.insert(table).values(wanted as never);
    await recordAudit(this.tx, {
      actor: { label: "seed" },
      action: "link",
      entityType: ownerType,
      entityId: ownerId,
      before: current,
      after: wanted,
    });
    this.stats[current.length ? "updated" : "created"]++;
  }
}

function sortRows<Row>(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => canonical(a).localeCompare(canonical(b)));
}

export async function seedContent(db: Database, options: { demo: boolean; content?: Content }): Promise<SeedStats> {
  const content = options.content ?? loadContent();
  // Hash outside the transaction: scrypt is slow on purpose.
  const demoHash = options.demo ? await hashPassword(demoPassword) : null;

  return db.transaction(async (tx) => {
    const s = new Seeder(tx);
    const ids = {
      source: new Map<string, number>(),
      partnership: new Map<string, number>(),
      organization: new Map<string, number>(),
      person: new Map<string, number>(),
      agreement: new Map<string, number>(),
      commitment: new Map<string, number>(),
    };

    const cite = async (kind: t.CitableKind, id: number, slugs: string[]) => {
      const current = await tx
        .select({
          sourceId: t.citations.sourceId,
          subjectKind: t.citations.subjectKind,
          subjectId: t.citations.subjectId,
        })
        .from(t.citations)
        .where(and(eq(t.citations.subjectKind, kind), eq(t.citations.subjectId, id)));
      const wanted = slugs.map((slug) => ({ sourceId: ids.source.get(slug)!, subjectKind: kind, subjectId: id }));
      await s.links(
        t.citations,
        and(eq(t.citations.subjectKind, kind), eq(t.citations.subjectId, id))!,
        `${kind}_citations`,
        id,
        current,
        wanted,
      );
    };

    for (const c of content.countries) {
      const [existing] = await tx.select().from(t.countries).where(eq(t.countries.code, c.code));
      const values = { code: c.code, name: c.name, timeZone: c.time_zone };
      if (existing && canonical(existing) === canonical(values)) {
        s.stats.unchanged++;
        continue;
      }
      await tx
        .insert(t.countries)
        .values(values)
        .onConflictDoUpdate({ target: t.countries.code, set: { name: c.name, timeZone: c.time_zone } });
      await recordAudit(tx, {
        actor: { label: "seed" },
        action: existing ? "update" : "create",
        entityType: "country",
        entityId: c.code,
        before: existing ?? null,
        after: values,
      });
      s.stats[existing ? "updated" : "created"]++;
    }

    for (const src of content.sources) {
      ids.source.set(
        src.slug,
        await s.upsert(t.sources, "source", src.slug, {
          kind: src.kind,
          publisher: src.publisher,
          // The schema admits exactly one of the two.
          title: src.headline ?? src.descriptive_title!,
          titleIsDescriptive: src.headline === undefined,
          language: src.language,
          publishedOn: src.published_on ?? null,
          url: src.url ?? null,
          quote: src.quote ?? null,
        }),
      );
    }

    for (const p of content.partnerships) {
      const id = await s.upsert(t.partnerships, "partnership", p.slug, {
        name: p.name,
        summary: p.summary,
        startedOn: p.started_on ?? null,
      });
      ids.partnership.set(p.slug, id);
      await s.links(
        t.partnershipCountries,
        eq(t.partnershipCountries.partnershipId, id),
        "partnership_countries",
        id,
        await tx.select().from(t.partnershipCountries).where(eq(t.partnershipCountries.partnershipId, id)),
        p.countries.map((code, position) => ({ partnershipId: id, countryCode: code, position })),
      );
      for (const [position, f] of p.figures.entries()) {
        await s.upsert(t.keyFigures, "key_figure", f.slug, {
          partnershipId: id,
          value: f.value,
          label: f.label,
          asOf: f.as_of ?? null,
          sourceId: ids.source.get(f.source)!,
          position,
        });
      }
      await cite("partnership", id, p.sources);
    }

    for (const o of content.organizations) {
      const id = await s.upsert(t.organizations, "organization", o.slug, {
        name: o.name,
        acronym: o.acronym ?? null,
        kind: o.kind,
        countryCode: o.country ?? null,
      });
      ids.organization.set(o.slug, id);
      await cite("organization", id, o.sources);
    }

    for (const p of content.people) {
      const id = await s.upsert(t.people, "person", p.slug, {
        name: p.name,
        title: p.title ?? null,
        organizationId: p.organization ? ids.organization.get(p.organization)! : null,
      });
      ids.person.set(p.slug, id);
      await cite("person", id, p.sources);
    }

    // Parents first, so that a renewal can point at the agreement it continues.
    const agreements = [...content.agreements].sort((a, b) => depth(content, a.slug) - depth(content, b.slug));
    for (const a of agreements) {
      const id = await s.upsert(t.agreements, "agreement", a.slug, {
        partnershipId: ids.partnership.get(a.partnership)!,
        kind: a.kind,
        title: a.title,
        summary: a.summary,
        signedOn: a.signed_on ?? null,
        signedCity: a.signed_city ?? null,
        inForceFrom: a.in_force_from ?? null,
        inForceUntil: a.in_force_until ?? null,
        status: a.status,
        parentId: a.parent ? ids.agreement.get(a.parent)! : null,
      });
      ids.agreement.set(a.slug, id);
      await s.links(
        t.agreementSignatories,
        eq(t.agreementSignatories.agreementId, id),
        "agreement_signatories",
        id,
        await tx.select().from(t.agreementSignatories).where(eq(t.agreementSignatories.agreementId, id)),
        a.signatories.map((p) => ({ agreementId: id, personId: ids.person.get(p)! })),
      );
      await cite("agreement", id, a.sources);
      for (const [position, m] of a.commitments.entries()) {
        const cid = await s.upsert(t.commitments, "commitment", m.slug, {
          agreementId: id,
          text: m.text,
          area: m.area,
          responsibleOrganizationId: m.responsible ? ids.organization.get(m.responsible)! : null,
          status: m.status,
          dueOn: m.due_on ?? null,
          position,
        });
        ids.commitment.set(m.slug, cid);
        await cite("commitment", cid, m.sources);
      }
    }

    for (const a of content.activities) {
      const allDay = a.starts.length === 10;
      const startsAt = instant(a.starts);
      // An all-day event ends at the end of its last day.
      const endsAt = a.ends
        ? new Date(instant(a.ends).getTime() + (a.ends.length === 10 ? 86_400_000 - 1000 : 0))
        : allDay
          ? new Date(startsAt.getTime() + 86_400_000 - 1000)
          : startsAt;
      const id = await s.upsert(t.activities, "activity", a.slug, {
        agreementId: a.agreement ? ids.agreement.get(a.agreement)! : null,
        type: a.type,
        title: a.title,
        description: a.description ?? null,
        startsAt,
        endsAt,
        allDay,
        city: a.city ?? null,
        countryCode: a.country ?? null,
        mode: a.mode,
        status: a.status,
      });
      await s.links(
        t.activityOrganizers,
        eq(t.activityOrganizers.activityId, id),
        "activity_organizers",
        id,
        await tx.select().from(t.activityOrganizers).where(eq(t.activityOrganizers.activityId, id)),
        a.organizers.map((o) => ({ activityId: id, organizationId: ids.organization.get(o)! })),
      );
      await s.links(
        t.activityParticipants,
        eq(t.activityParticipants.activityId, id),
        "activity_participants",
        id,
        await tx
          .select({ activityId: t.activityParticipants.activityId, personId: t.activityParticipants.personId })
          .from(t.activityParticipants)
          .where(eq(t.activityParticipants.activityId, id)),
        a.participants.map((p) => ({ activityId: id, personId: ids.person.get(p)! })),
      );
      await s.links(
        t.activityCommitments,
        eq(t.activityCommitments.activityId, id),
        "activity_commitments",
        id,
        await tx.select().from(t.activityCommitments).where(eq(t.activityCommitments.activityId, id)),
        a.commitments.map((c) => ({ activityId: id, commitmentId: ids.commitment.get(c)! })),
      );
      await cite("activity", id, a.sources);
    }

    for (const k of content.cases) {
      const [existing] = await tx
        .select({ publishedAt: t.cases.publishedAt })
        .from(t.cases)
        .where(eq(t.cases.slug, k.slug));
      const id = await s.upsert(t.cases, "case", k.slug, {
        title: k.title,
        countryCode: k.country,
        organizationId: k.organization ? ids.organization.get(k.organization)! : null,
        sector: k.sector,
        summary: k.summary,
        lessons: k.lessons,
        status: k.status,
        // Keep the first publication time, so that re-seeding does not count as a change.
        publishedAt: k.status === "published" ? (existing?.publishedAt ?? new Date()) : null,
      });
      await cite("case", id, k.sources);
    }

    if (demoHash) {
      const emails = demoAccounts.map((a) => a.email);
      const present = new Map(
        (await tx.select().from(t.users).where(inArray(t.users.email, emails))).map((u) => [u.email, u]),
      );
      for (const { organization, ...account } of demoAccounts) {
        const organizationId = ids.organization.get(organization) ?? null;
        const existing = present.get(account.email);
        // A demo account from before users had organizations gets its own; one that has an
        // organization keeps it, whoever set it.
        if (existing && (existing.organizationId !== null || organizationId === null)) {
          s.stats.unchanged++;
          continue;
        }
        if (existing) {
          const [after] = await tx
            .update(t.users)
            .set({ organizationId, version: existing.version + 1, updatedAt: new Date() })
            .where(eq(t.users.id, existing.id))
            .returning({ organizationId: t.users.organizationId, version: t.users.version });
          await recordAudit(tx, {
            actor: { label: "seed" },
            action: "update",
            entityType: "user",
            entityId: existing.id,
            before: { organizationId: existing.organizationId, version: existing.version },
            after,
          });
          s.stats.updated++;
          continue;
        }
        const [user] = await tx
          .insert(t.users)
          .values({ ...account, organizationId, passwordHash: demoHash })
          .returning({ id: t.users.id });
        await recordAudit(tx, {
          actor: { label: "seed" },
          action: "create",
          entityType: "user",
          entityId: user!.id,
          after: { ...account, organizationId },
        });
        s.stats.created++;
      }
      await setSetting(tx, demoModeKey, "true");
    }
    await setSetting(tx, seededKey, "true");
    return s.stats;
  });
}

function depth(content: Content, slug: string): number {
  const parent = content.agreements.find((a) => a.slug === slug)?.parent;
  return parent ? 1 + depth(content, parent) : 0;
}

async function setSetting(tx: Database, key: string, value: string) {
  await tx.insert(t.appSettings).values({ key, value }).onConflictDoNothing({ target: t.appSettings.key });
}

export async function getSetting(db: Database, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(t.appSettings).where(eq(t.appSettings.key, key));
  return row?.value;
}

/** The embedded database seeds itself once; after that, what people changed is theirs. */
export async function seedIfEmpty(db: Database, options: { demo: boolean }) {
  if (await getSetting(db, seededKey)) return null;
  const stats = await seedContent(db, options);
  console.log(`Seeded the demo content: ${stats.created} records created.`);
  return stats;
}
