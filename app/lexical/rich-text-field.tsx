import type { SerializedEditorState } from "lexical";
import { lazy, startTransition, Suspense, useEffect, useId, useRef, useState, type ComponentType } from "react";
import { FieldError } from "../components/field-error";
import type { FieldMessage } from "../lib/forms";
import type { RichTextDraft, RichTextEditorProps } from "./editor.client";
import { typedBeforeHydration } from "./typed-before-hydration";
import "./rich-text.css";

/** Without the editor (JavaScript off, not hydrated yet, or its chunk failed to load). */
function PlainTextInput({
  name,
  id,
  fieldKey,
  text,
  shown,
  plainTextHint,
  describedBy,
  invalid,
  onDraft,
}: {
  name: string;
  id: string;
  /** The field's useId, by which hydration finds what was typed here (typed-before-hydration.ts). */
  fieldKey?: string;
  text: string;
  shown?: string;
  plainTextHint?: string;
  describedBy?: string;
  invalid?: boolean;
  onDraft?: (draft: Partial<RichTextDraft>) => void;
}) {
  const hintId = `${id}-plain-hint`;
  return (
    <>
      <textarea
        id={id}
        name={name}
        className="rt-textarea"
        data-field-key={fieldKey}
        rows={8}
        defaultValue={text}
        aria-describedby={[describedBy, plainTextHint ? hintId : null].filter(Boolean).join(" ") || undefined}
        aria-invalid={invalid ? true : undefined}
        onChange={(event) => onDraft?.({ text: event.currentTarget.value })}
        onFocus={() => onDraft?.({ focused: true })}
        onBlur={() => onDraft?.({ focused: false })}
      />
      {plainTextHint ? (
        <p id={hintId} className="hint">
          {plainTextHint}
        </p>
      ) : null}
      <input type="hidden" name={`${name}Format`} value="text" />
      {/* Sent back as it came: the server keeps the stored formatting when the text is unchanged. */}
      {shown ? <input type="hidden" name={`${name}Shown`} value={shown} /> : null}
    </>
  );
}

/** If the editor's chunk cannot load, the textarea stays: the form still works. */
function EditorUnavailable({
  name,
  id,
  initialText,
  shown,
  plainTextHint,
  takeDraft,
  describedBy,
  invalid,
}: RichTextEditorProps) {
  const text = takeDraft?.().text ?? initialText ?? "";
  return (
    <PlainTextInput
      name={name}
      id={id ?? name}
      text={text}
      shown={shown}
      plainTextHint={plainTextHint}
      describedBy={describedBy}
      invalid={invalid}
    />
  );
}

// The only reference to the editor module: a separate chunk, fetched after hydration.
const RichTextEditor = lazy((): Promise<{ default: ComponentType<RichTextEditorProps> }> =>
  import("./editor.client").catch((error: unknown) => {
    console.error("The rich-text editor could not be loaded; keeping the plain textarea.", error);
    return { default: EditorUnavailable };
  }),
);

interface RichTextFieldProps {
  /** Form field name; the server reads it with richTextFromForm(form, name). */
  name: string;
  label: string;
  /** The stored Lexical state, for the editor. */
  initialJson?: SerializedEditorState | string | null;
  /** The same content as plain text, for the textarea shown without JavaScript. */
  initialText?: string | null;
  /**
   * The server's digest of `initialText` when it stands for a stored state, sent back with the
   * textarea's text as `${name}Shown`: an unchanged text then keeps the stored formatting.
   */
  shown?: string;
  hint?: string;
  /** Shown under the textarea only (without JavaScript): what happens to formatting there. */
  plainTextHint?: string;
  error?: FieldMessage;
}

/**
 * A rich-text form field. Server-rendered (and without JavaScript) it is a textarea sending
 * `${name}Format=text`; once hydrated it becomes the Lexical editor, loaded lazily, which sends
 * the state as JSON with `${name}Format=lexical`. Either way the same action handles it.
 */
export function RichTextField({
  name,
  label,
  initialJson,
  initialText,
  shown,
  hint,
  plainTextHint,
  error,
}: RichTextFieldProps) {
  const [enhanced, setEnhanced] = useState(false);
  const controlRef = useRef<HTMLDivElement>(null);
  const fieldKey = useId();
  // Read as the page hydrates, before React puts the server's text back into the textarea.
  const [typedEarly] = useState(() => typedBeforeHydration(fieldKey));
  const draft = useRef<RichTextDraft>({
    text: typedEarly !== null && typedEarly !== (initialText ?? "") ? typedEarly : null,
    focused: false,
  });
  const ids = { label: `${name}-label`, input: name, hint: `${name}-hint`, error: `${name}-error` };
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
  const invalid = Boolean(error);

  const updateDraft = (change: Partial<RichTextDraft>) => {
    draft.current = { ...draft.current, ...change };
  };

  useEffect(() => {
    // Text typed before hydration has no React event behind it: read it from the element.
    const textarea = controlRef.current?.querySelector("textarea");
    if (textarea) {
      if (textarea.value !== (initialText ?? "")) updateDraft({ text: textarea.value });
      updateDraft({ focused: textarea.ownerDocument.activeElement === textarea });
    }
    // A transition keeps the textarea on screen until the editor's chunk has arrived.
    startTransition(() => setEnhanced(true));
    // Once, on hydration: what was typed before it is read from the element, not from props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The draft is a ref, not state, so typing does not re-render the field; it is read here only to
  // give the textarea back what was typed when the editor falls back to it.
  const textarea = (
    <PlainTextInput
      name={name}
      id={ids.input}
      fieldKey={fieldKey}
      text={draft.current.text ?? initialText ?? ""}
      shown={shown}
      plainTextHint={plainTextHint}
      describedBy={describedBy}
      invalid={invalid}
      onDraft={updateDraft}
    />
  );

  return (
    <div className="field rt-field">
      {/* The click handler only moves focus, which the keyboard does by Tab already. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <label
        id={ids.label}
        htmlFor={ids.input}
        onClick={(event) => {
          // The editor is a contenteditable <div>, which a <label> does not focus by itself.
          const target = event.currentTarget.ownerDocument.getElementById(ids.input);
          if (target && target.tagName !== "TEXTAREA") target.focus();
        }}
      >
        {label}
      </label>
      {hint ? (
        <p id={ids.hint} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={ids.error} error={error} />
      <div ref={controlRef} className="rt-field__control">
        {/* The boundary exists from the first render, so the transition above keeps this very
            textarea (its text, its focus) on screen while the editor's chunk loads. */}
        <Suspense fallback={textarea}>
          {enhanced ? (
            <RichTextEditor
              name={name}
              id={ids.input}
              initialJson={initialJson}
              initialText={initialText}
              shown={shown}
              plainTextHint={plainTextHint}
              labelledBy={ids.label}
              describedBy={describedBy}
              invalid={invalid}
              takeDraft={() => draft.current}
            />
          ) : (
            textarea
          )}
        </Suspense>
      </div>
    </div>
  );
}
