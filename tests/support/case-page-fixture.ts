import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database, type DatabaseDriver } from "../../db/client";
import * as t from "../../db/schema";
import { archiveCase, publishCase } from "../../app/models/case-publish.server";
import { createCase } from "../../app/models/case-writes.server";
import { caseInput, makeCase, makeUser, testActor } from "./model-factories";
import { seedContent } from "../../app/seed/seed-content.server";
import { createServerDatabase } from "./test-database";

/**
 * A database for a server of the case page's tests, made before the server starts (PGlite is one
 * process's database): a case published with every section, in English with an Indonesian slug
 * and partly Indonesian text; a draft and an archived case that must never show; a case whose
 * title tries to end the JSON-LD script; and a viewer who signs in.
 */
export const casePageFixture = {
  slug: "queue-free-permits",
  slugId: "izin-tanpa-antre",
  draftSlug: "secret-draft-permits",
  archivedSlug: "withdrawn-permits",
  hostileSlug: "hostile-title",
  hostileTitle: `Permits </script><script>alert(1)</script> & "more"`,
  viewerEmail: "case-page-viewer@example.org",
  viewerPassword: "a long enough password",
};

const rich = (html: string, text: string) => ({ json: { root: {} }, html, text });

async function fill(db: Database) {
  // The content the app starts with (the embedded server seeds an empty database, not this one).
  await seedContent(db, { demo: false });
  const [agency] = await db
    .insert(t.organizations)
    .values({
      slug: "case-page-agency",
      name: { en: "Permit Service Agency", id: "Badan Layanan Perizinan" },
      acronym: "PSA",
      kind: "agency",
      countryCode: "ID",
    })
    .returning();
  const [ministry] = await db
    .insert(t.organizations)
    .values({ slug: "case-page-ministry", name: { en: "Ministry of Reform" }, kind: "ministry", countryCode: "ID" })
    .returning();
  const [source] = await db
    .insert(t.sources)
    .values({
      slug: "case-page-source",
      kind: "article",
      publisher: "Daily Permit News",
      title: "Queues vanish at the permit hall",
      language: "en",
      publishedOn: "2023-10-05",
      url: "https://example.org/queues-vanish",
      quote: "The queues are gone.",
    })
    .returning();

  const f = casePageFixture;
  const full = await createCase(
    db,
    testActor,
    caseInput({
      title: { en: "Queue-free permits", id: "Izin tanpa antre" },
      summary: {
        en: "Permits issued in one visit, without queues.",
        id: "Izin terbit dalam satu kunjungan, tanpa antre.",
      },
      problem: { en: "People queued for days for a permit." },
      solution: { en: "One hall, one form, one visit.", id: "Satu balai, satu formulir, satu kunjungan." },
      innovation: {
        en: "The first hall to issue permits on the spot.",
        id: "Balai pertama yang menerbitkan izin di tempat.",
      },
      results: [
        {
          label: { en: "permits issued", id: "izin diterbitkan" },
          value: "12,500",
          unit: { en: "permits a year", id: "izin per tahun" },
          date: "2023-10",
          sourceSlug: source!.slug,
        },
        { label: { en: "waiting time" }, value: "15", unit: { en: "minutes" }, date: "2022" },
      ],
      organizationId: agency!.id,
      contactOrganizationId: ministry!.id,
      adminLevel: "regency_city",
      countryCode: "ID",
      place: { en: "Banyuwangi, East Java", id: "Banyuwangi, Jawa Timur" },
      latitude: -8.2192,
      longitude: 114.3691,
      startedYear: 2016,
      stoppedYear: null,
      sector: "business_licensing",
      sdgGoals: [16],
      sdgTargets: ["16.6"],
      awards: [
        { key: "unpsa", title: { en: "UN Public Service Award", id: "Penghargaan Pelayanan Publik PBB" }, year: 2019 },
      ],
      lessonsRich: {
        en: rich("<p>Start with the permits people ask for most.</p>", "Start with the permits people ask for most."),
      },
      narrative: {
        en: rich("<p>It began with one counter.</p>", "It began with one counter."),
        id: rich("<p>Semuanya bermula dari satu loket.</p>", "Semuanya bermula dari satu loket."),
      },
    }),
    { slug: f.slug, slugId: f.slugId },
  );
  // Cited before it is published: a source cited later waits for the next publication.
  await db.insert(t.citations).values({ sourceId: source!.id, subjectKind: "case", subjectId: full.id });
  await publishCase(db, testActor, full.id, full.version);

  await createCase(db, testActor, caseInput({ title: { en: "A secret draft" } }), { slug: f.draftSlug });
  const archived = await createCase(db, testActor, caseInput({ title: { en: "Withdrawn" } }), { slug: f.archivedSlug });
  const archivedPublished = await publishCase(db, testActor, archived.id, archived.version);
  await archiveCase(db, testActor, archived.id, archivedPublished.version);
  const hostile = await createCase(db, testActor, caseInput({ title: { en: f.hostileTitle } }), {
    slug: f.hostileSlug,
  });
  await publishCase(db, testActor, hostile.id, hostile.version);
  // The case factory's defaults, to be sure every kind of case was made the way the app makes it.
  await makeCase(db);
  await makeUser(db, { email: f.viewerEmail, password: f.viewerPassword, role: "viewer" });
}

/** The environment of a server on a new database holding the fixture, and how to throw it away. */
export async function casePageDatabase(driver: DatabaseDriver) {
  if (driver === "postgres") {
    const database = await createServerDatabase({ prefix: "jembatan_case_page" });
    const handle = await openDatabase({ url: database.url, dataDir: "", maxConnections: 1 });
    try {
      await handle.migrate();
      await fill(handle.db);
    } finally {
      await handle.close();
    }
    return { env: { DATABASE_URL: database.url, WEB_CONCURRENCY: "1" }, cleanUp: () => database.drop() };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "jembatan-case-page-"));
  const dataDir = path.join(dir, "db");
  const handle = await openDatabase({ dataDir });
  try {
    await handle.migrate();
    await fill(handle.db);
  } finally {
    await handle.close();
  }
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: undefined },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
