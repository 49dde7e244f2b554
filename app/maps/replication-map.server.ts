// The replication chain's map, drawn on the server: world-atlas's country shapes (bundled into the
// server build by the import below, never fetched) projected with d3-geo onto the countries the chain
// touches, as compact SVG path data. The page only renders the strings (docs/decisions/0016).
import { geoBounds, geoCentroid, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-50m.json";
import { chainDepths, type ReplicationChain, type ReplicationMap } from "../lib/replication";
import { numericCodes } from "./iso-numeric.server";

type Country = Feature<Polygon | MultiPolygon, { name: string }>;

export const mapWidth = 640;
const minHeight = 260;
const maxHeight = 480;
const padding = 32;

let shapes: Map<string, Country> | null = null;

/** The countries by world-atlas's numeric id, made from the TopoJSON once, on first use. */
function countryShapes() {
  if (!shapes) {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const all = feature(topology, topology.objects.countries) as FeatureCollection<
      Polygon | MultiPolygon,
      { name: string }
    >;
    shapes = new Map(all.features.filter((f) => f.id !== undefined).map((f) => [String(f.id), f]));
  }
  return shapes;
}

/** The alpha-2 code of a numeric one: the map names its countries as the countries table does. */
const alpha2 = new Map([...numericCodes].map(([code, numeric]) => [numeric, code]));

const shapeOf = (code: string | null | undefined) => {
  const numeric = code ? numericCodes.get(code) : undefined;
  return numeric ? countryShapes().get(numeric) : undefined;
};

/** How far (in the map's units) a simplified outline may stray from the shape: under a pixel. */
const tolerance = 1;
/** A ring smaller than this (in square units) is an islet no reader would see: not drawn. */
const minArea = 4;

/** Douglas–Peucker: the points of a ring that keep it within `tolerance` of its shape. */
function simplify(points: [number, number][]): [number, number][] {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      const d = length
        ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
        : Math.hypot(px - ax, py - ay);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest > 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * SVG path data of whole numbers, each ring simplified to within a pixel and written with relative
 * moves: at this size a pixel is as fine as a reader can see, and the data stays a few kilobytes.
 */
class CompactPath {
  private parts: string[] = [];
  private ring: [number, number][] = [];

  moveTo(x: number, y: number) {
    this.flush();
    this.ring = [[x, y]];
  }

  lineTo(x: number, y: number) {
    this.ring.push([x, y]);
  }

  closePath() {
    this.flush();
  }

  arc() {}

  beginPath() {}

  /** A ring that simplifies to a few pixels or fewer three distinct points is not drawn. */
  private flush() {
    const ring = this.ring;
    this.ring = [];
    if (ring.length < 3) return;
    const points = simplify(ring).map(([x, y]) => [Math.round(x), Math.round(y)] as const);
    let area = 0;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      area += (points[j]![0] + points[i]![0]) * (points[j]![1] - points[i]![1]);
    }
    if (Math.abs(area / 2) < minArea) return;
    let [px, py] = points[0]!;
    let path = `M${px} ${py}`;
    let moves = 0;
    for (const [x, y] of points.slice(1)) {
      if (x === px && y === py) continue;
      path += `l${x - px} ${y - py}`.replace(/ -/g, "-");
      [px, py] = [x, y];
      moves++;
    }
    if (moves >= 2) this.parts.push(`${path}z`);
  }

  toString() {
    this.flush();
    return this.parts.join("");
  }
}

function drawn(projection: GeoProjection, object: Geometry | Feature) {
  const context = new CompactPath();
  geoPath(projection, context)(object as Feature);
  return context.toString();
}

/** Where each case of the chain stands: its own place, else the place the idea reached it, else its country. */
function casePositions(chain: ReplicationChain) {
  const positions = new Map<number, [number, number]>();
  for (const c of chain.cases) {
    const arrival = chain.links.find((l) => l.toCaseId === c.caseId && l.latitude !== null && l.longitude !== null);
    if (c.latitude !== null && c.longitude !== null) positions.set(c.caseId, [c.longitude, c.latitude]);
    else if (arrival) positions.set(c.caseId, [arrival.longitude!, arrival.latitude!]);
    else {
      const shape = shapeOf(c.countryCode);
      if (shape) positions.set(c.caseId, geoCentroid(shape));
    }
  }
  return positions;
}

/** The projection fitted to the chain: Mercator turned to the middle of what it shows. */
function fitted(collection: FeatureCollection) {
  const [[west], [east]] = geoBounds(collection);
  const middle = west <= east ? (west + east) / 2 : (west + east + 360) / 2;
  const projection = geoMercator().rotate([-middle, 0]);
  projection.fitWidth(mapWidth - 2 * padding, collection);
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(collection);
  const natural = ((y1 - y0) / Math.max(x1 - x0, 1)) * (mapWidth - 2 * padding) + 2 * padding;
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, natural)));
  projection.fitExtent(
    [
      [padding, padding],
      [mapWidth - padding, height - padding],
    ],
    collection,
  );
  projection.clipExtent([
    [0, 0],
    [mapWidth, height],
  ]);
  return { projection, height };
}

const boundsOf = new WeakMap<Country, [[number, number], [number, number]]>();

