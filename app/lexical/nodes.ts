import type { Klass, LexicalNode } from "lexical";
import { LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";

/** The namespace of every Jembatan rich-text editor (the browser editor and the server renderer). */
export const richTextNamespace = "jembatan";

/**
 * The ONE list of node types a rich text may hold, shared by the browser editor and the server
 * renderer: a state that uses any other node type fails to parse on the server, so it can never
 * be stored. Paragraphs, text, line breaks and tabs are Lexical's core nodes and always present.
 */
export const richTextNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
];
