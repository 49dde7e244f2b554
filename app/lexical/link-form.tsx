import { $createLinkNode, $toggleLink } from "@lexical/link";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
} from "lexical";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "../i18n/translation";
import { linkFromInput } from "./url";

/**
 * Asks for a link's address below the toolbar. It is not a <form> (it sits inside the page's
 * form) and its input has no name, so it never travels with the POST; Enter applies, Escape
 * cancels. With text selected, the text becomes the link; with none, the address is inserted.
 */
export function LinkForm({
  selection,
  onClose,
}: {
  selection: BaseSelection | null;
  onClose: (applied: boolean) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const apply = () => {
    const typed = inputRef.current?.value ?? "";
    const url = linkFromInput(typed);
    if (url === null) {
      setInvalid(true);
      inputRef.current?.focus();
      return;
    }
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      else $getRoot().selectEnd();
      const current = $getSelection();
      if ($isRangeSelection(current) && current.isCollapsed()) {
        current.insertNodes([$createLinkNode(url).append($createTextNode(typed.trim()))]);
      } else {
        $toggleLink(url);
      }
    });
    onClose(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Enter would otherwise submit the page's form.
      event.preventDefault();
      apply();
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose(false);
    }
  };

  return (
    <div className="rt-link-form">
      <label htmlFor={`${id}-url`}>{t("editor.linkUrl")}</label>
      <p id={`${id}-hint`} className="hint">
        {t("editor.linkHint")}
      </p>
      {invalid ? (
        <p id={`${id}-error`} className="field-error">
          {t("editor.linkInvalid")}
        </p>
      ) : null}
      <div className="rt-link-form__row">
        <input
          ref={inputRef}
          id={`${id}-url`}
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={invalid ? true : undefined}
          onKeyDown={onKeyDown}
          onChange={() => setInvalid(false)}
        />
        <button type="button" className="button button--quiet" onClick={apply}>
          {t("editor.linkApply")}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onClose(false)}>
          {t("form.cancel")}
        </button>
      </div>
    </div>
  );
}
