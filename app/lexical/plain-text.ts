import { $createParagraphNode, $generateNodesFromRawText, type ElementNode } from "lexical";

/**
 * Splits plain text (what a textarea submits) into paragraphs: a blank line (or one holding only
 * spaces) ends a paragraph; single line breaks stay inside it. Windows line endings are accepted.
 */
function plainTextParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ""))
    .filter((block) => block.trim() !== "");
}

/** Appends `text` to `parent` as paragraphs of text nodes with line breaks (inside an update). */
export function $appendPlainText(parent: ElementNode, text: string): void {
  for (const block of plainTextParagraphs(text)) {
    parent.append($createParagraphNode().append(...$generateNodesFromRawText(block)));
  }
}
