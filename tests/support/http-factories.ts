import type { APIRequestContext } from "@playwright/test";
import type { Role } from "./demo-accounts";
import { createdId, match, postForm, selectOptions } from "./http";

/**
 * Records for the browser tests, made through the app's own forms over HTTP (the browser tests'
 * server holds its database), as a signed-in request context of the right role. Each returns the
 * new record's id. Tests give their records unique titles (uniqueSuffix) so runs never collide.
 */

/** A unique suffix for records a test creates, so repeated and parallel runs never collide. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

async function expectCreated(response: Awaited<ReturnType<typeof postForm>>, collection: string, what: string) {
  if (response.status() !== 302) {
    throw new Error(`${what}: answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  }
  return createdId(response.headers()["location"], collection, what);
}

/**
 * The activity form's fields for a planned online meeting long past (so no list or chart of other
 * tests moves), with `extra` on top.
 */
export function activityForm(title: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    titleEn: title,
    type: "meeting",
    status: "planned",
    mode: "online",
    startsOn: "2015-02-02",
    lessonsFormat: "text",
    lessons: "",
    ...extra,
  };
}

/** Creates an activity as an editor: `activityForm(title, extra)`. */
export async function createActivity(
  editor: APIRequestContext,
  baseURL: string,
  title: string,
  extra: Record<string, string> = {},
) {
  const response = await postForm(editor, baseURL, "/activities/new", activityForm(title, extra));
  return expectCreated(response, "activities", `create the activity "${title}"`);
}

/** The first partnership the agreement form offers. */
export async function somePartnership(editor: APIRequestContext) {
  const options = selectOptions(await (await editor.get("/agreements/new")).text(), "partnershipId");
  const id = options.find(([value]) => /^\d+$/.test(value))?.[0];
  if (!id) throw new Error("the agreement form offers no partnership");
  return id;
}

/** The agreement form's fields for a draft memorandum, with `extra` on top. */
export function agreementForm(title: string, extra: Record<string, string> = {}): Record<string, string> {
  return { kind: "mou", titleEn: title, summaryEn: "A draft written by a browser test.", status: "draft", ...extra };
}

/** Creates an agreement as an editor, in the first partnership unless `extra` names one. */
export async function createAgreement(
  editor: APIRequestContext,
  baseURL: string,
  title: string,
  extra: Record<string, string> = {},
) {
  const form = agreementForm(title, {
    partnershipId: extra.partnershipId ?? (await somePartnership(editor)),
    ...extra,
  });
  return expectCreated(await postForm(editor, baseURL, "/agreements/new", form), "agreements", `create "${title}"`);
}

/** The commitment form's fields, with `extra` on top. */
export function commitmentForm(text: string, extra: Record<string, string> = {}): Record<string, string> {
  return { textEn: text, area: "browser tests", ...extra };
}

/** The commitment page's assessment form: `status` from `version`, rated today (UTC) with evidence. */
export function assessmentForm(version: number | string, status: string, extra: Record<string, string> = {}) {
  return {
    intent: "assess",
    version: String(version),
    status,
    assessedOn: new Date().toISOString().slice(0, 10),
    evidenceEn: `Rated ${status} by a browser test.`,
    ...extra,
  };
}

/** Creates a commitment of agreement `agreementId` as an editor. */
export async function createCommitment(
  editor: APIRequestContext,
  baseURL: string,
  agreementId: number | string,
  text: string,
  extra: Record<string, string> = {},
) {
  const response = await postForm(
    editor,
    baseURL,
    `/agreements/${agreementId}/commitments/new`,
    commitmentForm(text, extra),
  );
  return expectCreated(response, "commitments", `create the commitment "${text}"`);
}

/** A user's id and version as the admin page's forms hold them. */
export async function userRow(admin: APIRequestContext, email: string) {
  const html = await (await admin.get("/admin/users")).text();
  const row = match(
    html,
    new RegExp(`${email.replace(/[.]/g, "\\.")}</th>([\\s\\S]*?)</tr>`),
    `${email} on /admin/users`,
  );
  return {
    id: match(row, /name="id" value="(\d+)"/, `${email}'s id`),
    version: match(row, /name="version" value="(\d+)"/, `${email}'s version`),
  };
}

/**
 * A user of this test alone, made as an admin on /admin/users, so the demo accounts keep their
 * state. Returns what signing in needs, with the id and version the admin page shows.
 */
export async function createUser(
  admin: APIRequestContext,
  baseURL: string,
  role: Role,
  options: { tag?: string; prefix?: string; name?: string } = {},
) {
  const tag = options.tag ?? uniqueSuffix();
  const email = `${options.prefix ?? "test"}-${role}-${tag}@example.org`;
  const password = `test-password-${tag}`;
  const response = await postForm(admin, baseURL, "/admin/users", {
    intent: "create",
    email,
    name: options.name ?? `Test ${role} ${tag}`,
    role,
    timeZone: "UTC",
    password,
  });
  if (response.status() !== 302) throw new Error(`create ${email}: answered ${response.status()}`);
  return { email, password, ...(await userRow(admin, email)) };
}
