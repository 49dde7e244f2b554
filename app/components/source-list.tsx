import type { SourceInfo } from "../lib/source-info";
import { SourceLink } from "./source-link";

/** A record's sources under their own heading; nothing at all when it cites none. */
export function SourceList({ heading, sources }: { heading: string; sources: (SourceInfo & { id: number })[] }) {
  if (!sources.length) return null;
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{heading}</h2>
      <ul className="sources">
        {sources.map((s) => (
          <li key={s.id}>
            <SourceLink source={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
