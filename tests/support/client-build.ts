import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Reads the browser build as a browser would meet it: React Router's manifest says which files a
 * route loads, and the hidden source maps say which source modules each file holds.
 */
export interface ClientBuild {
  dir: string;
  /** Every JavaScript file under build/client, as a URL path ("/assets/x.js"). */
  files: string[];
  /** The source modules a file holds, as repository-relative paths or "node_modules/<package>/...". */
  sources(file: string): string[];
  gzipSize(file: string): number;
  /** The files a full page load of a route module loads before any lazy chunk: manifest, entry, root, route. */
  pageFiles(routeId: string): string[];
  /** The file that holds a source module, e.g. "app/i18n/locales/en/common.ts". */
  fileOf(source: string): string | undefined;
  text(file: string): string;
}

interface RouteManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
}

export function readClientBuild(root: string): ClientBuild {
  const dir = path.join(root, process.env.BUILD_DIR ?? "build", "client");
  const assets = path.join(dir, "assets");
  if (!existsSync(assets)) throw new Error(`No browser build in ${dir}: run \`npm run build\` first (npm test does).`);
  const files = readdirSync(assets)
    .filter((f) => f.endsWith(".js"))
    .map((f) => `/assets/${f}`);
  const text = (file: string) => readFileSync(path.join(dir, file), "utf8");

  const sourcesByFile = new Map<string, string[]>();
  for (const file of files) {
    const mapFile = path.join(dir, `${file}.map`);
    if (!existsSync(mapFile)) {
      // Empty modules of server-only routes, React Router's manifest, the bundler's own helpers and
      // the time-zone script (an asset, copied as it is) have no sources to map.
      if (
        !text(file).trim() ||
        /\/(manifest|preload-helper|rolldown-runtime|time-zone-cookie)-[\w-]+\.js$/.test(file)
      ) {
        continue;
      }
      throw new Error(`${file} has no source map; the client build must keep hidden maps`);
    }
    const map = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[] };
    const absolute = map.sources.map((s) => path.resolve(path.dirname(mapFile), s));
    sourcesByFile.set(
      file,
      absolute.map((s) => {
        const inModules = s.lastIndexOf(`${path.sep}node_modules${path.sep}`);
        return inModules >= 0 ? s.slice(inModules + 1) : path.relative(root, s);
      }),
    );
  }

  const manifestFile = files.find((f) => /\/manifest-[\w-]+\.js$/.test(f));
  if (!manifestFile) throw new Error("No React Router manifest in the browser build");
  const manifestText = text(manifestFile);
  const manifest = JSON.parse(
    manifestText.slice(manifestText.indexOf("{"), manifestText.lastIndexOf("}") + 1),
  ) as RouteManifest;

  return {
    dir,
    files,
    text,
    sources: (file) => sourcesByFile.get(file) ?? [],
    gzipSize: (file) => gzipSync(readFileSync(path.join(dir, file))).byteLength,
    fileOf: (source) => files.find((f) => sourcesByFile.get(f)?.includes(source)),
    pageFiles(routeId) {
      // Every page imports the whole route manifest (decision 25).
      const loaded = new Set([manifestFile, manifest.entry.module, ...manifest.entry.imports]);
      for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
        const route = manifest.routes[id];
        if (!route) throw new Error(`No route ${id} in the manifest`);
        loaded.add(route.module);
        for (const file of route.imports ?? []) loaded.add(file);
      }
      return [...loaded];
    },
  };
}
