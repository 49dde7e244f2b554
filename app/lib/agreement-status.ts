// The one status an agreement shows, on every page, list, dashboard section and export. Its SQL twin,
// for lists that filter or sort by it in the database, is models/agreement-status.server.ts; a test
// holds the two to the same answers.
import type { AgreementStatus } from "./enums";
import { calendarToday } from "./zoned-time";

export const agreementStates = ["draft", "signed", "in_force", "expiring", "expired", "renewed", "terminated"] as const;
export type AgreementState = (typeof agreementStates)[number];

/** An agreement in force with this many days or fewer left (its last day included) is expiring. */
export const expiringDays = 90;

/** The states of an agreement that binds the parties today. */
export const bindingStates = ["in_force", "expiring"] as const satisfies readonly AgreementState[];

export interface StatusDates {
  status: AgreementStatus;
  /** The first day in force. */
  inForceFrom: string | null;
  /** The last day in force. */
  inForceUntil: string | null;
}

/** A later agreement of kind renewal continuing this one. */
export type Renewal = Pick<StatusDates, "status" | "inForceFrom">;

/** Whether a renewal has taken effect by `today`: recorded beyond a draft, and in force by then if dated. */
export function renewalInEffect(r: Renewal, today: string) {
  return r.status !== "draft" && (!r.inForceFrom || r.inForceFrom <= today);
}

const dayMs = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMs);

/**
 * Draft and terminated are what the record says. Otherwise a renewal in effect makes it renewed;
 * else the dates decide (past its last day: expired; before its first: signed; within
 * `expiringDays` of its last: expiring); with no start date, the recorded status, which is how
 * an agreement in force whose start no source gives is recorded.
 */
export function agreementStateOf(a: StatusDates, renewals: readonly Renewal[], today: string): AgreementState {
  if (a.status === "terminated" || a.status === "draft") return a.status;
  if (renewals.some((r) => renewalInEffect(r, today))) return "renewed";
  if (a.inForceUntil && a.inForceUntil < today) return "expired";
  const inForce = a.inForceFrom ? a.inForceFrom <= today : a.status === "in_force";
  if (!inForce) return a.inForceFrom ? "signed" : a.status;
  return a.inForceUntil && daysFrom(today, a.inForceUntil) <= expiringDays ? "expiring" : "in_force";
}

/** The state at an instant, on the calendar of the viewer's time zone. */
export function agreementStateAt(a: StatusDates, renewals: readonly Renewal[], now: Date, timeZone: string) {
  return agreementStateOf(a, renewals, calendarToday(timeZone, now));
}
