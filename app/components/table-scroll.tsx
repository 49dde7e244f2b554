import type { ReactNode } from "react";

/**
 * A wide table's own sideways scroll box: on a phone the table scrolls inside it instead of widening
 * the page. Focusable, so keyboard users can scroll it too (axe's scrollable-region-focusable), and
 * therefore named, after the heading or caption `labelledBy` points to.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" tabIndex={0} role="group" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
