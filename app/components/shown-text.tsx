import { useTranslation } from "../i18n/translation";
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
