import type { MailTranslation } from "./en-mail";
import { mail } from "./id/mail";

export const idMail: MailTranslation = { mail };
