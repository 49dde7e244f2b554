import type { SameKeys } from "../translator";
import { activities } from "./en/activities";
import { activityList } from "./en/activity-list";
import { agreements } from "./en/agreements";
import { commitments } from "./en/commitments";
import { editor } from "./en/editor";
import { documents } from "./en/documents";
import { sources } from "./en/sources";
import { caseLabels } from "./en/case-labels";
import { notices } from "./en/notices";

// Each feature keeps its strings in its own file under en/ (and id/).
export const enCore = {
  activities,
  activityList,
  agreements,
  commitments,
  editor,
  notices,
  documents,
  sources,
  ...caseLabels,
  app: {
    name: "Jembatan",
    tagline: "A bridge for public service cooperation",
    skipToContent: "Skip to content",
    mainNav: "Main",
  },
  nav: {
    mail: "Mail",
    cases: "Library cases",
    enquiries: "Enquiries",
    home: "Home",
    dashboard: "Dashboard",
    agreements: "Agreements",
    activities: "Activities",
    visits: "Visits",
    library: "Library",
    users: "Users",
    signIn: "Sign in",
    signOut: "Sign out",
    signedInAs: "Signed in as {{name}} ({{role}})",
  },
  pager: {
    previous: "Previous page",
    next: "Next page",
    page: "Page {{page}} of {{pages}}",
    pageOnly: "Page {{page}}",
  },
  language: {
    label: "Language",
    change: "Change",
    en: "English",
    id: "Bahasa Indonesia",
  },
  landing: {
    title: "Jembatan: {{partnership}}",
    figuresTitle: "Key numbers",
    asOf: "as of {{date}}",
    libraryTitle: "Library of innovations",
    libraryText:
      "Browse the innovations the partners share with each other, and what they learned from them. No account needed.",
    libraryCta: "Open the library",
    staffTitle: "For ministry staff and delegations",
    staffText: "Log action-plan activities, track commitments and prepare visits.",
    staffCta: "Sign in",
    countries: "Partners",
    empty: "No partnership has been set up yet.",
  },
  citation: {
    source: "Source:",
    /** Marks a title we wrote for a source that prints no headline. */
    descriptiveTitle: "descriptive title",
  },
  login: {
    title: "Sign in",
    password: "Password",
    submit: "Sign in",
    invalid: "The email or password is not correct.",
    rateLimited: "Too many attempts. Wait {{minutes}} minutes and try again.",
    demoTitle: "Demo accounts",
    demoText:
      "This is a demo installation. Sign in as admin@example.org, editor@example.org or viewer@example.org, all with the password {{password}}.",
    signedOut: "You have signed out.",
  },
  users: {
    title: "Users",
    create: "Add a user",
    name: "Name",
    password: "Initial password",
    passwordHint: "At least 12 characters. Share it with the person safely; they can change it later.",
    organization: "Organization",
    organizationHint: "Its country is the side of a partnership the user confirms commitments for.",
    noOrganization: "None (confirms for no side)",
    status: "Status",
    active: "Active",
    invited: "Invited",
    disabled: "Disabled",
    disable: "Disable",
    enable: "Enable",
    created: "The user was added.",
    updated: "The user was updated.",
    emailTaken: "A user with this email already exists.",
    cannotDisableSelf: "You cannot disable your own account.",
    newPassword: "New password…",
    newPasswordFor: "New password for {{email}} (at least 12 characters)",
    setPassword: "Set password",
    passwordSet:
      "The user has a new password and was signed out everywhere. Share it safely; they can change it on their account page.",
    passwordTooShort: "The new password needs at least 12 characters.",
    ownPassword: "Change your own password on your account page.",
    conflict: "Someone else changed this user in the meantime. Review and try again.",
  },
  roles: { admin: "Administrator", editor: "Editor", viewer: "Viewer" },
  agreementKind: { mou: "Memorandum of understanding", renewal: "Renewal", action_plan: "Action plan" },
  agreementStatus: {
    draft: "Draft",
    signed: "Signed",
    in_force: "In force",
    expired: "Expired",
    terminated: "Terminated",
  },
  commitmentStatus: {
    not_started: "Not started",
    limited: "Limited",
    substantial: "Substantial",
    complete: "Complete",
    withdrawn: "Withdrawn",
  },
  activityType: {
    workshop: "Workshop",
    knowledge_sharing: "Knowledge sharing",
    visit: "Visit",
    training: "Training",
    meeting: "Meeting",
    other: "Other",
  },
  activityMode: { in_person: "In person", online: "Online", hybrid: "Hybrid" },
  activityStatus: {
    planned: "Planned",
    confirmed: "Confirmed",
    completed: "Completed",
    postponed: "Postponed",
    cancelled: "Cancelled",
  },
  caseStatus: { draft: "Draft", published: "Published", in_review: "In review", archived: "Archived" },
  /** Words every form and feature shares. */
  form: {
    optional: "optional",
    cancel: "Cancel",
    save: "Save",
    email: "Email",
    role: "Role",
    timeZone: "Time zone",
    conflict: {
      title: "Someone else saved this record while you were editing",
      intro:
        "Your changes have not been saved. Compare both versions below; rows marked “differs” are different, and rows marked “changed by someone else” were changed since you opened the form.",
      savedBy: "Saved by {{name}}, {{when}}.",
      field: "Field",
      yours: "Your version (not saved)",
      theirs: "Saved version (now current)",
      differs: "differs",
      same: "same",
      changedByOthers: "changed by someone else",
      keepMine: "Back to the form with my changes",
      keepMineHint: "Your changes go back into the form. Saving it then replaces the current version.",
      discard: "Discard my changes and open the current version",
      revised: "Your changes are back in the form. Saving now replaces the version someone else saved.",
      empty: "(empty)",
    },
  },
  validation: {
    required: "This field is required.",
    email: "Enter a valid email address.",
    tooShort: "Enter at least {{min}} characters.",
    tooLong: "Enter at most {{max}} characters.",
    invalidChoice: "Choose one of the options.",
    invalid: "This value is not valid.",
    controlCharacters: "Remove the invisible control characters from this field.",
    dateRange: "Enter a real date between 1900 and 2100.",
    formErrors: "Please correct the fields marked below.",
    lineBreak: "Write this on one line, without line breaks.",
  },
  request: {
    tooLarge: "This form is too large to be sent ({{limit}} at most). Shorten what you wrote and try again.",
    unsupportedType: "This address accepts only forms (application/x-www-form-urlencoded or multipart/form-data).",
    malformed: "The form could not be read. Reload the page and try again.",
    tooManyValues: "The form repeats the field {{name}} too often (at most {{max}} times).",
    noFiles: "This form does not accept files.",
    methodNotAllowed: "This address does not accept {{method}} requests.",
    badHost: "The request names no valid host.",
  },
  errors: {
    title: "Something went wrong",
    notFound: "Page not found",
    notFoundText: "We could not find the page you asked for.",
    forbidden: "Not allowed",
    forbiddenText: "Your account does not have access to this page.",
    generic: "An unexpected error occurred. Please try again.",
    refused: "Request not accepted",
    backHome: "Back to the home page",
    unavailable: "The service is briefly unavailable",
    unavailableText:
      "Jembatan cannot reach its database just now. Nothing you saved is lost; please try again in a few seconds.",
  },
  footer: {
    about: "Jembatan supports the cooperation between partner countries on public service delivery.",
    sources: "Every fact shown cites its published source.",
  },
};

/** The shape every language must fill: the same keys as English, any strings. */
export type CoreTranslation = SameKeys<typeof enCore>;
