import { data } from "react-router";

// Thrown from loaders, actions and middleware: React Router answers with the status and the root
// error boundary renders the page inside the site's layout, in the reader's language. The body
// stays empty because the boundary words the page itself. Not a .server module: `idParam` (shared
// by route modules) throws the same 404.

/** No such page or record, or one the reader may not know exists (a draft case). */
export function notFound(): never {
  throw data(null, { status: 404 });
}

/** Signed in, but without the role the page or action needs. */
export function forbidden(): never {
  throw data(null, { status: 403 });
}
