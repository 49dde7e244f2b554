import type { Config } from "@react-router/dev/config";

// React Router's framework mode reads this file where a Remix v2 app read remix.config.js.
// Middleware, split route modules and Vite's environment API, flags in v7, are React Router 8's
// defaults, so nothing else needs saying here.
export default {
  ssr: true,
  // BUILD_DIR lets a test run build and serve a copy of its own beside another one.
  buildDirectory: process.env.BUILD_DIR ?? "build",
} satisfies Config;
