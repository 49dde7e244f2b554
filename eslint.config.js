// Lint: correctness (typescript-eslint, React, hooks, accessibility) and the layering the code
// relies on. Formatting is Prettier's job (`npm run lint` runs both); eslint-config-prettier turns
// off every rule that would disagree with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Server-only code: the database layer and every `*.server` module. */
const serverOnly = [
  {
    group: ["**/db/**", "**/db", "drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*"],
    message: "Browser code must not import the database layer.",
  },
  {
    group: ["**/*.server", "**/*.server.*"],
    allowTypeImports: true,
    message: "Browser code may import only types from *.server modules.",
  },
];
const routesAndComponents = [
  {
    group: [
      "**/routes/**",
      "**/components/**",
      "**/root",
      "**/lexical/*",
      "!**/lexical/*.server",
      "!**/lexical/nodes",
      "!**/lexical/theme",
    ],
    message: "Models hold data and rules; they never import routes or components.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "build-*/",
      ".react-router/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
      "db/migrations/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: "latest", sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "smart"],
      "no-console": "off",
    },
  },
  {
    files: ["app/lib/time-zone-cookie.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
  },
  {
    files: ["app/**/*.tsx", "tests/e2e/**/*.ts"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: "19" } },
  },
  {
    // The two classic hook rules. The plugin's React Compiler diagnostics are left out: the app is
    // not compiled with React Compiler, and they took three quarters of the lint's time.
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  { files: ["app/**/*.tsx"], ...jsxA11y.flatConfigs.recommended },
  {
    files: ["app/**/*.tsx"],
    rules: {
      "react/prop-types": "off",
      // The label components wrap their control or name it with htmlFor; the rule cannot see either through FormField.
      "jsx-a11y/label-has-associated-control": ["error", { assert: "either", depth: 3 }],
    },
  },
  // Browser code: components, form schemas, the editor, the client entry and the shared (non-server) libraries.
  {
    files: ["app/components/**", "app/forms/**", "app/lexical/**", "app/i18n/**", "app/lib/**", "app/entry.client.tsx"],
    ignores: ["**/*.server.ts", "**/*.server.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnly }] },
  },
  // Models and server libraries never reach up into routes or components.
  {
    files: [
      "app/models/**",
      "app/forms/**",
      "app/lib/**/*.server.ts",
      "app/seed/**",
      "app/server/**",
      "db/**",
      "scripts/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: routesAndComponents }] },
  },
  prettier,
);
