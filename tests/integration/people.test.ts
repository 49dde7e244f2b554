import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "../../db/schema";
import { ConflictError, DuplicateError, RuleError } from "../../app/models/errors.server";
import { createOrganization, updateOrganization } from "../../app/models/organization-writes.server";
import { getPersonForEdit, listPeople } from "../../app/models/people-queries.server";
import { createPerson, updatePerson } from "../../app/models/people-writes.server";
import { mergePeople } from "../../app/models/person-merge.server";
import { getActivity } from "../../app/models/activity-queries.server";
import { seedContent } from "../../app/seed/seed-content.server";
import { positionsOn } from "../../app/models/person-positions.server";
import { makeActivity, makeUser, organizationInput, personInput, testActor } from "../support/model-factories";
import { fetchSignIn } from "../support/http";
import { mergeChecked } from "../support/merge-checks";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { createTestDatabase, drivers, type TestDatabase } from "../support/test-database";

describe.each(drivers)("people on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test?.close());

  it("positionsOn: the position holding on the day, the latest start winning, in one query", async () => {
    const { db } = test;
    const org = await createOrganization(
      db,
      testActor,
      organizationInput({ name: { en: "Ministry", id: "Kementerian" } }),
    );
    const a = await createPerson(
      db,
      testActor,
      personInput({
        positions: [
          { title: { en: "Director" }, organizationId: org.id, startsOn: "2015-01-01", endsOn: "2016-12-31" },
          { title: { en: "Minister", id: "Menteri" }, organizationId: org.id, startsOn: "2017-01-01", endsOn: null },
        ],
      }),
    );
    const b = await createPerson(
      db,
      testActor,
      personInput({
        positions: [
          { title: { en: "Adviser" }, organizationId: null, startsOn: null, endsOn: null },
          { title: { en: "Head" }, organizationId: null, startsOn: "2020-06-01", endsOn: "2020-12-31" },
        ],
      }),
    );
    const c = await createPerson(
      db,
      testActor,
      personInput({
        positions: [{ title: { en: "Later" }, organizationId: null, startsOn: "2030-01-01", endsOn: null }],
      }),
    );
    const in2016 = await positionsOn(db, [a.id, b.id, c.id], "2016-05-01");
    expect(in2016.get(a.id)).toEqual({
      title: { en: "Director" },
      organizationId: org.id,
      organizationName: { en: "Ministry", id: "Kementerian" },
      organizationAcronym: null,
    });
    expect(in2016.get(b.id)?.title).toEqual({ en: "Adviser" });
    expect(in2016.has(c.id)).toBe(false);
    const in2020 = await positionsOn(db, [a.id, b.id, c.id, a.id], "2020-12-31");
    expect(in2020.get(a.id)?.title).toEqual({ en: "Minister", id: "Menteri" });
    expect(in2020.get(b.id)?.title).toEqual({ en: "Head" });
    expect((await positionsOn(db, [b.id], "2021-01-01")).get(b.id)?.title).toEqual({ en: "Adviser" });
    expect((await positionsOn(db, [], "2021-01-01")).size).toBe(0);
  });

  it("saves a person with positions, audited, and refuses a stale save and bad references", async () => {
    const { db } = test;
    const person = await createPerson(
      db,
      testActor,
      personInput({
        name: "Siti Version",
        languages: ["id", "en", "id"],
        positions: [{ title: { en: "Analyst" }, organizationId: null, startsOn: "2020-01-01", endsOn: null }],
      }),
    );
    expect(person.languages).toEqual(["id", "en"]);
    const edit = (await getPersonForEdit(db, person.id))!;
    const editor = { userId: (await makeUser(db, { role: "editor" })).id };
    const saved = await updatePerson(db, editor, person.id, edit.version, {
      ...edit.input,
      positions: [
        ...edit.input.positions,
        { title: { en: "Director" }, organizationId: null, startsOn: "2024-01-01", endsOn: null },
      ],
    });
    expect(saved!.version).toBe(edit.version + 1);
    const [audit] = await db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.entityType, "person"),
          eq(t.auditLog.entityId, String(person.id)),
          eq(t.auditLog.action, "update"),
        ),
      );
    expect(audit).toMatchObject({
      actorId: editor.userId,
      after: { positions: [{ title: { en: "Analyst" } }, { title: { en: "Director" } }] },
    });
    // The editor's copy is now stale: nothing changes.
    const error = await updatePerson(db, testActor, person.id, edit.version, { ...edit.input, name: "Stale" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ name: "Siti Version", positions: expect.any(Array) });
    expect((await getPersonForEdit(db, person.id))!.input.positions).toHaveLength(2);
    await expect(
      updatePerson(db, testActor, person.id, saved!.version, { ...edit.input, organizationId: 999_999 }),
    ).rejects.toBeInstanceOf(RuleError);
    const bad = await updatePerson(db, testActor, person.id, saved!.version, {
      ...edit.input,
      positions: [{ title: { en: "Backwards" }, organizationId: null, startsOn: "2020-01-01", endsOn: "2019-01-01" }],
    }).catch((e) => e);
    expect(bad).toBeInstanceOf(RuleError);
    expect((bad as RuleError).errors).toEqual({ "positionEndsOn[0]": { key: "people.endsBeforeStarts" } });
    // One account, one person.
    const account = await makeUser(db);
    await createPerson(db, testActor, personInput({ userId: account.id }));
    await expect(createPerson(db, testActor, personInput({ userId: account.id }))).rejects.toBeInstanceOf(
      DuplicateError,
    );
  });

  it("lists people a page at a time, found by name or organisation, with today's title", async () => {
    const { db } = test;
    const org = await createOrganization(
      db,
      testActor,
      organizationInput({ name: { en: "Findable Bureau" }, acronym: "FBX" }),
    );
    await createPerson(
      db,
      testActor,
      personInput({
        name: "Zed 100%_Search",
        organizationId: org.id,
        positions: [{ title: { en: "Chief" }, organizationId: org.id, startsOn: null, endsOn: null }],
      }),
    );
    const byAcronym = await listPeople(db, { q: "fbx", today: "2026-01-01" });
    expect(byAcronym.people.map((p) => p.name)).toEqual(["Zed 100%_Search"]);
    expect(byAcronym.people[0]!.title).toEqual({ en: "Chief" });
    expect((await listPeople(db, { q: "100%_", today: "2026-01-01" })).total).toBe(1);
    expect((await listPeople(db, { q: "0%s", today: "2026-01-01" })).total).toBe(0);
    const firstPage = await listPeople(db, { today: "2026-01-01" }, 2);
    expect(firstPage.people).toHaveLength(2);
    expect(firstPage.total).toBeGreaterThan(2);
  });

  it("refuses an organisation that would be its own ancestor", async () => {
    const { db } = test;
    const parent = await createOrganization(db, testActor, organizationInput());
    const child = await createOrganization(db, testActor, organizationInput({ parentId: parent.id }));
    await expect(
      updateOrganization(db, testActor, parent.id, parent.version, { ...organizationInput(), parentId: child.id }),
    ).rejects.toMatchObject({ errors: { parentId: { key: "organizations.parentCycle" } } });
  });

  it("merges a duplicate: every reference moves, a shared participation collapses, one transaction with audit rows", async () => {
    const { db } = test;
    const survivor = await createPerson(db, testActor, personInput({ name: "Ulvi Survivor", languages: ["az"] }));
    const duplicate = await createPerson(
      db,
      testActor,
      personInput({
        name: "Ulvi Duplicate",
        email: "ulvi@example.org",
        languages: ["en"],
        positions: [{ title: { en: "Head" }, organizationId: null, startsOn: "2023-10-10", endsOn: null }],
      }),
    );
    const both = await makeActivity(db, { countryCode: null, participantIds: [survivor.id, duplicate.id] });
    const onlyDuplicate = await makeActivity(db, { countryCode: null, participantIds: [duplicate.id] });
    const { merged, cited } = await mergeChecked(db, "person", survivor, duplicate.id, (input) =>
      mergePeople(db, testActor, input),
    );
    expect(merged!.survivor).toMatchObject({ email: "ulvi@example.org", languages: ["az", "en"] });
    expect(await db.select().from(t.people).where(eq(t.people.id, duplicate.id))).toEqual([]);
    const participants = await db
      .select({ activityId: t.activityParticipants.activityId, personId: t.activityParticipants.personId })
      .from(t.activityParticipants)
      .where(eq(t.activityParticipants.personId, survivor.id));
    expect(participants.map((p) => p.activityId).sort()).toEqual([both.id, onlyDuplicate.id].sort());
    expect(cited).toEqual([survivor.id]);
    expect((await positionsOn(db, [survivor.id], "2024-01-01")).get(survivor.id)?.title).toEqual({ en: "Head" });
    const audits = await db
      .select({ action: t.auditLog.action, entityId: t.auditLog.entityId })
      .from(t.auditLog)
      .where(eq(t.auditLog.entityType, "person"));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "merge", entityId: String(survivor.id) },
        { action: "delete", entityId: String(duplicate.id) },
      ]),
    );
  });
});

