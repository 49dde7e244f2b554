// A search result's snippet as plain text fragments, the found words marked: the page renders
// each as text (React escapes it), never as HTML.
import type { Language } from "../i18n/config";
import { localized, type LocalizedText } from "../lib/localized";

export type Snippet = { text: string; mark?: true }[];

/** Without a search's words to show, a summary longer than this is cut at a word. */
const plainLength = 240;

/**
 * ts_headline's output, its highlights between the control characters \x02 and \x03 (taken out
 * of the text it was cut from, so only ts_headline's are there), as fragments; without one, the
 * summary in the reader's language.
 */
export function snippetFragments(headline: string | null, summary: LocalizedText, lang: Language): Snippet {
  if (!headline) {
    const text = localized(summary, lang);
    if (text.length <= plainLength) return [{ text }];
    const cut = text.slice(0, plainLength);
    return [{ text: `${cut.slice(0, Math.max(cut.lastIndexOf(" "), plainLength / 2))} …` }];
  }
  const fragments: Snippet = [];
  for (const [i, part] of headline.replaceAll("\u0003", "\u0002").split("\u0002").entries()) {
    if (!part) continue;
    fragments.push(i % 2 === 1 ? { text: part, mark: true } : { text: part });
  }
  return fragments;
}
