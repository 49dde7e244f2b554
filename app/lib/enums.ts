/*
 * The value lists of the data model, for the forms and labels that show them. They live here,
 * apart from db/schema (which builds its PostgreSQL enums from them), so that browser code can
 * use them without pulling the database layer into the bundle.
 */

export const activityTypes = ["workshop", "knowledge_sharing", "visit", "training", "meeting", "other"] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activityModes = ["in_person", "online", "hybrid"] as const;
export type ActivityMode = (typeof activityModes)[number];

export const activityStatuses = ["planned", "confirmed", "completed", "postponed", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const agreementKinds = ["mou", "renewal", "action_plan"] as const;
export type AgreementKind = (typeof agreementKinds)[number];

export const agreementStatuses = ["draft", "signed", "in_force", "expired", "terminated"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** The levels the Open Government Partnership uses for commitment completion, plus withdrawn. */
export const commitmentStatuses = ["not_started", "limited", "substantial", "complete", "withdrawn"] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export const caseStatuses = ["draft", "published"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const organizationKinds = [
  "ministry",
  "agency",
  "local_government",
  "service_centre",
  "international",
  "ngo",
  "private",
  "other",
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ["admin", "editor", "viewer"] as const;
export type Role = (typeof roles)[number];

/** What an email is for: the templates, the outbox's rows, and which of them a user may turn off. */
export const mailKinds = [
  "invitation",
  "password_reset",
  "password_changed",
  "activity_reminder",
  "commitment_due",
  "commitment_overdue",
  "weekly_digest",
] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * An outbox row's state. `sending` is held by one sender until its lease ends; `suppressed` was
 * kept back because the address bounced or complained (notices only; the row says so).
 */
export const mailStatuses = ["queued", "sending", "sent", "failed", "suppressed"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** What a user can follow for the weekly digest. */
export const followSubjects = ["agreement", "commitment", "activity"] as const;
export type FollowSubject = (typeof followSubjects)[number];

/** What a single-use link sent by email lets its holder do. */
export const userTokenPurposes = ["invitation", "password_reset"] as const;
export type UserTokenPurpose = (typeof userTokenPurposes)[number];
