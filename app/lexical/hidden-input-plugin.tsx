import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import type { EditorState } from "lexical";
import { useEffect, useRef } from "react";

/**
 * Keeps two hidden inputs in step with the editor so a plain <Form> POST carries the text:
 * `name` holds the editor state as JSON, `${name}Format` says "lexical" (the server then parses
 * the JSON; without JavaScript the textarea sends "text" instead).
 */
export function HiddenInputPlugin({ name }: { name: string }) {
  const [editor] = useLexicalComposerContext();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const write = (editorState: EditorState) => {
      if (inputRef.current) inputRef.current.value = JSON.stringify(editorState.toJSON());
    };
    write(editor.getEditorState());
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      // A selection-only update changes nothing worth sending.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      write(editorState);
    });
  }, [editor]);

  return (
    <>
      {/* No defaultValue: on every re-render (a refused save, a conflict) React writes a hidden
          input's defaultValue, which is its value, and would empty what the editor wrote here. */}
      <input type="hidden" name={name} ref={inputRef} />
      <input type="hidden" name={`${name}Format`} value="lexical" />
    </>
  );
}
