import { commitmentEvidence, commitments } from "../../db/schema";
import type { Database } from "../../db/client";
import { isHttpUrl } from "../lib/http-url";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { lockRow } from "./versioned.server";

export async function addEvidence(
  db: Database,
  actor: Actor,
  input: { commitmentId: number; url?: string | null; note?: string | null },
) {
  const url = input.url?.trim() || null;
  const note = input.note?.trim() || null;
  if (!url && !note) throw new RuleError("url", "commitments.evidenceEmpty");
  if (url && !isHttpUrl(url)) throw new RuleError("url", "commitments.evidenceUrlScheme");
  return db.transaction(async (tx) => {
    // Taken with the commitment's lock, so a concurrent status change sees this evidence or none of it.
    if (!(await lockRow(tx, commitments, input.commitmentId))) return null;
    const [row] = await tx
      .insert(commitmentEvidence)
      .values({ commitmentId: input.commitmentId, url, note, addedBy: actorUserId(actor) })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "add_evidence",
      entityType: "commitment",
      entityId: input.commitmentId,
      after: row,
    });
    return row!;
  });
}
