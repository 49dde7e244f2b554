// The replication chain as pages receive it: plain data, no server code (the browser may import the types).
import type { CaseLinkStatus } from "./enums";
import type { LocalizedText } from "./localized";
import type { SourceInfo } from "./source-info";

/** A published case of the chain, as the public reads it. */
export interface ChainCase {
  caseId: number;
  slug: string;
  title: LocalizedText;
  countryCode: string;
  countryName: LocalizedText;
  place: LocalizedText | null;
  latitude: number | null;
  longitude: number | null;
  startedYear: number | null;
}

/** One "inspired by / adapted as" step between two published cases: `toCaseId` took its idea from `fromCaseId`. */
export interface ChainLink {
  id: number;
  fromCaseId: number;
  toCaseId: number;
  place: LocalizedText | null;
  countryCode: string | null;
  countryName: LocalizedText | null;
  latitude: number | null;
  longitude: number | null;
  year: number | null;
  status: CaseLinkStatus;
  note: LocalizedText | null;
  source: SourceInfo | null;
}

/**
 * Where a case's idea came from (its origins, up the chain) and where it went (its adaptations,
 * down the chain), through published cases only.
 */
export interface ReplicationChain {
  caseId: number;
  cases: ChainCase[];
  links: ChainLink[];
}

/** One step of the timeline: a case, how it is related to the page's case, and the link that brought the idea to it. */
export interface TimelineStep {
  case: ChainCase;
  role: "origin" | "self" | "adaptation";
  /** Steps away from the page's case: negative up the chain, positive down it. */
  depth: number;
  /** The link by which the idea reached this case (none for the first origin). */
  arrival: ChainLink | null;
  /** The case the idea came from, for an arrival. */
  from: ChainCase | null;
}

/** The map as the server drew it: SVG path data in the viewBox's units, nothing left to project. */
export interface ReplicationMap {
  width: number;
  height: number;
  countries: { code: string; d: string; involved: boolean }[];
  points: { caseId: number; x: number; y: number; self: boolean }[];
  arrows: { linkId: number; d: string }[];
}

/** The chain's steps away from `caseId`: negative for origins, positive for adaptations. */
export function chainDepths(chain: Pick<ReplicationChain, "caseId" | "links">) {
  const depth = new Map<number, number>([[chain.caseId, 0]]);
  const walk = (step: 1 | -1) => {
    let frontier = [chain.caseId];
    for (let d = step; frontier.length; d += step) {
      const next: number[] = [];
      for (const id of frontier) {
        for (const l of chain.links) {
          const [here, there] = step > 0 ? [l.fromCaseId, l.toCaseId] : [l.toCaseId, l.fromCaseId];
          if (here === id && !depth.has(there)) {
            depth.set(there, d);
            next.push(there);
          }
        }
      }
      frontier = next;
    }
  };
  walk(-1);
  walk(1);
  return depth;
}

/**
 * The chain in time order: origins, the case itself, adaptations. Within that order a step with a
 * year comes after one with an earlier year; a step without a year keeps its place in the chain.
 */
export function timelineOf(chain: ReplicationChain): TimelineStep[] {
  const depths = chainDepths(chain);
  const byId = new Map(chain.cases.map((c) => [c.caseId, c]));
  const steps: TimelineStep[] = [];
  for (const c of chain.cases) {
    const depth = depths.get(c.caseId);
    if (depth === undefined) continue;
    // The link into this case from the side of the chain it belongs to.
    const arrival =
      chain.links.find((l) => l.toCaseId === c.caseId && (depths.get(l.fromCaseId) ?? Infinity) < depth) ?? null;
    steps.push({
      case: c,
      role: depth < 0 ? "origin" : depth > 0 ? "adaptation" : "self",
      depth,
      arrival,
      from: arrival ? (byId.get(arrival.fromCaseId) ?? null) : null,
    });
  }
  const yearOf = (s: TimelineStep) => s.arrival?.year ?? s.case.startedYear ?? null;
  return steps.sort((a, b) => {
    const ya = yearOf(a);
    const yb = yearOf(b);
    if (Math.sign(a.depth) === Math.sign(b.depth) && ya !== null && yb !== null && ya !== yb) return ya - yb;
    return a.depth - b.depth || a.case.caseId - b.case.caseId;
  });
}
