import { customType, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { citableKind } from "./sources";
import { users } from "./users";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * An uploaded file's description. Its bytes live behind the storage interface
 * (app/storage/): in `document_blobs` by default, so a database backup holds them.
 */
export const documents = pgTable(
  "documents",
  {
    id: serial("id").primaryKey(),
    /** The name it was uploaded under, cleaned: what a download is saved as. */
    fileName: text("file_name").notNull(),
    /** The type found in the file's content, never the one the browser claimed. */
    mediaType: text("media_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    /** Where the storage keeps the bytes: "db:<key>" today, another prefix for another store. */
    storageKey: text("storage_key").notNull().unique(),
    title: text("title"),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("documents_created_idx").on(t.createdAt)],
);

/** The database store's bytes, one row per stored file. */
export const documentBlobs = pgTable("document_blobs", {
  key: text("key").primaryKey(),
  bytes: bytea("bytes").notNull(),
});

/** Any record may carry documents; the pair (kind, id) names it, as for citations. */
export const attachments = pgTable(
  "attachments",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    subjectKind: citableKind("subject_kind").notNull(),
    subjectId: integer("subject_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.subjectKind, t.subjectId] }),
    index("attachments_subject_idx").on(t.subjectKind, t.subjectId),
  ],
);

export type Document = typeof documents.$inferSelect;
