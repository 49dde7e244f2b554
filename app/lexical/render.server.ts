import { createHeadlessEditor } from "@lexical/headless";
import { $generateHtmlFromNodes } from "@lexical/html";
import { $isLinkNode } from "@lexical/link";
import { $isListItemNode, $isListNode } from "@lexical/list";
import { $isHeadingNode } from "@lexical/rich-text";
import { $dfs } from "@lexical/utils";
import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  type SerializedEditorState,
} from "lexical";
import { richTextNamespace, richTextNodes } from "./nodes";
import { $appendPlainText } from "./plain-text";
import { richTextClassNames, richTextTheme } from "./theme";
import { isAllowedUrl } from "./url";
import type * as HeadlessDom from "@lexical/headless/dom";

/** Larger states are refused: this many characters of JSON is some 15 pages of formatted text. */
export const MAX_RICH_TEXT_JSON_LENGTH = 100_000;

type RichTextErrorCode = "too_long" | "invalid_json" | "invalid_state";

/**
 * A submitted rich text that cannot be stored. `code` tells a route which message to show:
 * "too_long" (over {@link MAX_RICH_TEXT_JSON_LENGTH} characters of JSON), "invalid_json" (not
 * JSON at all) or "invalid_state" (JSON, but not a state of this editor, e.g. an unknown node).
 */
export class RichTextError extends Error {
  override readonly name = "RichTextError";
  readonly code: RichTextErrorCode;

  constructor(code: RichTextErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

interface RenderedRichText {
  /** The state as this editor serializes it: unknown properties dropped, unsafe links removed. */
  json: SerializedEditorState;
  /** Sanitized HTML to store and show with <RichText html={…} />. Empty for an empty text. */
  html: string;
  /** The plain text (blocks separated by a blank line) for search and CSV export. */
  text: string;
}

type DomModule = typeof HeadlessDom;
let domModule: Promise<DomModule> | undefined;

/** happy-dom costs ~300 ms and ~43 MB: loaded on the first save, never at start-up. */
function loadDom(): Promise<DomModule> {
  domModule ??= import("@lexical/headless/dom").catch((error: unknown) => {
    domModule = undefined;
    throw error;
  });
  return domModule;
}

function createEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: richTextNamespace,
    nodes: [...richTextNodes],
    theme: richTextTheme,
    onError: (error) => {
      throw error;
    },
  });
}

function parseInput(input: unknown): unknown {
  if (typeof input === "string") {
    if (input.length > MAX_RICH_TEXT_JSON_LENGTH) {
      throw new RichTextError("too_long", `Rich text JSON longer than ${MAX_RICH_TEXT_JSON_LENGTH} characters.`);
    }
    try {
      return JSON.parse(input);
    } catch (cause) {
      throw new RichTextError("invalid_json", "Rich text is not valid JSON.", { cause });
    }
  }
  if (input !== null && typeof input === "object") {
    let serialized: string;
    try {
      serialized = JSON.stringify(input);
    } catch (cause) {
      throw new RichTextError("invalid_json", "Rich text cannot be serialized as JSON.", { cause });
    }
    if (serialized.length > MAX_RICH_TEXT_JSON_LENGTH) {
      throw new RichTextError("too_long", `Rich text JSON longer than ${MAX_RICH_TEXT_JSON_LENGTH} characters.`);
    }
    return JSON.parse(serialized);
  }
  throw new RichTextError("invalid_json", "Rich text must be a JSON string or object.");
}

function isSerializedState(value: unknown): value is SerializedEditorState {
  if (value === null || typeof value !== "object") return false;
  const root = (value as { root?: unknown }).root;
  if (root === null || typeof root !== "object") return false;
  const { type, children } = root as { type?: unknown; children?: unknown };
  return type === "root" && Array.isArray(children);
}

