import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { type ActivityInput } from "../../app/models/activity.server";
import { createActivity } from "../../app/models/activity-writes.server";
import { createAgreement, type AgreementInput } from "../../app/models/agreement-writes.server";
import type { Actor } from "../../app/models/audit.server";
import { createCommitment, type CommitmentInput } from "../../app/models/commitment-writes.server";
import type { AssessmentInput } from "../../app/models/commitment-assessments.server";
import type { CommitmentStatus } from "../../app/lib/enums";
import { createUser } from "../../app/models/user.server";
import { createCase, type CaseInput } from "../../app/models/case-writes.server";
import { publishCase } from "../../app/models/case-publish.server";
import { createVisit } from "../../app/models/visit-writes.server";
import { createOrganization, type OrganizationInput } from "../../app/models/organization-writes.server";
import { createPerson, type PersonInput } from "../../app/models/people-writes.server";
import type { NewVisitInput } from "../../app/models/visit.server";

/**
 * Records for integration tests, made through the app's own model functions, so each passes the
 * same checks and writes the same audit rows as one made in the app. Each takes only what the test
 * cares about; the rest is a plain, valid default. The actor is a named process unless given.
 */

export const testActor: Actor = { label: "cli" };

const unique = () => randomBytes(4).toString("hex");

/** A planned online meeting in Indonesia on 5 May 2025, 10:00–12:00 in Jakarta, linked to nothing. */
export function activityInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: { en: `Test activity ${unique()}` },
    type: "meeting",
    status: "planned",
    mode: "online",
    startsAt: new Date("2025-05-05T03:00:00Z"),
    endsAt: new Date("2025-05-05T05:00:00Z"),
    allDay: false,
    city: null,
    countryCode: "ID",
    agreementId: null,
    description: null,
    outputs: null,
    lessons: null,
    commitmentIds: [],
    organizerIds: [],
    participantIds: [],
    ...overrides,
  };
}

export function makeActivity(db: Database, overrides: Partial<ActivityInput> = {}, actor = testActor) {
  return createActivity(db, actor, activityInput(overrides));
}

/** A draft memorandum with no dates, parent or signatories. */
export function agreementInput(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    kind: "mou",
    title: { en: `Test agreement ${unique()}` },
    summary: { en: "An agreement made by a test." },
    signedOn: null,
    signedCity: null,
    inForceFrom: null,
    inForceUntil: null,
    status: "draft",
    parentId: null,
    signatoryIds: [],
    ...overrides,
  };
}

export function makeAgreement(
  db: Database,
  partnershipId: number,
  overrides: Partial<AgreementInput> = {},
  actor = testActor,
) {
  return createAgreement(db, actor, { ...agreementInput(overrides), partnershipId });
}

/** A commitment (not assessed, as every new one) with no due date or responsible organization. */
export function commitmentInput(overrides: Partial<CommitmentInput> = {}): CommitmentInput {
  return {
    text: { en: `A commitment made by a test (${unique()}).` },
    area: "testing",
    responsibleOrganizationId: null,
    dueOn: null,
    ...overrides,
  };
}

/** An assessment rating a commitment `status` today, with evidence in English. */
export function assessmentInput(status: CommitmentStatus, overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    status,
    assessedOn: new Date().toISOString().slice(0, 10),
    evidence: { en: `Rated ${status} by a test.` },
    ...overrides,
  };
}

export async function makeCommitment(
  db: Database,
  agreementId: number,
  overrides: Partial<CommitmentInput> = {},
  actor = testActor,
) {
  const commitment = await createCommitment(db, actor, agreementId, commitmentInput(overrides));
  if (!commitment) throw new Error(`no agreement ${agreementId} to add a commitment to`);
  return commitment;
}

type NewUser = Parameters<typeof createUser>[2];

/**
 * A user with a unique email (unless given) and the password "a long enough password". The model
 * hashes it with scrypt, half a second of CPU: make users once per file, not per test.
 */
export function makeUser(db: Database, overrides: Partial<NewUser> = {}, actor = testActor) {
  const tag = unique();
  return createUser(db, actor, {
    email: `user-${tag}@example.org`,
    name: `Test user ${tag}`,
    role: "viewer",
    password: "a long enough password",
    ...overrides,
  });
}

/** A draft case about health in Indonesia, in English only. */
export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    title: { en: `Test case ${unique()}` },
    summary: { en: "A case made by a test." },
    countryCode: "ID",
    sector: "health",
    ...overrides,
  };
}

export function makeCase(db: Database, overrides: Partial<CaseInput> = {}, actor = testActor) {
  return createCase(db, actor, caseInput(overrides));
}

/** A case made and published at once, as a partner would find it in the library. */
export async function makePublishedCase(db: Database, overrides: Partial<CaseInput> = {}, actor = testActor) {
  const draft = await makeCase(db, overrides, actor);
  return publishCase(db, actor, draft.id, draft.version);
}

/** A planned incoming visit to Baku (time zone Asia/Baku), 2 days: 10–11 June 2025, all day. */
export function visitInput(overrides: Partial<NewVisitInput> = {}): NewVisitInput {
  return {
    ...activityInput({
      title: { en: `Test visit ${unique()}` },
      mode: "in_person",
      startsAt: new Date("2025-06-10T00:00:00Z"),
      endsAt: new Date("2025-06-11T00:00:00Z"),
      allDay: true,
      city: "Baku",
      // No country: the factory works on an empty database too (pass countryCode: "AZ" after seeding).
      countryCode: null,
    }),
    direction: "incoming",
    hostOrganizationId: null,
    cities: ["Baku"],
    timeZone: "Asia/Baku",
    objectives: null,
    ...overrides,
  };
}

/** Returns { activity, visit }, made through createVisit. */
export function makeVisit(db: Database, overrides: Partial<NewVisitInput> = {}, actor = testActor) {
  return createVisit(db, actor, visitInput(overrides));
}

/** A ministry with no country, parent or website; the name is unique. */
export function organizationInput(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    name: { en: `Test organisation ${unique()}` },
    acronym: null,
    kind: "ministry",
    countryCode: null,
    parentId: null,
    website: null,
    ...overrides,
  };
}

export function makeOrganization(db: Database, overrides: Partial<OrganizationInput> = {}, actor = testActor) {
  return createOrganization(db, actor, organizationInput(overrides));
}

/** A person with no organisation, contact details, account or positions; the name is unique. */
export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: `Test person ${unique()}`,
    organizationId: null,
    email: null,
    phone: null,
    languages: [],
    userId: null,
    positions: [],
    ...overrides,
  };
}

/** Returns the person with their positions, made through createPerson. */
export function makePerson(db: Database, overrides: Partial<PersonInput> = {}, actor = testActor) {
  return createPerson(db, actor, personInput(overrides));
}
