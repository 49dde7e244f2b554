// A stored rich text as a list of blocks for a document drawn without HTML (the briefing's PDF):
// parsed with the same editor and node list the server renderer uses, so the PDF holds what the
// page shows, lists with their bullets and numbers included.
import { $isLinkNode } from "@lexical/link";
import { $isListItemNode, $isListNode, type ListNode } from "@lexical/list";
import { $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from "lexical";
import { createEditor, isEmptyRichText } from "./render.server";

/** A stretch of text in one style; a link's text carries its address. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  url?: string;
}

export type RichBlock =
  | { kind: "paragraph" | "quote"; runs: TextRun[] }
  | { kind: "heading"; level: 2 | 3 | 4; runs: TextRun[] }
  /** A list item: its marker ("•", "3."), and how deep its list is nested (0: not nested). */
  | { kind: "item"; marker: string; depth: number; runs: TextRun[] };

function $runs(node: LexicalNode, url?: string): TextRun[] {
  if ($isLineBreakNode(node)) return [{ text: "\n", bold: false, italic: false, url }];
  if ($isTextNode(node)) {
    return [{ text: node.getTextContent(), bold: node.hasFormat("bold"), italic: node.hasFormat("italic"), url }];
  }
  if (!$isElementNode(node)) return [];
  const href = $isLinkNode(node) ? node.getURL() : url;
  return node.getChildren<LexicalNode>().flatMap((child) => $runs(child, href));
}

function $listBlocks(list: ListNode, depth: number): RichBlock[] {
  const numbered = list.getListType() === "number";
  const blocks: RichBlock[] = [];
  for (const item of list.getChildren<LexicalNode>()) {
    if (!$isListItemNode(item)) continue;
    const children = item.getChildren<LexicalNode>();
    const inline = children.filter((child) => !$isListNode(child));
    // An item holding only a nested list is how Lexical indents: it has no marker of its own.
    if (inline.length) {
      blocks.push({
        kind: "item",
        marker: numbered ? `${item.getValue()}.` : "•",
        depth,
        runs: inline.flatMap((child) => $runs(child)),
      });
    }
    for (const child of children) if ($isListNode(child)) blocks.push(...$listBlocks(child, depth + 1));
  }
  return blocks;
}

function $blocks(): RichBlock[] {
  return $getRoot()
    .getChildren<LexicalNode>()
    .flatMap((node): RichBlock[] => {
      if ($isListNode(node)) return $listBlocks(node, 0);
      if ($isHeadingNode(node)) {
        const level = Math.min(4, Math.max(2, Number(node.getTag().slice(1)))) as 2 | 3 | 4;
        return [{ kind: "heading", level, runs: $runs(node) }];
      }
      return [{ kind: $isQuoteNode(node) ? "quote" : "paragraph", runs: $runs(node) }];
    })
    .filter((block) => block.runs.some((run) => run.text.trim() !== ""));
}

/**
 * The blocks of a stored state (as saved: already checked and normalized by renderRichText).
 * Empty for no text; null when the state cannot be read, so the caller can fall back to the
 * plain text.
 */
export function richTextBlocks(json: unknown): RichBlock[] | null {
  if (isEmptyRichText(json)) return [];
  const editor = createEditor();
  try {
    const state = editor.parseEditorState(json as Parameters<typeof editor.parseEditorState>[0]);
    return state.read($blocks);
  } catch {
    return null;
  }
}
