import type { Language } from "../i18n/config";
import type { TranslationKey } from "../i18n/keys";
import { en } from "../i18n/locales/en";
import { id } from "../i18n/locales/id";
import { az } from "../i18n/locales/az";
import { createTranslator, flatten, type KeysOf, type Translator } from "../i18n/translator";
import { mailEn } from "./strings/en";
import { mailId } from "./strings/id";
import { mailAz } from "./strings/az";

/** What an email's `t` knows: every key of the site (`app.name`, `roles.editor`) and the emails' own, under `email.`. */
export type MailKey = TranslationKey | `email.${KeysOf<typeof mailEn>}`;

const translators = new Map<Language, Translator<MailKey>>();

/** The translator emails are written with, in the recipient's language; one per language, shared. */
export function mailTranslator(language: Language): Translator<MailKey> {
  let translator = translators.get(language);
  if (!translator) {
    const strings = {
      en: { ...en, email: mailEn },
      id: { ...id, email: mailId },
      az: { ...az, email: mailAz },
    }[language];
    translator = createTranslator<MailKey>(language, flatten(strings));
    translators.set(language, translator);
  }
  return translator;
}