/**
 * Brings a parsed state in line with what this app shows: only h2–h4 headings, no check lists,
 * no inline CSS, no alignment or indentation (the HTML keeps no style), no link with an address
 * other than http(s)/mailto (its text stays), no inline content directly under the root.
 */
function $normalize(): void {
  const root = $getRoot();
  for (const { node } of $dfs(root)) {
    if (!node.isAttached()) continue;
    if ($isTextNode(node)) {
      if (node.getStyle() !== "") node.setStyle("");
      continue;
    }
    if (!$isElementNode(node) || node === root) continue;
    if ($isLinkNode(node)) {
      if (!isAllowedUrl(node.getURL())) {
        for (const child of node.getChildren()) node.insertBefore(child);
        node.remove();
        continue;
      }
      if (node.getTarget() !== null) node.setTarget(null);
    }
    if ($isHeadingNode(node)) {
      const tag = node.getTag();
      if (tag === "h1") node.setTag("h2");
      else if (tag === "h5" || tag === "h6") node.setTag("h4");
    }
    if ($isListNode(node) && node.getListType() === "check") node.setListType("bullet");
    if ($isListItemNode(node) && node.getChecked() !== undefined) node.setChecked(undefined);
    if (node.getFormatType() !== "") node.setFormat("");
    if (node.getStyle() !== "") node.setStyle("");
    if (node.getTextStyle() !== "") node.setTextStyle("");
    if (!$isListItemNode(node) && node.getIndent() !== 0) node.setIndent(0);
  }
  // Text, line breaks or links straight under the root go into paragraphs.
  let paragraph: ReturnType<typeof $createParagraphNode> | null = null;
  for (const child of root.getChildren<LexicalNode>()) {
    if ($isElementNode(child) && !child.isInline()) {
      paragraph = null;
      continue;
    }
    if (paragraph === null) {
      paragraph = $createParagraphNode();
      child.insertBefore(paragraph);
    }
    paragraph.append(child);
  }
}

/** One line per list item, a blank line between blocks: readable in a CSV cell or a search index. */
function $blockText(node: LexicalNode): string {
  if ($isListNode(node)) {
    const lines: string[] = [];
    for (const item of node.getChildren<LexicalNode>()) {
      let line = "";
      for (const child of $isElementNode(item) ? item.getChildren<LexicalNode>() : [item]) {
        if ($isListNode(child)) {
          if (line !== "") lines.push(line);
          line = "";
          lines.push($blockText(child));
        } else {
          line += child.getTextContent();
        }
      }
      if (line !== "") lines.push(line);
    }
    return lines.filter((line) => line !== "").join("\n");
  }
  return node.getTextContent();
}

function $plainText(): string {
  return $getRoot()
    .getChildren<LexicalNode>()
    .map($blockText)
    .filter((block) => block.trim() !== "")
    .join("\n\n");
}

/**
 * Parses a Lexical state (a JSON string or the parsed object) with the shared node list and
 * renders it: the normalized JSON, sanitized HTML and plain text. Throws {@link RichTextError}
 * for anything that is not a state of this editor. Call it when saving; pages show the HTML.
 */
