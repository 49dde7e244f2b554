// Re-dating the demo's example scenario in place: every date of the example records moves by the
// days between the day they were dated from and today. What staff changed in them stays (a
// title, a status, an itinerary row), and so do their ids, links and the records removed.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { recordAudit } from "../models/audit.server";
import { seedActor } from "./seed-run.server";

/** One kind of dated example record: how to move its dates, and what the audit row names. */
interface Move {
  entityType: string;
  /** An UPDATE … RETURNING id, the dates before (`before`) and after (`after`) as JSON; `$days` the shift. */
  update: (days: SQL) => SQL;
}

/** The rows of an example visit's `table` moved, the visit's `version` of them raised: one audit row per visit. */
function visitRows(entityType: string, table: string, columns: string[], version: string, noun: string): Move {
  const name = sql.raw;
  return {
    entityType,
    update: (d) => sql`with moved as (
        update ${name(table)} r set ${sql.join(
          columns.map((c) => sql`${name(c)} = r.${name(c)} + make_interval(days => ${d})`),
          sql`, `,
        )}
        from activities a where a.id = r.visit_id and a.example
        returning r.visit_id),
      bumped as (update visits v set ${name(version)} = ${name(version)} + 1
        where v.activity_id in (select visit_id from moved) returning v.activity_id)
      select visit_id as id, json_build_object('shiftedDays', 0) as before,
        json_build_object('shiftedDays', ${d}, ${noun}::text, count(*)) as after
      from moved group by visit_id`,
  };
}

const moves: Move[] = [
  {
    entityType: "agreement",
    update: (d) => sql`update agreements set signed_on = signed_on + ${d}, in_force_from = in_force_from + ${d},
        in_force_until = in_force_until + ${d}, version = version + 1, updated_at = now()
      where example
      returning id, json_build_object('signedOn', signed_on - ${d}, 'inForceFrom', in_force_from - ${d},
          'inForceUntil', in_force_until - ${d}) as before,
        json_build_object('signedOn', signed_on, 'inForceFrom', in_force_from, 'inForceUntil', in_force_until) as after`,
  },
  {
    entityType: "commitment",
    update: (d) => sql`update commitments set due_on = due_on + ${d}, version = version + 1, updated_at = now()
      where example
      returning id, json_build_object('dueOn', due_on - ${d}) as before, json_build_object('dueOn', due_on) as after`,
  },
  {
    // An assessment is part of its commitment's record (commitment-assessments.server.ts).
    entityType: "commitment",
    update: (d) => sql`update commitment_assessments set assessed_on = assessed_on + ${d}
      where example
      returning commitment_id as id, json_build_object('assessedOn', assessed_on - ${d}) as before,
        json_build_object('assessedOn', assessed_on) as after`,
  },
  {
    entityType: "commitment",
    update: (d) => sql`update commitment_evidence e set added_at = e.added_at + make_interval(days => ${d})
      from commitments c where c.id = e.commitment_id and c.example
      returning e.commitment_id as id, json_build_object('evidenceAddedAt', e.added_at - make_interval(days => ${d})) as before,
        json_build_object('evidenceAddedAt', e.added_at) as after`,
  },
  {
    entityType: "activity",
    update: (d) => sql`update activities set starts_at = starts_at + make_interval(days => ${d}),
        ends_at = ends_at + make_interval(days => ${d}), version = version + 1, updated_at = now()
      where example
      returning id, json_build_object('startsAt', starts_at - make_interval(days => ${d}),
          'endsAt', ends_at - make_interval(days => ${d})) as before,
        json_build_object('startsAt', starts_at, 'endsAt', ends_at) as after`,
  },
  // A visit's delegation and itinerary are saved whole, each under a version of its own.
  visitRows("visit_delegation", "visit_members", ["arrival_at", "departure_at"], "delegation_version", "members"),
  visitRows("itinerary", "itinerary_items", ["starts_at", "ends_at"], "itinerary_version", "items"),
  {
    entityType: "follow_up",
    update: (d) => sql`update follow_ups set due_on = due_on + ${d},
        done_at = done_at + make_interval(days => ${d}), version = version + 1, updated_at = now()
      where example
      returning id, json_build_object('dueOn', due_on - ${d}) as before, json_build_object('dueOn', due_on) as after`,
  },
  {
    entityType: "person",
    update: (d) => sql`with moved as (
        update person_positions pp set starts_on = pp.starts_on + ${d}, ends_on = pp.ends_on + ${d}
        from people p where p.id = pp.person_id and p.example
        returning pp.person_id),
      bumped as (update people p set version = version + 1, updated_at = now()
        where p.id in (select person_id from moved) returning p.id)
      select person_id as id, json_build_object('shiftedDays', 0) as before,
        json_build_object('shiftedDays', ${d}, 'positions', count(*)) as after
      from moved group by person_id`,
  },
];

// postgres.js answers with the rows, PGlite with a result that holds them.
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Moves every date of the example records by `days`, each moved record's version raised (a form
 * opened before is refused as stale, not saved over the move) and an audit row written for it, in
 * `tx`. Returns how many records moved.
 */
export async function shiftExamples(tx: Database, days: number): Promise<number> {
  if (!Number.isInteger(days) || days === 0) return 0;
  const d = sql`${days}::int`;
  let moved = 0;
  for (const move of moves) {
    const rows = rowsOf<{ id: number; before: unknown; after: unknown }>(await tx.execute(move.update(d)));
    for (const row of rows) {
      await recordAudit(tx, {
        actor: seedActor,
        action: "update",
        entityType: move.entityType,
        entityId: row.id,
        before: row.before as Record<string, unknown>,
        after: row.after as Record<string, unknown>,
      });
    }
    moved += rows.length;
  }
  return moved;
}
