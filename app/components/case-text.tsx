import type { Shown } from "../lib/case-text";
// Only the renderer: the public page never loads the editor.
import { RichText } from "../lexical/rich-text";
import { FallbackMark } from "./shown-text";

/**
 * A section of the case page under its heading; nothing at all when the case has no such text. A
 * plain text keeps its paragraphs (blank lines); a rich text is the HTML sanitized when it was saved.
 */
export function CaseTextSection(props: {
  id: string;
  heading: string;
  text?: Shown<string> | null;
  rich?: Shown<string> | null;
}) {
  const shown = props.text ?? props.rich;
  if (!shown) return null;
  const titleId = `${props.id}-title`;
  const lang = shown.fallback ? shown.lang : undefined;
  return (
    <section aria-labelledby={titleId} className="case-section" id={props.id}>
      <h2 id={titleId}>
        {props.heading}
        <FallbackMark shown={shown} />
      </h2>
      {props.rich ? (
        <div lang={lang}>
          <RichText html={props.rich.value} />
        </div>
      ) : (
        <div lang={lang} className="case-section__text">
          {shown.value
            .split(/\n\s*\n/)
            .map((paragraph) => paragraph.trim())
            .filter(Boolean)
            .map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
        </div>
      )}
    </section>
  );
}
