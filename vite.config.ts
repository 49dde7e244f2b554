import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  // The server build's entry is our Express app, so headers, origin checks and shutdown
  // live in one place for development and production alike.
  environments: {
    // Source maps without a reference in the bundles: for reading stack traces, and for the test
    // that checks what reaches the browser (tests/unit/bundle.test.ts).
    client: { build: { sourcemap: "hidden" } },
    ssr: { build: { rollupOptions: { input: "./app/server/express.server.ts" } } },
  },
  resolve: { tsconfigPaths: true },
  plugins: [reactRouter()],
});
