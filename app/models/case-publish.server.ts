// Making a case's working copy public: the one path by which anything reaches case_publications.
import { eq } from "drizzle-orm";
import { casePublications, cases, caseContent } from "../../db/schema";
import type { Database } from "../../db/client";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { lockRow, saveVersion } from "./versioned.server";

const contentKeys = Object.keys(caseContent()) as (keyof ReturnType<typeof caseContent>)[];

/** The working copy's content, as the publication stores it. */
function publishedContent(row: typeof cases.$inferSelect) {
  return Object.fromEntries(contentKeys.map((key) => [key, row[key]])) as Pick<
    typeof row,
    (typeof contentKeys)[number]
  >;
}

/**
 * Publishes the working copy as it stands at `version`: the public sees it from this commit on.
 * Who may publish (a second editor, or an admin) is publishCaseAs's rule (case-review.server.ts);
 * this is the write itself, which the seed and the tests also call.
 */
export async function publishCase(db: Database, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, cases, id, version);
    if (!before) throw new RuleError("form", "errors.notFound", undefined, 404);
    if (before.status === "archived") throw new RuleError("form", "caseEditor.archivedCannotPublish");
    const now = new Date();
    const publication = {
      ...publishedContent(before),
      slug: before.slug,
      slugId: before.slugId,
      caseVersion: before.version + 1,
      publishedAt: now,
      publishedBy: actorUserId(actor),
      synthetic: before.synthetic,
    };
    const after = await saveVersion(tx, cases, before, {
      status: "published",
      publishedAt: before.publishedAt ?? now,
      submittedAt: null,
    });
    await tx
      .insert(casePublications)
      .values({ caseId: id, ...publication })
      .onConflictDoUpdate({ target: casePublications.caseId, set: publication });
    await recordAudit(tx, {
      actor,
      action: "publish",
      entityType: "case",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
}

/** Withdraws a case from the public: its publication goes, the working copy stays, archived. */
export async function archiveCase(db: Database, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, cases, id, version);
    if (!before) throw new RuleError("form", "errors.notFound", undefined, 404);
    const after = await saveVersion(tx, cases, before, { status: "archived", submittedAt: null });
    await tx.delete(casePublications).where(eq(casePublications.caseId, id));
    await recordAudit(tx, {
      actor,
      action: "archive",
      entityType: "case",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
}
