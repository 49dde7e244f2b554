import { parseArgs } from "node:util";
import { seedContent } from "../app/lib/seed.server";
import { withDatabase } from "./db";

// Loads content/ into the configured database; `--demo` also adds the demo accounts.
// Running it again changes nothing unless content/ changed.
const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });

await withDatabase(async (handle) => {
  await handle.migrate();
  const stats = await seedContent(handle.db, { demo: values.demo });
  console.log(
    `Seeded ${handle.driver}: ${stats.created} created, ${stats.updated} updated, ${stats.unchanged} unchanged.`,
  );
});
