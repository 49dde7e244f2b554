import { useTranslation } from "../i18n/translation";
import type { Shown } from "../lib/case-text";

/**
 * Says that the text before it is in another language than the page's, in the reader's words: how
 * every record's text that has no translation in the reader's language is marked.
 */
export function FallbackMark({ shown }: { shown: Shown<unknown> }) {
  const { t } = useTranslation();
  if (!shown.fallback) return null;
  return <span className="case-fallback">{` (${t(`language.shownIn.${shown.lang}`)})`}</span>;
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
