// What the agreement form starts from and offers to choose from.
import { asc, eq } from "drizzle-orm";
import { agreementSignatories, agreements, partnerships, type Agreement } from "../../db/schema";
import type { Database } from "../../db/client";
import { personOptions } from "./organization.server";

/** The choices the agreement form offers: partnerships, possible parents and people who may sign. */
export async function agreementFormOptions(db: Database) {
  const [partnershipList, agreementList, peopleList] = await Promise.all([
    db.select({ id: partnerships.id, name: partnerships.name }).from(partnerships).orderBy(asc(partnerships.id)),
    db
      .select({ id: agreements.id, title: agreements.title, partnershipId: agreements.partnershipId })
      .from(agreements)
      .orderBy(asc(agreements.signedOn), asc(agreements.id)),
    personOptions(db),
  ]);
  return { partnerships: partnershipList, agreements: agreementList, people: peopleList };
}

/** The agreement row and its signatories: what the edit form starts from and a conflict shows. */
export async function withSignatories(db: Database, agreement: Agreement) {
  const signed = await db
    .select({ personId: agreementSignatories.personId })
    .from(agreementSignatories)
    .where(eq(agreementSignatories.agreementId, agreement.id));
  return { ...agreement, signatoryIds: signed.map((s) => s.personId).sort((a, b) => a - b) };
}

export async function getAgreementForEdit(db: Database, id: number) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, id));
  return agreement ? withSignatories(db, agreement) : null;
}
