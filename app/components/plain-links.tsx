import { useRef, type ReactNode } from "react";
import { usePlainLinks } from "../lib/use-plain-links";

/**
 * A box whose plain `<a href>` links are followed in the app, as <Link>s would be: for lists that
 * render dozens of links on every view (lib/use-plain-links.ts says why).
 */
export function PlainLinks({ className, children }: { className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  usePlainLinks(box);
  return (
    <div ref={box} className={className}>
      {children}
    </div>
  );
}
