import { eq } from "drizzle-orm";
import { documentBlobs } from "../../db/schema";
import type { Database } from "../../db/client";

/**
 * Where an uploaded file's bytes live. The `documents` row names them by `storage_key`, which
 * starts with the store's prefix ("db:" here): the models never touch the bytes otherwise.
 *
 * The PostgreSQL store below keeps them in `document_blobs`, so a database backup holds them and
 * the bytes are written in the same transaction as their `documents` row and its audit row: a
 * failed upload leaves nothing behind.
 *
 * An S3-compatible store implements the same three methods under its own prefix ("s3:") and is
 * chosen in `documentStoreFor` below. It cannot join a database transaction, so `put` writes the
 * object before the transaction commits, under a fresh random key: a transaction that then fails
 * leaves an object no `documents` row names. Such orphans are found by listing the bucket and
 * deleting every object older than an hour whose key no `documents.storage_key` holds; a delete
 * removes the row first and the object after the commit, so a failed object delete is an orphan
 * of the same kind. Existing rows keep their prefix, so both stores can be read while moving.
 */
export interface DocumentStore {
  /** The prefix of the storage keys this store writes ("db:"). */
  readonly prefix: string;
  /** Stores the bytes under `key` (a storage key with this store's prefix), inside `tx` where it can. */
  put(key: string, bytes: Uint8Array, tx?: Database): Promise<void>;
  /** The bytes stored under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Removes the bytes under `key` (nothing when there are none), inside `tx` where it can. */
  delete(key: string, tx?: Database): Promise<void>;
}

const prefix = "db:";

function blobKey(key: string): string {
  if (!key.startsWith(prefix)) throw new Error(`not a key of the database store: ${key}`);
  return key.slice(prefix.length);
}

/** The default store: the bytes in PostgreSQL's `document_blobs`, beside their description. */
export function databaseStore(db: Database): DocumentStore {
  return {
    prefix,
    async put(key, bytes, tx = db) {
      await tx.insert(documentBlobs).values({ key: blobKey(key), bytes });
    },
    async get(key) {
      const [row] = await db
        .select({ bytes: documentBlobs.bytes })
        .from(documentBlobs)
        .where(eq(documentBlobs.key, blobKey(key)));
      // postgres.js hands back a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
      // (A driver's buffer is never a SharedArrayBuffer.)
      return row ? new Uint8Array(row.bytes.buffer as ArrayBuffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
    },
    async delete(key, tx = db) {
      await tx.delete(documentBlobs).where(eq(documentBlobs.key, blobKey(key)));
    },
  };
}

/**
 * The store the app uses, chosen once per database handle. Only the database store exists; an
 * S3-compatible one would be picked here from the environment (app/env.server.ts).
 */
export function documentStoreFor(db: Database): DocumentStore {
  return databaseStore(db);
}
