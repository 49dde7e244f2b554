import { openDatabase } from "../../db/client";

// A second process for the lock tests: opens the PGlite directory given as its argument through
// openDatabase, as the app does, says so, and holds it until SIGTERM (then closes) or SIGKILL.
const handle = await openDatabase({ dataDir: process.argv[2]!, log: (message) => console.log(`log: ${message}`) });
console.log(`opened by ${process.pid}`);
process.once("SIGTERM", () => {
  void handle.close().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
