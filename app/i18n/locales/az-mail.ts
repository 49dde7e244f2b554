import type { MailTranslation } from "./en-mail";
import { mail } from "./az/mail";

export const azMail: MailTranslation = { mail };