/**
 * Whether a country may show in the picture, from its longitude and latitude bounds against the
 * view's: the countries far away are not projected at all. A country across the antimeridian, or a
 * view across it, is always projected (clipping then leaves out what is not in view).
 */
function viewFilter(projection: GeoProjection, height: number) {
  const corner = (x: number, y: number) => projection.invert!([x, y]) ?? [0, 0];
  const [west, north] = corner(0, 0);
  const [east, south] = corner(mapWidth, height);
  return (shape: Country) => {
    let bounds = boundsOf.get(shape);
    if (!bounds) boundsOf.set(shape, (bounds = geoBounds(shape)));
    const [[w, s], [e, n]] = bounds;
    if (w > e || west > east) return true;
    return e >= west && w <= east && n >= south && s <= north;
  };
}

/** A curved arrow from one point towards another, stopping short of both dots. */
function arrowPath(from: [number, number], to: [number, number]) {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const length = Math.hypot(dx, dy);
  if (length < 24) return null;
  const inset = 12 / length;
  const a = [from[0] + dx * inset, from[1] + dy * inset];
  const b = [to[0] - dx * inset, to[1] - dy * inset];
  // The bend: a fifth of the length, to the left of the way, so arrows both ways stay apart.
  const c = [(from[0] + to[0]) / 2 + dy * 0.2, (from[1] + to[1]) / 2 - dx * 0.2];
  const r = (v: number) => Math.round(v);
  return `M${r(a[0]!)} ${r(a[1]!)}Q${r(c[0]!)} ${r(c[1]!)} ${r(b[0]!)} ${r(b[1]!)}`;
}

const cache = new Map<string, ReplicationMap | null>();
const cacheSize = 200;

/**
 * The chain's map: the countries in view (those the chain touches marked), a point per case and an
 * arrow per link. Null when no case of the chain can be placed. The same chain always gives the
 * same map, which is kept for the next reader.
 */
export function replicationMap(chain: ReplicationChain): ReplicationMap | null {
  const { positions, involvedCodes, key } = mapInput(chain);
  if (cache.has(key)) return cache.get(key)!;
  const map = draw(chain, positions, involvedCodes);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, map);
  return map;
}

/** The map drawn afresh, without the cache (for the tests: the same chain must give the same map). */
export function drawReplicationMap(chain: ReplicationChain) {
  const { positions, involvedCodes } = mapInput(chain);
  return draw(chain, positions, involvedCodes);
}

/** What the map depends on: where the cases stand, which countries the chain touches, its links. */
function mapInput(chain: ReplicationChain) {
  const positions = casePositions(chain);
  const involvedCodes = [
    ...new Set(
      [...chain.cases.map((c) => c.countryCode), ...chain.links.map((l) => l.countryCode ?? "")].filter(Boolean),
    ),
  ].sort();
  const key = JSON.stringify([
    [...positions].sort((a, b) => a[0] - b[0]),
    involvedCodes,
    chain.caseId,
    chain.links.map((l) => [l.id, l.fromCaseId, l.toCaseId]),
  ]);
  return { positions, involvedCodes, key };
}

function draw(
  chain: ReplicationChain,
  positions: Map<number, [number, number]>,
  involvedCodes: string[],
): ReplicationMap | null {
  if (!positions.size) return null;
  const involved = involvedCodes.flatMap((code) => {
    const shape = shapeOf(code);
    return shape ? [{ code, shape }] : [];
  });
  const collection: FeatureCollection = {
    type: "FeatureCollection",
    features: [
      ...involved.map((c) => c.shape),
      ...[...positions.values()].map((p): Feature => ({
        type: "Feature",
        properties: {},
        geometry: { type: "Point", coordinates: p },
      })),
    ],
  };
  const { projection, height } = fitted(collection);
  const involvedIds = new Set(involved.map((c) => String(c.shape.id)));
  const countries: ReplicationMap["countries"] = [];
  const inView = viewFilter(projection, height);
  for (const [id, shape] of countryShapes()) {
    if (!inView(shape)) continue;
    const d = drawn(projection, shape);
    if (d) countries.push({ code: alpha2.get(id) ?? id, d, involved: involvedIds.has(id) });
  }
  // The chain's countries drawn last, so their borders lie on top of their neighbours'.
  countries.sort((a, b) => Number(a.involved) - Number(b.involved) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const projected = new Map<number, [number, number]>();
  for (const [caseId, p] of positions) {
    const xy = projection(p);
    if (xy) projected.set(caseId, [Math.round(xy[0]), Math.round(xy[1])]);
  }
  const depths = chainDepths(chain);
  const points = [...projected]
    .filter(([caseId]) => depths.has(caseId))
    .sort((a, b) => a[0] - b[0])
    .map(([caseId, [x, y]]) => ({ caseId, x, y, self: caseId === chain.caseId }));
  const arrows = chain.links.flatMap((l) => {
    const from = projected.get(l.fromCaseId);
    const to = projected.get(l.toCaseId);
    const d = from && to ? arrowPath(from, to) : null;
    return d ? [{ linkId: l.id, d }] : [];
  });
  return { width: mapWidth, height, countries, points, arrows };
}
