import { data, type MiddlewareFunction } from "react-router";
import { getI18n } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";
import { uploadPaths, webhookPaths } from "../server/request-limits.server";
import { maxRepeats } from "./forms";

/** Why a posted body is no form a route can read: an i18n key, its values and the status to answer. */
export interface FormBodyProblem {
  status: 400 | 415;
  key: TranslationKey;
  values?: Record<string, string | number>;
}

/**
 * Reads a posted body as a form, as a route will, and says what is wrong with it: not a form's
 * encoding, a multipart body that does not parse, a file (nothing takes uploads), or one name
 * repeated more than any form of ours does. Null when the body is a form a route can read.
 */
export async function formBodyProblem(request: Request): Promise<FormBodyProblem | null> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    const type = request.headers.get("content-type") ?? "";
    return /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type)
      ? { status: 400, key: "request.malformed" }
      : { status: 415, key: "request.unsupportedType" };
  }
  const seen = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") return { status: 400, key: "request.noFiles" };
    const times = (seen.get(name) ?? 0) + 1;
    if (times > maxRepeats) return { status: 400, key: "request.tooManyValues", values: { name, max: maxRepeats } };
    seen.set(name, times);
  }
  return null;
}

/**
 * Root middleware: a form post no route could read is answered 4xx with a message here, before
 * any action runs (a route's `request.formData()` would otherwise throw, which is a 500). The
 * check reads a copy of the body; the route reads the original. Body size is limited before this,
 * in app/server/request-limits.server.ts.
 */
export const formBodyMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  // A webhook's body is JSON, checked by request-limits and read by its route; the upload's form
  // carries a file, read once by its route (a copy here would hold the file twice).
  const path = new URL(request.url).pathname;
  if (request.method !== "POST" || webhookPaths.has(path) || uploadPaths.has(path.replace(/\.data$/, ""))) {
    return next();
  }
  const problem = await formBodyProblem(request.clone());
  if (problem) throw data({ message: getI18n(context).t(problem.key, problem.values) }, { status: problem.status });
  return next();
};
