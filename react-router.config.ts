import type { Config } from "@react-router/dev/config";

// React Router 7's framework mode reads this file where a Remix v2 app read remix.config.js.
// The v8 flags are on so that moving to React Router 8 is a version bump, not a migration.
export default {
  ssr: true,
  // BUILD_DIR lets a test run build and serve a copy of its own beside another one.
  buildDirectory: process.env.BUILD_DIR ?? "build",
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
