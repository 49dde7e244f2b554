/*
 * The value lists of the data model, for the forms and labels that show them. They live here,
 * apart from db/schema (which builds its PostgreSQL enums from them), so that browser code can
 * use them without pulling the database layer into the bundle.
 */

export const activityTypes = ["workshop", "knowledge_sharing", "visit", "training", "meeting", "other"] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activityModes = ["in_person", "online", "hybrid"] as const;
export type ActivityMode = (typeof activityModes)[number];

/**
 * How precise a recorded date is: the sources give some events to the day, some only by month or
 * year. A month or year is stored as its first day and shown as the period ("Sept 2017").
 */
export const datePrecisions = ["day", "month", "year"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const activityStatuses = ["planned", "confirmed", "completed", "postponed", "cancelled"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const agreementKinds = ["mou", "renewal", "action_plan"] as const;
export type AgreementKind = (typeof agreementKinds)[number];

export const agreementStatuses = ["draft", "signed", "in_force", "expired", "terminated"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/**
 * The levels the Open Government Partnership uses for commitment completion, plus withdrawn; "not
 * assessed" (OGP's "no evidence available") until someone rates the commitment on evidence.
 */
export const commitmentStatuses = [
  "not_assessed",
  "not_started",
  "limited",
  "substantial",
  "complete",
  "withdrawn",
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/**
 * Where a case's working copy stands in review. What the public sees is the case's publication,
 * kept apart, so a published case can be revised (draft, in review) while its last published text
 * stays public; archiving withdraws the publication.
 */
export const caseStatuses = ["draft", "published", "in_review", "archived"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The library's fixed sector list (translated under `caseSector`). */
export const caseSectors = [
  "public_service_delivery",
  "digital_government",
  "health",
  "education",
  "social_protection",
  "civil_registration",
  "business_licensing",
  "other",
] as const;
export type CaseSector = (typeof caseSectors)[number];

/** The level of government that implements a case. */
export const adminLevels = ["national", "provincial", "regency_city", "village", "other"] as const;
export type AdminLevel = (typeof adminLevels)[number];

/** Awards the library filters by; anything else is "other", named in the award's own title. */
export const awardKeys = ["unpsa", "other"] as const;
export type AwardKey = (typeof awardKeys)[number];

/** Where an adaptation of an innovation stands. */
export const caseLinkStatuses = ["planned", "running", "stopped"] as const;
export type CaseLinkStatus = (typeof caseLinkStatuses)[number];

/** A partner's request for a knowledge-sharing session, as staff handle it. */
export const enquiryStatuses = ["new", "in_progress", "planned", "closed"] as const;
export type EnquiryStatus = (typeof enquiryStatuses)[number];

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
  "enquiry_received",
  "enquiry_notice",
  "briefing_pack",
  "follow_up_due",
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

/**
 * What a visit's secret link opens without a session: a calendar's .ics (for a calendar app to
 * subscribe to), or one delegation member's own briefing (for a member who has no account).
 */
export const visitLinkPurposes = ["calendar", "briefing"] as const;
export type VisitLinkPurpose = (typeof visitLinkPurposes)[number];

/** Which way a visit goes, seen from the partnership's side that records it: hosting or travelling. */
export const visitDirections = ["incoming", "outgoing"] as const;
export type VisitDirection = (typeof visitDirections)[number];

/** Where a visit's preparation and aftermath stand; `done` needs the report written. */
export const visitStages = ["planning", "confirmed", "under_way", "report_due", "done"] as const;
export type VisitStage = (typeof visitStages)[number];

/** Whose people a visit member is: the travelling delegation, or the hosts who receive it. */
export const visitSides = ["delegation", "host"] as const;
export type VisitSide = (typeof visitSides)[number];

/** A member's part in a delegation; the hosts' counterparts are `counterpart`. */
export const delegationRoles = ["head", "member", "interpreter", "liaison", "counterpart"] as const;
export type DelegationRole = (typeof delegationRoles)[number];

export const travelModes = ["flight", "train", "road", "other"] as const;
export type TravelMode = (typeof travelModes)[number];

/** A follow-up action after a visit. */
export const followUpStatuses = ["open", "done", "dropped"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
