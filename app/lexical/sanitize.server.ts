import sanitizeHtml from "sanitize-html";
import { richTextTheme } from "./theme";
import { isAllowedUrl } from "./url";

// Defense in depth: Lexical escapes the text it renders, and this keeps only what its nodes and
// theme can produce, through sanitize-html (a maintained sanitizer) rather than a pass of our own.

const { text: textClasses, heading, list } = richTextTheme;
const textClassList = Object.values(textClasses);

/**
 * Every tag Lexical renders with these nodes and this theme, with the classes it may carry there:
 * text formats come as <b>/<strong>, <i>/<em>, <u>, <s>, <code> and <span>. Nothing else passes.
 */
export const richTextClassesByTag: Readonly<Record<string, readonly string[]>> = {
  p: [richTextTheme.paragraph],
  h2: [heading.h2],
  h3: [heading.h3],
  h4: [heading.h4],
  blockquote: [richTextTheme.quote],
  ul: [list.ul],
  ol: [list.ol],
  li: [list.listitem, list.nested.listitem],
  a: [richTextTheme.link],
  strong: textClassList,
  em: textClassList,
  span: textClassList,
  code: textClassList,
  b: [],
  i: [],
  u: [],
  s: [],
  br: [],
};

/** Elements whose content is not text to keep: removed with everything inside them. */
const droppedWithContent = [
  "script",
  "style",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noscript",
  "noembed",
  "noframes",
  "xmp",
  "plaintext",
  "textarea",
  "title",
  "select",
  "option",
  "svg",
  "math",
  "head",
  "meta",
  "link",
  "base",
  "img",
  "video",
  "audio",
  "source",
  "track",
  "picture",
  "canvas",
  "form",
  "input",
  "button",
];

/** What a link always carries: the link node sets no target (normalized away) and this rel. */
const linkRel = "noopener noreferrer";

const themeClasses = (tag: string, value: string | undefined) =>
  (value ?? "")
    .split(/\s+/)
    .filter((name) => name && richTextClassesByTag[tag]!.includes(name))
    .join(" ");

const options: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(richTextClassesByTag),
  allowedAttributes: Object.fromEntries(
    Object.entries(richTextClassesByTag).map(([tag, classes]) => {
      const names = classes.length > 0 ? ["class"] : [];
      if (tag === "a") names.push("href", "rel");
      if (tag === "ol") names.push("start");
      return [tag, names];
    }),
  ),
  allowedClasses: Object.fromEntries(Object.entries(richTextClassesByTag).map(([tag, classes]) => [tag, [...classes]])),
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  nonTextTags: droppedWithContent,
  transformTags: {
    // A link is kept only with an absolute http(s)/mailto address (relative ones too are refused),
    // and always with the same rel; otherwise it stays as an inert <a> with no attribute. (Turning
    // it into a tag that is then discarded would be neater, but sanitize-html 2.18 then closes the
    // next element at that depth with the discarded tag's name.)
    a: (_tag, attribs) => {
      if (!isAllowedUrl(attribs.href ?? "")) return { tagName: "a", attribs: {} };
      const classes = themeClasses("a", attribs.class);
      return {
        tagName: "a",
        attribs: { href: attribs.href!.trim(), ...(classes ? { class: classes } : {}), rel: linkRel },
      };
    },
    // A numbered list that continues another keeps its first number, and nothing else.
    ol: (_tag, attribs) => ({
      tagName: "ol",
      attribs: Object.fromEntries(
        Object.entries(attribs).filter(
          ([name, value]) => name !== "start" || (/^\d{1,6}$/.test(value) && value !== "1"),
        ),
      ),
    }),
  },
};

/** Keeps only the tags, theme classes and http(s)/mailto links the rich-text editor can produce. */
export function sanitizeRichTextHtml(html: string): string {
  return sanitizeHtml(html, options);
}
