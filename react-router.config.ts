import type { Config } from "@react-router/dev/config";

// React Router's framework mode reads this file where a Remix v2 app read remix.config.js.
// Middleware, split route modules and Vite's environment API, flags in v7, are React Router 8's
// defaults, so nothing else needs saying here.
export default {
  ssr: true,
  // The browser gets every route's entry at once, as one cached file, rather than each page carrying
  // its routes' entries inline and asking /__manifest for the rest as links appear (decision 25).
  routeDiscovery: { mode: "initial" },
  // BUILD_DIR lets a test run build and serve a copy of its own beside another one.
  buildDirectory: process.env.BUILD_DIR ?? "build",
} satisfies Config;
