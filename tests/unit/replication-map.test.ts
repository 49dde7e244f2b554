import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ChainCase, ChainLink, ReplicationChain } from "../../app/lib/replication";
import { drawReplicationMap, replicationMap } from "../../app/maps/replication-map.server";
import { readClientBuild } from "../support/client-build";

// The replication chain's map is drawn on the server from world-atlas's shapes (decision 16): the
// same chain gives the same few kilobytes of path data, and nothing of it reaches the browser's code.

const place = (caseId: number, countryCode: string, latitude: number | null = null, longitude: number | null = null) =>
  ({
    caseId,
    slug: `case-${caseId}`,
    title: { en: `Case ${caseId}` },
    countryCode,
    countryName: { en: countryCode },
    place: null,
    latitude,
    longitude,
    startedYear: null,
  }) satisfies ChainCase;

const link = (id: number, fromCaseId: number, toCaseId: number, at: [number, number] | null): ChainLink => ({
  id,
  fromCaseId,
  toCaseId,
  place: null,
  countryCode: null,
  countryName: null,
  latitude: at?.[0] ?? null,
  longitude: at?.[1] ?? null,
  year: 2017,
  status: "running",
  note: null,
  source: null,
});

/** ASAN Xidmat (Azerbaijan) → MPP (Banyuwangi) → MPP Digital (Indonesia, placed at its country). */
const asanChain: ReplicationChain = {
  caseId: 1,
  cases: [place(1, "AZ"), place(2, "ID"), place(3, "ID")],
  links: [link(10, 1, 2, [-8.22, 114.37]), link(11, 2, 3, null)],
};

const pathBytes = (map: NonNullable<ReturnType<typeof drawReplicationMap>>) =>
  [...map.countries.map((c) => c.d), ...map.arrows.map((a) => a.d)].join("").length;

describe("the replication map", () => {
  it("is the same map for the same chain, drawn twice", () => {
    const first = drawReplicationMap(asanChain);
    const second = drawReplicationMap(structuredClone(asanChain));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    // The cached map is that same drawing.
    expect(JSON.stringify(replicationMap(structuredClone(asanChain)))).toBe(JSON.stringify(first));
  });

  it("draws the chain's countries marked, their neighbours in view, and nothing far away", () => {
    const map = drawReplicationMap(asanChain)!;
    expect(map.countries.filter((c) => c.involved).map((c) => c.code)).toEqual(["AZ", "ID"]);
    const codes = new Set(map.countries.map((c) => c.code));
    for (const between of ["IN", "IR", "MY", "CN"]) expect(codes, between).toContain(between);
    for (const far of ["BR", "US", "FR", "ZA"]) expect(codes, far).not.toContain(far);
    // Every country is a path of whole numbers in relative moves.
    for (const c of map.countries) expect(c.d).toMatch(/^(M-?\d+ -?\d+(l-?\d+[ -]\d+)+z)+$/);
  });

  it("stays under 15 KB of path data", () => {
    expect(pathBytes(drawReplicationMap(asanChain)!)).toBeLessThan(15_000);
    // A chain across half the world is no bigger, whatever it shows.
    const wide: ReplicationChain = {
      caseId: 1,
      cases: [place(1, "BR"), place(2, "ID"), place(3, "MA")],
      links: [link(1, 1, 2, null), link(2, 2, 3, null)],
    };
    expect(pathBytes(drawReplicationMap(wide)!)).toBeLessThan(15_000);
  });

  it("puts a point on each case inside the picture, and an arrow along each link", () => {
    const map = drawReplicationMap(asanChain)!;
    expect(map.width).toBe(640);
    expect(map.points.map((p) => [p.caseId, p.self])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(map.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(map.height);
    }
    // Azerbaijan lies north-west of Banyuwangi.
    const [baku, banyuwangi] = [map.points[0]!, map.points[1]!];
    expect(baku.x).toBeLessThan(banyuwangi.x);
    expect(baku.y).toBeLessThan(banyuwangi.y);
    expect(map.arrows.map((a) => a.linkId)).toEqual([10, 11]);
  });

  it("has no map when no case can be placed", () => {
    expect(drawReplicationMap({ caseId: 1, cases: [place(1, "XX")], links: [] })).toBeNull();
  });
});

describe("the browser build", () => {
  it("carries no map code and no atlas data", () => {
    const build = readClientBuild(path.resolve(import.meta.dirname, "../.."));
    const mapModules = /^(node_modules\/(world-atlas|d3-geo|d3-array|topojson-client)\/|app\/maps\/)/;
    const leaks = build.files.flatMap((file) => build.sources(file).filter((s) => mapModules.test(s)));
    expect(leaks).toEqual([]);
    // The same read from the code: the atlas's TopoJSON begins its arcs this way.
    expect(
      build.files.filter((file) => /"arcs":\[\[\[|"countries":\{"type":"GeometryCollection"/.test(build.text(file))),
    ).toEqual([]);
  });
});
