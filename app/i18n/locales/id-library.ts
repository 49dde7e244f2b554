import type { LibraryTranslation } from "./en-library";
import { libraryCase } from "./id/library-case";
import { library } from "./id/library";
import { replication } from "./id/replication";
import { enquiries } from "./id/enquiries";

export const idLibrary: LibraryTranslation = { libraryCase, library, replication, enquiries };
