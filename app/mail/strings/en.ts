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
};

/** The shape every language's email strings fill: the same keys as English. */
export type MailStrings = SameKeys<typeof mailEn>;
