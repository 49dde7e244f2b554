import type { LibraryTranslation } from "./en-library";
import { libraryCase } from "./id/library-case";
import { library } from "./id/library";
import { caseEditor } from "./id/case-editor";
import { replication } from "./id/replication";
import { enquiries } from "./id/enquiries";

export const idLibrary: LibraryTranslation = { libraryCase, library, caseEditor, replication, enquiries };
