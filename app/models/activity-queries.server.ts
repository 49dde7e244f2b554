// Reading one activity: for its page, for its edit form, and the choices the form offers.
import { asc, eq, sql } from "drizzle-orm";
import {
  activities,
  activityCommitments,
  activityOrganizers,
  activityParticipants,
  agreements,
  commitments,
  countries,
  organizations,
  people,
} from "../../db/schema";
import type { Database } from "../../db/client";
import { calendarToday } from "../lib/zoned-time";
import { asInput, activityColumns, selectRows, type RichText } from "./activity.server";
import { agreementStateSql } from "./agreement-status.server";
import { caseChoices } from "./case-activities.server";
import { linkIds } from "./activity-links.server";
import { organizationOptions, personOptions } from "./organization.server";
import { positionsOn } from "./person-positions.server";
import { citationsFor } from "./source.server";

const byName = (name: typeof organizations.name) => asc(sql`lower(${name}->>'en')`);

/**
 * One activity with everything its page shows, its agreement's status as of `today` (the
 * viewer's day) among it; a fixed number of queries, none per linked row.
 */
export async function getActivity(db: Database, id: number, today = calendarToday("UTC")) {
  // The page shows the lessons as stored HTML; the editor's state and the plain text stay behind.
  const { lessonsJson: _json, lessonsText: _text, ...shown } = activityColumns;
  const [row] = await db
    .select({
      ...shown,
      countryName: countries.name,
      agreementTitle: agreements.title,
      agreementState: agreementStateSql(today),
    })
    .from(activities)
    .leftJoin(countries, eq(countries.code, activities.countryCode))
    .leftJoin(agreements, eq(agreements.id, activities.agreementId))
    .where(eq(activities.id, id));
  if (!row) return null;
  const [organizers, participants, served, cited] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym })
      .from(activityOrganizers)
      .innerJoin(organizations, eq(organizations.id, activityOrganizers.organizationId))
      .where(eq(activityOrganizers.activityId, id))
      .orderBy(byName(organizations.name), asc(organizations.id)),
    db
      .select({
        id: people.id,
        name: people.name,
        role: activityParticipants.role,
        organizationId: people.organizationId,
        organization: organizations.name,
        acronym: organizations.acronym,
      })
      .from(activityParticipants)
      .innerJoin(people, eq(people.id, activityParticipants.personId))
      .leftJoin(organizations, eq(organizations.id, people.organizationId))
      .where(eq(activityParticipants.activityId, id))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({
        id: commitments.id,
        text: commitments.text,
        status: commitments.status,
        agreementId: commitments.agreementId,
        agreementTitle: agreements.title,
      })
      .from(activityCommitments)
      .innerJoin(commitments, eq(commitments.id, activityCommitments.commitmentId))
      .innerJoin(agreements, eq(agreements.id, commitments.agreementId))
      .where(eq(activityCommitments.activityId, id))
      .orderBy(asc(agreements.id), asc(commitments.position), asc(commitments.id)),
    citationsFor(db, "activity", [id]),
  ]);
  // Each participant's title and organisation as they were on the activity's (first) day.
  const held = await positionsOn(
    db,
    participants.map((p) => p.id),
    row.startsAt.toISOString().slice(0, 10),
  );
  return {
    ...row,
    organizers,
    participants: participants.map(({ organizationId, ...p }) => {
      const position = held.get(p.id);
      if (!position) return { ...p, title: null };
      // The organisation of the position where it names one, else the one they work for now.
      if (position.organizationId === null || position.organizationId === organizationId) {
        return { ...p, title: position.title };
      }
      return {
        ...p,
        title: position.title,
        organization: position.organizationName,
        acronym: position.organizationAcronym,
      };
    }),
    commitments: served,
    sources: cited.get(id) ?? [],
  };
}

/** An activity as its edit form starts: the stored fields, link ids and version. */
export async function getActivityForEdit(db: Database, id: number) {
  const [row] = await selectRows(db).where(eq(activities.id, id));
  if (!row) return null;
  return { id: row.id, version: row.version, title: row.title, input: asInput(row, await linkIds(db, id)) };
}

/** The stored lessons learned with the activity's version; null when the activity does not exist. */
export async function getActivityLessons(db: Database, id: number) {
  const [row] = await db
    .select({
      version: activities.version,
      json: activities.lessonsJson,
      html: activities.lessonsHtml,
      text: activities.lessonsText,
    })
    .from(activities)
    .where(eq(activities.id, id));
  if (!row) return null;
  const lessons: RichText | null =
    row.json != null ? { json: row.json, html: row.html ?? "", text: row.text ?? "" } : null;
  return { version: row.version, lessons };
}

/** Everything the form offers to choose from, each list in one query. */
export async function activityFormOptions(db: Database) {
  const [countryList, agreementList, commitmentList, organizationList, personList, caseList] = await Promise.all([
    db
      .select({ code: countries.code, name: countries.name })
      .from(countries)
      .orderBy(asc(sql`${countries.name}->>'en'`)),
    db
      .select({ id: agreements.id, title: agreements.title, kind: agreements.kind })
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.inForceFrom), asc(agreements.id)),
    db
      .select({ id: commitments.id, text: commitments.text, agreementId: commitments.agreementId })
      .from(commitments)
      .orderBy(asc(commitments.agreementId), asc(commitments.position), asc(commitments.id)),
    organizationOptions(db),
    personOptions(db),
    caseChoices(db),
  ]);
  return {
    countries: countryList,
    agreements: agreementList,
    commitments: commitmentList,
    organizations: organizationList,
    people: personList,
    cases: caseList,
  };
}

export type ActivityFormOptions = Awaited<ReturnType<typeof activityFormOptions>>;
