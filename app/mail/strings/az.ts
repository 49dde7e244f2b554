import { mailEn, type MailStrings } from "./en";

// PLACEHOLDER (issue 13): English until the emails' Azerbaijani strings are written.
export const mailAz: MailStrings = mailEn;
