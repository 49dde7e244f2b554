import { AutoFocusPlugin } from "@lexical/react/LexicalAutoFocusPlugin";
import { LexicalComposer, type InitialConfigType } from "@lexical/react/LexicalComposer";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import {
  $createParagraphNode,
  $getRoot,
  $parseSerializedNode,
  type LexicalEditor,
  type SerializedEditorState,
} from "lexical";
import { useState } from "react";
import { HiddenInputPlugin } from "./hidden-input-plugin";
import { richTextNamespace, richTextNodes } from "./nodes";
import { $appendPlainText } from "./plain-text";
import { richTextTheme } from "./theme";
import { ToolbarPlugin } from "./toolbar-plugin";
import { isAllowedUrl } from "./url";

/** What the textarea held when the editor replaced it, so nothing typed before is lost. */
export interface RichTextDraft {
  /** The textarea's text, when someone changed it; null when it still holds `initialText`. */
  text: string | null;
  /** Whether the textarea had the focus (the editor then takes it). */
  focused: boolean;
}

export interface RichTextEditorProps {
  /** The form field: `name` carries the JSON, `${name}Format` says "lexical". */
  name: string;
  /** The stored state to edit (JSON string or object). */
  initialJson?: SerializedEditorState | string | null;
  /** Plain text to start from when there is no `initialJson`. */
  initialText?: string | null;
  /** For the textarea kept if this module cannot load (see RichTextField); the editor ignores them. */
  shown?: string;
  plainTextHint?: string;
  /** id of the visible label. */
  labelledBy: string;
  /** ids of the hint and error message, space-separated. */
  describedBy?: string;
  invalid?: boolean;
  /** id for the editable element, so the label can point at it. */
  id?: string;
  /** Read once, when the editor is created (see RichTextField). */
  takeDraft?: () => RichTextDraft;
}

function parseInitialJson(json: SerializedEditorState | string | null | undefined) {
  if (json === null || json === undefined || json === "") return null;
  try {
    const state = (typeof json === "string" ? JSON.parse(json) : json) as Partial<SerializedEditorState>;
    const children = state.root?.children;
    return Array.isArray(children) && children.length > 0 ? children : null;
  } catch {
    return null;
  }
}

/** Fills the empty editor: the draft text, else the stored state, else `initialText`. */
function initialContent(
  initialJson: RichTextEditorProps["initialJson"],
  initialText: string | null | undefined,
  draft: RichTextDraft | undefined,
) {
  return (_editor: LexicalEditor) => {
    const root = $getRoot();
    const children = draft?.text == null ? parseInitialJson(initialJson) : null;
    if (children) {
      try {
        for (const child of children) root.append($parseSerializedNode(child));
      } catch {
        // A state this editor cannot read: start from the plain text instead.
        root.clear();
      }
    }
    if (root.isEmpty()) $appendPlainText(root, draft?.text ?? initialText ?? "");
    if (root.isEmpty()) root.append($createParagraphNode());
  };
}

/**
 * The rich-text editor. Client-only and heavy (~127 KB gzip): load it with React.lazy, as
 * RichTextField does; never import it statically.
 */
export default function RichTextEditor({
  name,
  initialJson,
  initialText,
  labelledBy,
  describedBy,
  invalid,
  id,
  takeDraft,
}: RichTextEditorProps) {
  const [draft] = useState(() => takeDraft?.());
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: richTextNamespace,
    theme: richTextTheme,
    nodes: [...richTextNodes],
    onError: (error: Error) => {
      throw error;
    },
    editorState: initialContent(initialJson, initialText, draft),
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="rt-editor" data-invalid={invalid ? "true" : undefined}>
        <ToolbarPlugin />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={id}
              className="rt-editor__input rich-text"
              role="textbox"
              aria-multiline={true}
              aria-labelledby={labelledBy}
              aria-describedby={describedBy || undefined}
              aria-invalid={invalid ? true : undefined}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <HiddenInputPlugin name={name} />
        {draft?.focused ? <AutoFocusPlugin /> : null}
      </div>
    </LexicalComposer>
  );
}
