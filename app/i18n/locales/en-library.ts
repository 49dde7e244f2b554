import type { SameKeys } from "../translator";
import { libraryCase } from "./en/library-case";
import { library } from "./en/library";
import { replication } from "./en/replication";
import { enquiries } from "./en/enquiries";

/** The library's strings: a chunk of their own in the browser, loaded by the pages that say so (i18n/packs.ts). */
export const enLibrary = { libraryCase, library, replication, enquiries };

export type LibraryTranslation = SameKeys<typeof enLibrary>;