describe.each(drivers)("the seeded people's dated positions on %s", (driver) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(driver);
    await seedContent(test.db, { demo: false });
  });
  afterAll(() => test?.close());

  const activityBySlug = async (slug: string) =>
    (await getActivity(
      test.db,
      (await test.db.select().from(t.activities).where(eq(t.activities.slug, slug)))[0]!.id,
    ))!;
  const personBySlug = async (slug: string) =>
    (await test.db.select().from(t.people).where(eq(t.people.slug, slug)))[0]!;

  it("shows each participant's title as it was on the activity's date", async () => {
    const anasIn = async (slug: string) =>
      (await activityBySlug(slug)).participants.find((p) => p.name === "Abdullah Azwar Anas")!;
    const in2017 = await anasIn("2017-09-visit-to-azerbaijan-with-regional-leaders");
    expect(in2017.title).toEqual({ en: "Regent of Banyuwangi", id: "Bupati Banyuwangi" });
    expect(in2017.organization).toMatchObject({ en: "Banyuwangi Regency Government" });
    const in2023 = await anasIn("2023-10-10-visit-to-asan-xidmat-baku");
    expect(in2023.title?.en).toBe("Minister of Administrative and Bureaucratic Reform");
    expect(in2023.acronym).toBe("KemenPANRB");
    const busan = await activityBySlug("2016-11-10-busan-bilateral-meeting");
    expect(busan.participants.every((p) => p.title)).toBe(true);
  });

  it("keeps a person edited in the app when the seed runs again, and says so", async () => {
    const anas = await personBySlug("abdullah-azwar-anas");
    const edit = (await getPersonForEdit(test.db, anas.id))!;
    const editor = { userId: (await makeUser(test.db, { role: "editor" })).id };
    await updatePerson(test.db, editor, anas.id, edit.version, { ...edit.input, email: "anas@example.org" });
    const again = await seedContent(test.db, { demo: false });
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(again.leftAlone).toEqual([
      { kind: "person", key: "abdullah-azwar-anas", title: "Abdullah Azwar Anas", reason: "changed" },
    ]);
    expect((await getPersonForEdit(test.db, anas.id))!.input).toMatchObject({
      email: "anas@example.org",
      positions: edit.input.positions,
    });
  });
});

