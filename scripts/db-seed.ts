import { parseArgs } from "node:util";
import { seedContent } from "../app/seed/seed-content.server";
import { seedSummary } from "../app/seed/seed-summary";
import { withDatabase } from "./db";

// Loads content/ into the configured database; `--demo` also adds the demo accounts.
// Running it again changes nothing unless content/ changed, and never undoes a change made in the
// app: such records are listed as left alone.
const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });

await withDatabase(async (handle) => {
  await handle.migrate();
  const stats = await seedContent(handle.db, { demo: values.demo });
  for (const line of seedSummary(handle.driver, stats)) console.log(line);
});
