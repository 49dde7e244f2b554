import { createHash } from "node:crypto";
import { createHeadlessEditor } from "@lexical/headless";
import { $generateHtmlFromNodes } from "@lexical/html";
import { $isLinkNode } from "@lexical/link";
import { $isListItemNode, $isListNode, ListItemNode } from "@lexical/list";
import { $isHeadingNode } from "@lexical/rich-text";
import { $dfs } from "@lexical/utils";
import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  TextNode,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
  type SerializedEditorState,
} from "lexical";
import { richTextNamespace, richTextNodes } from "./nodes";
import { $appendPlainText } from "./plain-text";
import { sanitizeRichTextHtml } from "./sanitize.server";
import { richTextTheme } from "./theme";
import { isAllowedUrl } from "./url";
import type * as HeadlessDom from "@lexical/headless/dom";

/** Larger states are refused: this many bytes of JSON (UTF-8) is some 15 pages of formatted text. */
export const MAX_RICH_TEXT_JSON_BYTES = 100_000;

/**
 * Plain text (the textarea shown without JavaScript) is refused past this many characters, before
 * it is turned into a state: the conversion costs time in proportion to the text (10 MB took 104 s).
 */
export const MAX_RICH_TEXT_TEXT_LENGTH = 30_000;

/** Lists inside lists, at most: deeper ones are unreadable and, far deeper, crash the editor. */
export const MAX_LIST_NESTING = 6;

/**
 * Nodes inside nodes, at most (the root is 0). Six nested lists with a link in the last item reach
 * 14; Lexical parses and renders recursively, so a state 1,000 levels deep must never get there.
 */
export const MAX_NODE_DEPTH = 16;

type RichTextErrorCode = "too_long" | "too_deep" | "invalid_json" | "invalid_state";

/**
 * A submitted rich text that cannot be stored. `code` tells a route which message to show:
 * "too_long" (over {@link MAX_RICH_TEXT_JSON_BYTES} bytes of JSON, or over `max` characters of
 * plain text), "too_deep" (lists nested deeper than {@link MAX_LIST_NESTING}, or nodes deeper than
 * {@link MAX_NODE_DEPTH}), "invalid_json" (not JSON at all) or "invalid_state" (JSON, but not a
 * state of this editor, e.g. an unknown node).
 */
export class RichTextError extends Error {
  override readonly name = "RichTextError";
  readonly code: RichTextErrorCode;
  /** For plain text that is too long: the most characters it may have. */
  readonly max: number | undefined;

  constructor(code: RichTextErrorCode, message: string, options?: { cause?: unknown; max?: number }) {
    super(message, options);
    this.code = code;
    this.max = options?.max;
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

/**
 * A list item that holds a nested list moves into the item before it; with no item before it
 * (a list whose first item is indented), Lexical keeps it where it is by replacing it with itself,
 * which happy-dom treats as a removal: the whole nested list vanished from the HTML. Keeping it is
 * what "no replacement" means, so that answer becomes none.
 */
function exportListItem(editor: LexicalEditor, node: LexicalNode) {
  const output = node.exportDOM(editor);
  const { after } = output;
  if (!after) return output;
  return {
    ...output,
    after: (element: Parameters<typeof after>[0]) => {
      const replacement = after.call(node, element);
      return replacement === element ? null : replacement;
    },
  };
}

/**
 * Lexical wraps unformatted text in a span styled white-space: pre-wrap, which the sanitizer would
 * strip to a bare span that means nothing; such text is exported as the text itself.
 */
function exportText(editor: LexicalEditor, node: LexicalNode) {
  if ($isTextNode(node) && node.getType() === "text" && node.getFormat() === 0 && node.getStyle() === "") {
    return { element: globalThis.document.createTextNode(node.getTextContent()) as unknown as HTMLElement };
  }
  return node.exportDOM(editor);
}

/** A headless editor with the shared node list: the renderer's, and the PDF's reader of stored states. */
export function createEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: richTextNamespace,
    nodes: [...richTextNodes],
    theme: richTextTheme,
    html: {
      export: new Map<Klass<LexicalNode>, typeof exportText>([
        [ListItemNode, exportListItem],
        [TextNode, exportText],
      ]),
    },
    onError: (error) => {
      throw error;
    },
  });
}

const tooLong = () => new RichTextError("too_long", `Rich text JSON longer than ${MAX_RICH_TEXT_JSON_BYTES} bytes.`);

/** Checked before anything else: a character is at least one byte, so a long string fails fast. */
function checkJsonSize(json: string): void {
  if (json.length > MAX_RICH_TEXT_JSON_BYTES || Buffer.byteLength(json, "utf8") > MAX_RICH_TEXT_JSON_BYTES) {
    throw tooLong();
  }
}

