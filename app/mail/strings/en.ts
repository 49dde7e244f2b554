// Strings only emails use, by feature. Not in app/i18n/locales: every page's language chunk would
// carry them to browsers that never show them (see tests/unit/bundle.test.ts's budget).
import type { SameKeys } from "../../i18n/translator";

export const mailEn = {
  access: {
    copyLink: "If the button does not work, copy this address into your browser:",
    greeting: "Hello {{name}},",
    invitationSubject: "You are invited to {{app}}",
    invitationPreview: "{{inviter}} invited you to {{app}}.",
    invitationText: "{{inviter}} invited you to {{app}}, the working space of the cooperation, as {{role}}.",
    invitationAction: "Choose your password",
    invitationExpiry: "The link works once, for 72 hours. When it has expired, ask {{inviter}} for a new invitation.",
    invitationIgnore: "If you did not expect this invitation, you can ignore this email.",
    resetSubject: "Reset your {{app}} password",
    resetPreview: "A link to choose a new password.",
    resetText: "Someone asked to reset the password of your {{app}} account ({{email}}).",
    resetAction: "Choose a new password",
    resetExpiry: "The link works once, for one hour.",
    resetIgnore: "If you did not ask for this, ignore this email: your password stays as it is.",
    changedSubject: "Your {{app}} password was changed",
    changedPreview: "Your password was changed and every session signed out.",
    changedText: "The password of your {{app}} account ({{email}}) was just changed, and every session was signed out.",
    changedWarning:
      "If you did not do this, choose a new password at once through the page below and tell an administrator.",
    changedAction: "Reset my password",
  },
  notices: {
    why: "You get this email because {{what}} are on for your account.",
    whyDigest: "You get this email because the weekly digest is on for your account.",
    unsubscribe: "Unsubscribe",
    open: "Open in Jembatan",
    activityReminder: {
      subjectWeek: "Coming up: {{title}}",
      subjectDay: "Starting soon: {{title}}",
      heading: "{{title}}",
      when: "It starts on {{when}}.",
      where: "Where: {{place}}",
      online: "Online",
      why: "Your organization organizes it or one of its people takes part in it.",
    },
    commitmentDue: {
      subject: "Due on {{date}}: {{text}}",
      heading: "A commitment is due on {{date}}",
      text: "Its status is {{status}}. Update it, add evidence, or mark milestones done before the due date.",
      why: "One of its focal points works for your organization.",
    },
    commitmentOverdue: {
      subject: "Overdue since {{date}}: {{text}}",
      heading: "A commitment is overdue",
      text: "It was due on {{date}} and its status is {{status}}.",
    },
    digest: {
      subject: "What changed this week in what you follow",
      heading: "What changed from {{from}} to {{to}}",
      intro: "Changes to the agreements, commitments and activities you follow, newest first.",
      changes_one: "{{count}} change",
      changes_other: "{{count}} changes",
      change: "{{action}} on {{when}} by {{who}}",
      more_one: "and {{count}} more",
      more_other: "and {{count}} more",
      someone: "someone",
      process: "the system",
      agreement: "Agreement",
      commitment: "Commitment",
      activity: "Activity",
      manage: "You follow these on their pages; stop following there.",
    },
    actions: {
      create: "Created",
      update: "Changed",
      delete: "Deleted",
      link: "Links changed",
      update_status: "Status changed",
      add_evidence: "Evidence added",
      add_milestone: "Milestone added",
      complete_milestone: "Milestone done",
      set_focal_point: "Focal point changed",
      confirm: "Completion confirmed",
      confirm_on_behalf: "Completion confirmed on a side's behalf",
      withdraw_confirmation: "Confirmation withdrawn",
      withdraw_confirmation_on_behalf: "Confirmation withdrawn on a side's behalf",
    },
  },
};

/** The shape every language's email strings fill: the same keys as English. */
export type MailStrings = SameKeys<typeof mailEn>;
