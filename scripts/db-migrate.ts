import { withDatabase } from "./db";

// Applies db/migrations to the configured database: `npm run db:migrate`.
await withDatabase(async (handle) => {
  await handle.migrate();
  console.log(`Migrations applied (${handle.driver}).`);
});