function parseInput(input: unknown): unknown {
  if (typeof input === "string") {
    checkJsonSize(input);
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
      // A cycle, or nesting deep enough to exhaust the stack.
      throw new RichTextError("invalid_json", "Rich text cannot be serialized as JSON.", { cause });
    }
    checkJsonSize(serialized);
    return JSON.parse(serialized);
  }
  throw new RichTextError("invalid_json", "Rich text must be a JSON string or object.");
}

/**
 * Refuses a state nested deeper than {@link MAX_NODE_DEPTH}, or with lists nested deeper than
 * {@link MAX_LIST_NESTING}, before Lexical (which recurses) sees it. Iterative on purpose.
 */
function checkDepth(state: SerializedEditorState): void {
  const stack: Array<{ node: unknown; depth: number; lists: number }> = [{ node: state.root, depth: 0, lists: 0 }];
  while (stack.length > 0) {
    const { node, depth, lists } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const { type, children } = node as { type?: unknown; children?: unknown };
    const nested = type === "list" ? lists + 1 : lists;
    if (depth > MAX_NODE_DEPTH || nested > MAX_LIST_NESTING) {
      throw new RichTextError(
        "too_deep",
        `Rich text nested deeper than ${MAX_NODE_DEPTH} nodes or ${MAX_LIST_NESTING} lists.`,
      );
    }
    if (Array.isArray(children)) {
      for (const child of children) stack.push({ node: child, depth: depth + 1, lists: nested });
    }
  }
}

function isSerializedState(value: unknown): value is SerializedEditorState {
  if (value === null || typeof value !== "object") return false;
  const root = (value as { root?: unknown }).root;
  if (root === null || typeof root !== "object") return false;
  const { type, children } = root as { type?: unknown; children?: unknown };
  return type === "root" && Array.isArray(children);
}

/**
 * Characters no one types (PostgreSQL refuses NUL in JSON and text, and a lone surrogate in JSON):
 * the C0 controls but tab and line feed, DEL and the C1 controls. JSON escapes let them through.
 */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, "").replace(loneSurrogates, "");
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
      // A tab node is a text node whose text is "\t": the tab is content, not a control character.
      const text = node.getTextContent();
      const clean = node.getType() === "tab" ? text : withoutControlCharacters(text);
      if (clean !== text) node.setTextContent(clean);
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
  checkDepth(parsed);
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
    const html = sanitizeRichTextHtml(withDOM(() => editor.read(() => $generateHtmlFromNodes(editor, null))));
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

/** A rich text as it is stored: the state, its sanitized HTML and its plain text. */
export interface StoredRichText {
  json: unknown;
  html: string;
  text: string;
}

/** Browsers send a textarea's line breaks as CRLF; the field's surrounding blanks do not count. */
const comparableText = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/**
 * A digest of the plain text a textarea shows in place of a stored rich text. The form carries it
 * in `${name}Shown`, so that on saving, the server can tell whether the text was left as it was.
 */
export function shownTextDigest(text: string): string {
  return createHash("sha256").update(comparableText(text)).digest("base64url");
}

/**
 * Reads the rich-text field `name` of a submitted form: `${name}Format` is "lexical" when the
 * editor sent its JSON, "text" (or missing) when a browser without JavaScript sent the textarea.
 * Returns null when nothing was written; throws {@link RichTextError} for an invalid state.
 *
 * A textarea cannot show formatting, so saving its text would drop the formatting of a text the
 * person never touched. When the submitted text is the one the textarea showed (its digest is in
 * `${name}Shown`), `stored` is asked for the state the form was made from; if that state's text is
 * still the one shown, it is returned exactly as stored. `stored` must answer only for the version
 * the form was made from (null otherwise); it is called only for an unchanged text.
 */
export async function richTextFromForm(
  form: FormData,
  name: string,
  stored?: () => Promise<StoredRichText | null>,
): Promise<StoredRichText | null> {
  const value = form.get(name);
  if (typeof value !== "string" || value.trim() === "") return null;
  if (form.get(`${name}Format`) === "lexical") {
    const rendered = await renderRichText(value);
    return isEmptyRichText(rendered.json) ? null : rendered;
  }
  const shown = form.get(`${name}Shown`);
  if (stored && typeof shown === "string" && shown !== "" && shownTextDigest(value) === shown) {
    const kept = await stored();
    if (kept && shownTextDigest(kept.text) === shown) return kept;
  }
  // Converting text costs time in proportion to its length: the length is checked first.
  if (value.length > MAX_RICH_TEXT_TEXT_LENGTH) {
    throw new RichTextError("too_long", `Plain text longer than ${MAX_RICH_TEXT_TEXT_LENGTH} characters.`, {
      max: MAX_RICH_TEXT_TEXT_LENGTH,
    });
  }
  const rendered = await renderRichText(richTextFromPlainText(value));
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
