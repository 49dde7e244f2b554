// A case's review steps besides publishing and archiving (case-publish.server.ts): submitting a
// draft for review, restoring an archived case as a draft, and who may publish.
import { eq } from "drizzle-orm";
import { cases } from "../../db/schema";
import type { Database } from "../../db/client";
import type { CaseStatus, Role } from "../lib/enums";
import { recordAudit, type Actor } from "./audit.server";
import { NotAllowedError, RuleError } from "./errors.server";
import { publishCase } from "./case-publish.server";
import { lockRow, saveVersion } from "./versioned.server";

/** Moves the working copy from `from` to `to` at `version`, with its audit row. */
async function moveCase(
  db: Database,
  actor: Actor,
  id: number,
  version: number,
  step: { action: string; from: CaseStatus; to: CaseStatus; refused: "caseEditor.notDraft" | "caseEditor.notArchived" },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, cases, id, version);
    if (!before) throw new RuleError("form", "errors.notFound", undefined, 404);
    if (before.status !== step.from) throw new RuleError("form", step.refused);
    const after = await saveVersion(tx, cases, before, {
      status: step.to,
      submittedAt: step.to === "in_review" ? new Date() : null,
    });
    await recordAudit(tx, {
      actor,
      action: step.action,
      entityType: "case",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
}

/** A draft goes to review: a second editor (or an admin) may then publish it. */
export function submitCaseForReview(db: Database, actor: Actor, id: number, version: number) {
  return moveCase(db, actor, id, version, {
    action: "submit",
    from: "draft",
    to: "in_review",
    refused: "caseEditor.notDraft",
  });
}

/** An archived case becomes a draft again (it stays off the public library until published). */
export function restoreCaseAsDraft(db: Database, actor: Actor, id: number, version: number) {
  return moveCase(db, actor, id, version, {
    action: "restore",
    from: "archived",
    to: "draft",
    refused: "caseEditor.notArchived",
  });
}

/** Who is publishing: an admin may publish their own change, an editor only someone else's. */
export interface Publisher {
  id: number;
  role: Role;
}

/** Whether `user` may publish a working copy last changed by `editedBy`. */
export function mayPublish(user: Publisher, editedBy: number | null) {
  return user.role === "admin" || (user.role === "editor" && editedBy !== user.id);
}

/**
 * Publishes the working copy at `version` if `user` may: the second-editor rule, checked on the row
 * at that version (publishCase then takes it at the same version, so a change in between is a
 * conflict, never a publication the rule did not see).
 */
export async function publishCaseAs(db: Database, user: Publisher, id: number, version: number) {
  const [row] = await db
    .select({ version: cases.version, editedBy: cases.editedBy })
    .from(cases)
    .where(eq(cases.id, id));
  if (row && row.version === version && !mayPublish(user, row.editedBy)) {
    throw new NotAllowedError("form", "caseEditor.secondEditorRequired");
  }
  return publishCase(db, { userId: user.id }, id, version);
}
