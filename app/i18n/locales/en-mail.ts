import type { SameKeys } from "../translator";
import { mail } from "./en/mail";

export const enMail = { mail };

export type MailTranslation = SameKeys<typeof enMail>;
