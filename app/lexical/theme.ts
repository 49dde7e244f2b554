import type { EditorThemeClasses } from "lexical";

/**
 * The ONE theme: the class names Lexical puts on the elements it renders, in the editor and in
 * the HTML the server stores. `rich-text.css` styles them, and the server's sanitizer keeps no
 * other class, so this object is also the allowlist of classes.
 */
export const richTextTheme = {
  paragraph: "rt-paragraph",
  heading: { h2: "rt-h2", h3: "rt-h3", h4: "rt-h4" },
  quote: "rt-quote",
  list: {
    ul: "rt-ul",
    ol: "rt-ol",
    listitem: "rt-li",
    nested: { listitem: "rt-li-nested" },
  },
  link: "rt-link",
  text: {
    bold: "rt-bold",
    italic: "rt-italic",
    underline: "rt-underline",
    strikethrough: "rt-strikethrough",
    underlineStrikethrough: "rt-underline-strikethrough",
    code: "rt-code",
  },
} as const satisfies EditorThemeClasses;

function collectClassNames(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") {
    for (const name of value.split(/\s+/)) if (name) into.add(name);
  } else if (value && typeof value === "object") {
    for (const inner of Object.values(value)) collectClassNames(inner, into);
  }
  return into;
}

/** Every class name the theme can produce; the sanitizer drops any other. */
export const richTextClassNames: ReadonlySet<string> = collectClassNames(richTextTheme, new Set());