export async function renderRichText(input: unknown): Promise<RenderedRichText> {
  const parsed = parseInput(input);
  if (!isSerializedState(parsed)) {
    throw new RichTextError("invalid_state", "Rich text JSON is not an editor state.");
  }
  const { withDOM } = await loadDom();
  const editor = createEditor();
  try {
    const state = editor.parseEditorState(parsed);
    if (state.isEmpty()) {
      return { json: state.toJSON(), html: "", text: "" };
    }
    editor.setEditorState(state);
    editor.update($normalize, { discrete: true });
    const json = editor.getEditorState().toJSON();
    const text = editor.read($plainText).trim();
    const html = withDOM((window) =>
      sanitizeHtml(
        window,
        editor.read(() => $generateHtmlFromNodes(editor, null)),
      ),
    );
    return { json, html, text };
  } catch (cause) {
    if (cause instanceof RichTextError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new RichTextError("invalid_state", `Rich text is not a valid editor state: ${detail}`, { cause });
  }
}

/**
 * The same state the editor would produce for plain text: paragraphs split on blank lines, single
 * line breaks kept. This is how the no-JavaScript textarea's text becomes rich text.
 */
export function richTextFromPlainText(text: string): SerializedEditorState {
  const editor = createEditor();
  editor.update(() => $appendPlainText($getRoot(), text), { discrete: true });
  return editor.getEditorState().toJSON();
}

/**
 * Reads the rich-text field `name` of a submitted form: `${name}Format` is "lexical" when the
 * editor sent its JSON, "text" (or missing) when a browser without JavaScript sent the textarea.
 * Returns null when nothing was written; throws {@link RichTextError} for an invalid state.
 */
export async function richTextFromForm(form: FormData, name: string): Promise<RenderedRichText | null> {
  const value = form.get(name);
  if (typeof value !== "string" || value.trim() === "") return null;
  const format = form.get(`${name}Format`);
  const rendered =
    format === "lexical" ? await renderRichText(value) : await renderRichText(richTextFromPlainText(value));
  return isEmptyRichText(rendered.json) ? null : rendered;
}

/** True when a serialized state holds no visible text (missing, no blocks, or only blank ones). */
export function isEmptyRichText(json: unknown): boolean {
  const root = (json as { root?: unknown } | null | undefined)?.root;
  if (root === null || typeof root !== "object") return true;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown };
    if (type !== "tab" && typeof text === "string" && text.trim() !== "") return false;
    if (Array.isArray(children)) stack.push(...children);
  }
  return true;
}

// --- HTML sanitizer (defense in depth: Lexical's output is already escaped) -----------------

const allowedTags = new Set([
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "code",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "span",
]);

/** Elements whose content is not text to keep: removed with everything inside them. */
const droppedWithContent = new Set([
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
]);

const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  element.remove();
}

function sanitizeAttributes(element: Element, tag: string): void {
  for (const { name, value } of Array.from(element.attributes)) {
    const attribute = name.toLowerCase();
    if (attribute === "class") {
      const kept = value.split(/\s+/).filter((token) => richTextClassNames.has(token));
      if (kept.length > 0) element.setAttribute("class", kept.join(" "));
      else element.removeAttribute(name);
    } else if (attribute === "href" && tag === "a" && isAllowedUrl(value)) {
      element.setAttribute("href", value.trim());
    } else if (attribute === "start" && tag === "ol" && /^\d{1,6}$/.test(value) && value !== "1") {
      // A numbered list that continues another keeps its first number.
    } else {
      element.removeAttribute(name);
    }
  }
  if (tag === "a") element.setAttribute("rel", "noopener noreferrer");
}

function sanitizeChildren(parent: Node): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === TEXT_NODE) continue;
    if (child.nodeType !== ELEMENT_NODE) {
      parent.removeChild(child);
      continue;
    }
    const element = child as Element;
    const tag = element.localName.toLowerCase();
    if (element.namespaceURI !== HTML_NAMESPACE || droppedWithContent.has(tag)) {
      element.remove();
      continue;
    }
    sanitizeChildren(element);
    if (!allowedTags.has(tag)) {
      unwrap(element);
      continue;
    }
    sanitizeAttributes(element, tag);
    // A link without a usable address is just its text; a bare span adds nothing.
    if ((tag === "a" && !element.hasAttribute("href")) || (tag === "span" && element.attributes.length === 0)) {
      unwrap(element);
    }
  }
}

/**
 * Keeps only allowlisted tags, theme classes and http(s)/mailto links, parsing the HTML the way a
 * browser will when the page shows it. Exported for tests; call only inside withDOM.
 */
export function sanitizeHtml(window: typeof globalThis.window, html: string): string {
  const template = window.document.createElement("template");
  template.innerHTML = html;
  sanitizeChildren(template.content);
  return template.innerHTML;
}
