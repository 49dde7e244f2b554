import { parseArgs } from "node:util";
import { removeExamples } from "../app/seed/examples.server";
import { seedContent } from "../app/seed/seed-content.server";
import { seedSummary } from "../app/seed/seed-summary";
import { withDatabase } from "./db";

// Loads content/ into the configured database; `--demo` also adds the demo accounts and the example
// scenario dated from today. Running it again changes nothing unless content/ changed, and never
// undoes a change made in the app: such records are listed as left alone.
// `--remove-examples` removes the example scenario and loads nothing.
const { values } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    "remove-examples": { type: "boolean", default: false },
  },
});

await withDatabase(async (handle) => {
  await handle.migrate();
  if (values["remove-examples"]) {
    const removed = await removeExamples(handle.db);
    console.log(`Removed ${removed} example records (${handle.driver}); the demo will not bring them back.`);
    return;
  }
  const stats = await seedContent(handle.db, { demo: values.demo });
  for (const line of seedSummary(handle.driver, stats)) console.log(line);
});
