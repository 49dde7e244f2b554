import { enMail, type MailTranslation } from "./en-mail";

// PLACEHOLDER (issue 13): the English strings stand in until the Azerbaijani mail pack is translated
// into ./az/ modules, as ./id-mail.ts is; replace this file, do not extend it.
export const azMail: MailTranslation = enMail;
