import { data, redirect } from "react-router";
import type { Route } from "./+types/documents";
import { db } from "../db.server";
import { documentActionForm, uploadForm } from "../forms/documents";
import { getI18n } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";
import { requireUser } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";
import { BodyTooLargeError, MalformedFormError, readMultipartForm } from "../lib/multipart.server";
import { safeReturnPath } from "../lib/record-subject";
import { attachDocument, detachDocument } from "../models/attachments.server";
import { uploadDocument } from "../models/documents.server";
import { RecordError } from "../models/errors.server";
import { subjectPage } from "../models/record-subject.server";
import { bodyLimits, uploadFileLimit } from "../server/request-limits.server";
import { documentStoreFor } from "../storage/document-store";

/** Nothing to show: the forms of the record pages post here. */
export function loader() {
  return redirect("/");
}

/**
 * Never rendered: its being here makes a refusal (a file of the wrong kind, too large, a record
 * gone) the site's error page in the reader's language, as a browser without JavaScript shows it.
 */
export default function Documents() {
  return null;
}

/**
 * The one address that takes a file: a multipart form with the file, its title and the record to
 * attach it to, read here without holding more than the upload's limit (request-limits refused a
 * larger body before this). A urlencoded form attaches a document already uploaded to another
 * record, or takes one off a record. Editors only.
 */
export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const { t } = getI18n(context);
  const refuse = (status: number, key: TranslationKey, values?: Record<string, string | number>): never => {
    throw data({ message: t(key, values) }, { status });
  };
  const actor = { userId: user.id };
  const store = documentStoreFor(db);

  if (!/^\s*multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    const parsed = documentActionForm.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) return refuse(400, "validation.invalid");
    const subject = { kind: parsed.data.subjectKind, id: parsed.data.subjectId };
    const target = { documentId: parsed.data.documentId, subject };
    const back = async () => safeReturnPath(parsed.data.returnTo) ?? (await subjectPage(db, subject)) ?? "/";
    if (parsed.data.intent === "attach") {
      const outcome = await attachDocument(db, actor, target);
      if (outcome === "missing") return refuse(404, "documents.attachGone");
      return redirectWithNotice(
        await back(),
        outcome === "already" ? "documents.alreadyAttached" : "documents.uploaded",
      );
    }
    if (!(await detachDocument(db, store, actor, target))) return refuse(404, "documents.notAttached");
    return redirectWithNotice(await back(), "documents.detached");
  }

  let form;
  try {
    form = await readMultipartForm(request, bodyLimits.upload);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(413, "documents.tooLarge", { limit: "10 MB" });
    if (error instanceof MalformedFormError) return refuse(400, "request.malformed");
    throw error;
  }
  const parsed = uploadForm.safeParse(Object.fromEntries(form.fields));
  if (!parsed.success) {
    const title = parsed.error.issues.find((i) => i.path[0] === "title");
    if (title?.message === "validation.controlCharacters") return refuse(400, "validation.controlCharacters");
    return title ? refuse(400, "documents.titleTooLong", { max: 200 }) : refuse(400, "validation.invalid");
  }
  if (!form.file) return refuse(400, "documents.missingFile");
  if (form.file.bytes.byteLength > uploadFileLimit) return refuse(413, "documents.tooLarge", { limit: "10 MB" });
  const subject = { kind: parsed.data.subjectKind, id: parsed.data.subjectId };
  try {
    const stored = await uploadDocument(db, store, actor, {
      fileName: form.file.fileName,
      bytes: form.file.bytes,
      title: parsed.data.title ?? null,
      attachTo: subject,
    });
    if (!stored) return refuse(404, "documents.recordGone");
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    const [problem] = Object.values(error.errors);
    return refuse(error.status, problem!.key, problem!.values);
  }
  const back = safeReturnPath(parsed.data.returnTo) ?? (await subjectPage(db, subject)) ?? "/";
  return redirectWithNotice(back, "documents.uploaded");
}
