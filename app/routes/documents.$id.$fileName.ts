import { data } from "react-router";
import type { Route } from "./+types/documents.$id.$fileName";
import { db } from "../db.server";
import { optionalUser } from "../lib/auth.server";
import { notFound } from "../lib/http";
import { idParam } from "../lib/route-params";
import { getDocument, isPublicDocument } from "../models/documents.server";
import { documentStoreFor } from "../storage/document-store";
import { kindOfMediaType } from "../storage/sniff";

/** `filename*` of RFC 6266 (RFC 8187 encoding), with a plain ASCII `filename` for old clients. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A document's bytes. Signed-in users may download any document; a visitor only one attached to
 * a case the library publishes, and 404 otherwise (as if there were none). The type sent is the
 * one read from the content at upload: PDF and raster images open in the browser, office files
 * are only downloaded (application/octet-stream, attachment). The name in the address is for the
 * reader; the id decides. `X-Content-Type-Options: nosniff` goes with every response, and a
 * response with Content-Disposition gets `Content-Security-Policy: sandbox; default-src 'none'`
 * instead of the pages' policy (app/server/security.server.ts).
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const id = idParam(params);
  const document = await getDocument(db, id);
  if (!document) notFound();
  if (!optionalUser(context) && !(await isPublicDocument(db, id))) notFound();
  const etag = `"${document.sha256}"`;
  const kind = kindOfMediaType(document.mediaType);
  const inline = kind?.inline ?? false;
  const headers = new Headers({
    "Content-Type": inline ? document.mediaType : "application/octet-stream",
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", document.fileName),
    ETag: etag,
    // A signed-in user's copy is theirs alone; what a visitor may read is public, but only for as
    // long as its case is published: check again each time.
    "Cache-Control": "private, no-cache",
  });
  const match = request.headers.get("If-None-Match");
  if (match && match.split(/\s*,\s*/).some((tag) => tag === etag || tag === `W/${etag}` || tag === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = await documentStoreFor(db).get(document.storageKey);
  if (!bytes) throw data(null, { status: 404 });
  headers.set("Content-Length", String(bytes.byteLength));
  return new Response(bytes, { status: 200, headers });
}
