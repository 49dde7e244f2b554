import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
  type ElementNode,
  type LexicalEditor,
} from "lexical";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "../i18n/translation";
import { LinkForm } from "./link-form";

type BlockType = "paragraph" | "h2" | "heading" | "bullet" | "number" | "quote";

interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  blockType: BlockType;
  link: boolean;
}

const noFormat: SelectionFormat = { bold: false, italic: false, blockType: "paragraph", link: false };

function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return noFormat;
  const anchor = selection.anchor.getNode();
  const block =
    anchor.getKey() === "root"
      ? null
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElement());
  let blockType: BlockType = "paragraph";
  if ($isListNode(block)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? block;
    blockType = list.getListType() === "number" ? "number" : "bullet";
  } else if ($isHeadingNode(block)) {
    blockType = block.getTag() === "h2" ? "h2" : "heading";
  } else if ($isQuoteNode(block)) {
    blockType = "quote";
  }
  const focus = selection.focus.getNode();
  return {
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    blockType,
    link: $findMatchingParent(anchor, $isLinkNode) !== null || $findMatchingParent(focus, $isLinkNode) !== null,
  };
}

function setBlocks(editor: LexicalEditor, create: () => ElementNode) {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, create);
  });
}

// Drawn rather than an emoji: not every system has an emoji font.
const linkIcon = (
  <svg
    width="18"
    height="18"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
    strokeLinecap="round"
    strokeLinejoin="round"
    focusable="false"
  >
    <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
    <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
  </svg>
);

interface ToolbarButton {
  key: string;
  label: string;
  glyph: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/**
 * The formatting toolbar: one tab stop (arrow keys, Home and End move between buttons, as the
 * ARIA toolbar pattern asks), toggles announce their state with aria-pressed, and Ctrl/Cmd+B,
 * Ctrl/Cmd+I, Ctrl/Cmd+Z keep working in the text itself.
 */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const [format, setFormat] = useState<SelectionFormat>(noFormat);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  // The selection a link will go on, kept while the link form has the focus.
  const [linkForm, setLinkForm] = useState<{ selection: BaseSelection | null } | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkButtonRef = useRef<HTMLButtonElement | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          setFormat(editorState.read($readSelectionFormat));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (payload) => {
            setCanUndo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (payload) => {
            setCanRedo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  const { blockType } = format;
  const buttons: ToolbarButton[] = [
    {
      key: "bold",
      label: t("editor.bold"),
      glyph: "B",
      pressed: format.bold,
      onClick: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold"),
    },
    {
      key: "italic",
      label: t("editor.italic"),
      glyph: "I",
      pressed: format.italic,
      onClick: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic"),
    },
    {
      key: "heading",
      label: t("editor.heading"),
      glyph: "H",
      pressed: blockType === "h2",
      onClick: () => setBlocks(editor, blockType === "h2" ? $createParagraphNode : () => $createHeadingNode("h2")),
    },
    {
      key: "bullet",
      label: t("editor.bulletList"),
      glyph: "•",
      pressed: blockType === "bullet",
      onClick: () =>
        blockType === "bullet"
          ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
          : editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
    },
    {
      key: "number",
      label: t("editor.numberedList"),
      glyph: "1.",
      pressed: blockType === "number",
      onClick: () =>
        blockType === "number"
          ? editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
          : editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
    },
    {
      key: "quote",
      label: t("editor.quote"),
      glyph: "“",
      pressed: blockType === "quote",
      onClick: () => setBlocks(editor, blockType === "quote" ? $createParagraphNode : () => $createQuoteNode()),
    },
    {
      key: "link",
      label: t("editor.link"),
      glyph: linkIcon,
      pressed: format.link,
      onClick: () => {
        if (format.link) {
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
          return;
        }
        const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
        setLinkForm({ selection });
      },
    },
    {
      key: "undo",
      label: t("editor.undo"),
      glyph: "↶",
      disabled: !canUndo,
      onClick: () => editor.dispatchCommand(UNDO_COMMAND, undefined),
    },
    {
      key: "redo",
      label: t("editor.redo"),
      glyph: "↷",
      disabled: !canRedo,
      onClick: () => editor.dispatchCommand(REDO_COMMAND, undefined),
    },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight"
        ? activeIndex === last
          ? 0
          : activeIndex + 1
        : event.key === "ArrowLeft"
          ? activeIndex === 0
            ? last
            : activeIndex - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setActiveIndex(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  };

  return (
    <>
      <div
        ref={toolbarRef}
        className="rt-toolbar"
        role="toolbar"
        aria-label={t("editor.toolbar")}
        onKeyDown={onKeyDown}
      >
        {buttons.map((button, index) => (
          <button
            key={button.key}
            ref={button.key === "link" ? linkButtonRef : undefined}
            type="button"
            className={`rt-toolbar__button rt-toolbar__button--${button.key}`}
            aria-label={button.label}
            title={button.label}
            aria-pressed={button.pressed === undefined ? undefined : button.pressed}
            aria-disabled={button.disabled ? true : undefined}
            tabIndex={index === activeIndex ? 0 : -1}
            // A mouse click leaves the focus (and the selection) in the text.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setActiveIndex(index)}
            onClick={() => {
              if (!button.disabled) button.onClick();
            }}
          >
            <span aria-hidden="true">{button.glyph}</span>
          </button>
        ))}
      </div>
      {linkForm ? (
        <LinkForm
          selection={linkForm.selection}
          onClose={(applied) => {
            setLinkForm(null);
            if (applied) editor.focus();
            else linkButtonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
