import "./rich-text.css";

/**
 * Shows a stored rich text: the HTML that renderRichText() sanitized when it was saved. No
 * Lexical here, so read-only pages never load the editor.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={className ? `rich-text ${className}` : "rich-text"}
      // Sanitized on save by app/lexical/render.server.ts (allowlisted tags, classes and links).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