/*
 * Personal data never reaches visitors: the production server on a fresh embedded database (demo
 * content and accounts), a person with contact details added through the app's form, then every
 * page and export a visitor can reach, and the staff's exports, read for them.
 */
describe("a person's contact details over HTTP", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "jembatan-people-"));
  let server: RunningServer;
  const email = "private.person@example.org";
  const phone = "+62 812 0000 4242";
  const get = (address: string, cookie?: string) =>
    fetch(server.url + address, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

  beforeAll(async () => {
    server = await startBuiltServer({ DATA_DIR: path.join(dataDir, "db") });
  }, 240_000);
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("shows them to signed-in staff only: never to visitors, in the library or in exports", async () => {
    const editor = await fetchSignIn(server.url, "editor@example.org", "jembatan-demo");
    const viewer = await fetchSignIn(server.url, "viewer@example.org", "jembatan-demo");
    const created = await fetch(`${server.url}/people/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: editor, Origin: server.url },
      body: new URLSearchParams({ name: "Private Person", email, phone, languages: "id, az" }),
    });
    expect(created.status).toBe(302);
    const personPage = created.headers.get("location")!;
    expect(personPage).toMatch(/^\/people\/\d+$/);

    // Staff read them on the person's page.
    const staffView = await (await get(personPage, viewer)).text();
    expect(staffView).toContain(email);
    expect(staffView).toContain(phone);

    // A visitor is sent to sign in from every staff page and export, and sees them nowhere.
    for (const address of [personPage, `${personPage}/edit`, "/people", "/people?q=Private", "/organizations"]) {
      const res = await get(address);
      expect(res.status, address).toBe(302);
      expect(res.headers.get("location"), address).toMatch(/^\/login/);
    }
    for (const address of ["/activities.csv", "/activities.ics", "/activities.csv?type=visit"]) {
      const res = await get(address);
      const body = await res.text();
      expect(res.status === 302 || res.status === 401 || res.status === 403, `${address}: ${res.status}`).toBe(true);
      expect(body, address).not.toContain(email);
    }
    for (const address of ["/", "/library", "/library?q=Private", "/login"]) {
      const res = await get(address);
      const body = await res.text();
      expect(res.status, address).toBe(200);
      expect(body, address).not.toContain(email);
      expect(body, address).not.toContain(phone);
      expect(body, address).not.toContain("Private Person");
    }
    // The staff's own exports carry no one's contact details either.
    for (const address of ["/activities.csv", "/activities.ics"]) {
      const body = await (await get(address, viewer)).text();
      expect(body, address).not.toContain(email);
    }
  });
});
