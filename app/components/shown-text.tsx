import { useTranslation } from "../i18n/translation";
import type { Language } from "../i18n/config";
import { shownText, type Shown } from "../lib/case-text";
import type { LocalizedText } from "../lib/localized";
import { useLanguage } from "../lib/use-formatter";

/**
 * Says that the text before it is in another language than the page's, in the reader's words: how
 * every record's text that has no translation in the reader's language is marked.
 */
export function FallbackMark({ shown }: { shown: Shown<unknown> }) {
  const { t } = useTranslation();
  if (!shown.fallback) return null;
  return <span className="language-fallback">{` (${t(`language.shownIn.${shown.lang}`)})`}</span>;
}

/** A short text inline, in its own language where that is not the page's. */
export function ShownInline({ shown }: { shown: Shown<string> | null }) {
  if (!shown) return null;
  return (
    <>
      <span lang={shown.fallback ? shown.lang : undefined}>{shown.value}</span>
      <FallbackMark shown={shown} />
    </>
  );
}

/**
 * A record's own text (a title, a summary) in the reader's language, or marked as shown in another
 * where it has no translation: the record pages' headings and leads say so where they stand, not
 * only in the footer's line.
 */
export function RecordText({ text }: { text: LocalizedText | null | undefined }) {
  const lang = useLanguage();
  return <ShownInline shown={shownText(text, lang)} />;
}

/**
 * A list row's text (a title in a table or a list) in the reader's language, or else in its own,
 * marked with the short code of that language ("EN"; "(in English)" for screen readers): a list
 * marks each row where it stands, compactly, since for an Azerbaijani reader nearly every row is.
 */
export function ListText({
  text,
  suffix,
}: {
  text: LocalizedText | null | undefined;
  /** Written after the text and before the mark, in no language of its own (an acronym). */
  suffix?: string;
}) {
  const lang = useLanguage();
  const shown = shownText(text, lang);
  if (!shown) return suffix ?? null;
  return <ListString value={shown.value} language={shown.fallback ? shown.lang : lang} suffix={suffix} />;
}

/** A list row's text already in one language (`language`, as the query chose it), marked as ListText marks. */
export function ListString({ value, language, suffix }: { value: string; language: Language; suffix?: string }) {
  const lang = useLanguage();
  if (language === lang) return <>{suffix ? value + suffix : value}</>;
  return (
    <>
      <span lang={language}>{value}</span>
      {suffix}
      <LanguageTag language={language} />
    </>
  );
}

function LanguageTag({ language }: { language: Language }) {
  const { t } = useTranslation();
  return (
    <span className="language-tag">
      <span aria-hidden="true">{language.toUpperCase()}</span>
      <span className="visually-hidden">{` (${t(`language.shownIn.${language}`)})`}</span>
    </span>
  );
}
