import { loadContent } from "../app/seed/content.server";

// Validates content/ without touching a database: `npm run content:check`.
const c = loadContent();
console.log(
  Object.entries(c)
    .map(([k, v]) => `${k}=${v.length}`)
    .join(" "),
);
