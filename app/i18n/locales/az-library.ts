import type { LibraryTranslation } from "./en-library";
import { libraryCase } from "./az/library-case";
import { library } from "./az/library";
import { replication } from "./az/replication";
import { enquiries } from "./az/enquiries";

export const azLibrary: LibraryTranslation = { libraryCase, library, replication, enquiries };
