// A partner's request for a knowledge-sharing session: sending it from a case page (with its
// acknowledgement and the staff's notice, queued in the same transaction), and staff handling it:
// its status, and the planned activity made of it.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { cases, enquiries, users } from "../../db/schema";
import type { Database } from "../../db/client";
import { isLanguage, type Language } from "../i18n/config";
import { translatorFor } from "../i18n/i18n.server";
import type { EnquiryStatus } from "../lib/enums";
import { localized, type LocalizedText } from "../lib/localized";
import { queueMail } from "../mail/queue.server";
import { enquiryNoticeMail } from "../mail/templates/enquiry-notice";
import { enquiryReceivedMail } from "../mail/templates/enquiry-received";
import { unsubscribeHeaders, unsubscribePath, unsubscribeToken } from "../mail/unsubscribe.server";
import { createActivity } from "./activity-writes.server";
import { actorUserId, recordAudit, type Actor } from "./audit.server";
import { RuleError } from "./errors.server";
import { hitRateLimit } from "./rate-limit.server";
import { lockRow, saveVersion } from "./versioned.server";

/** The actor of what a visitor without an account does: no user, a named process. */
export const visitorActor: Actor = { label: "system" };

/**
 * Per address typed: one inbox is not flooded with acknowledgements, whoever sends them. Per client:
 * one machine cannot fill the staff's inbox (room left for a ministry behind one address).
 */
export const enquiryLimits = {
  windowMs: 60 * 60 * 1000,
  perEmail: 3,
  perAddress: 10,
  emailKey: (email: string) => `enquiry:email:${email.trim().toLowerCase()}`,
  addressKey: (address: string) => `enquiry:address:${address}`,
};

/** Counts one request against both limits: the minutes to wait when either is exceeded, else null. */
export async function countEnquiry(db: Database, email: string, clientAddress: string) {
  const { windowMs, perEmail, perAddress } = enquiryLimits;
  const [byEmail, byAddress] = await Promise.all([
    hitRateLimit(db, enquiryLimits.emailKey(email), windowMs),
    hitRateLimit(db, enquiryLimits.addressKey(clientAddress), windowMs),
  ]);
  const blocked = [byEmail.count > perEmail && byEmail, byAddress.count > perAddress && byAddress].filter(
    (b) => b !== false,
  );
  if (!blocked.length) return null;
  const until = Math.max(...blocked.map((b) => b.resetAt.getTime()));
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

export interface EnquiryInput {
  name: string;
  organization: string;
  country: string;
  email: string;
  message: string;
}

/** What the audit log keeps of a request: no name, address or message (personal data stays in its row). */
const auditView = (row: typeof enquiries.$inferSelect) => ({
  caseId: row.caseId,
  status: row.status,
  activityId: row.activityId,
  handledBy: row.handledBy,
  version: row.version,
});

/**
 * Who hears of a new request: enabled editors and admins who left enquiry notices on. An address
 * that bounced or complained gets it as `suppressed` (queueMail).
 */
function noticeRecipients(db: Database) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, ["editor", "admin"]), isNull(users.disabledAt), eq(users.notifyEnquiries, true)));
}

/**
 * Keeps a visitor's request for the case `caseId` (a published one: the route checks) and, in the
 * same transaction, its audit row, the acknowledgement to the requester in the page's `language`
 * and a notice to each editor and admin who gets notices. `origin` is where links lead, `secret`
 * signs the notices' unsubscribe links.
 */
export async function createEnquiry(
  db: Database,
  input: EnquiryInput & {
    caseId: number;
    caseSlug: string;
    caseTitle: LocalizedText;
    language: Language;
    origin: string;
    secret: string;
  },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enquiries)
      .values({
        caseId: input.caseId,
        name: input.name,
        organization: input.organization,
        country: input.country,
        email: input.email,
        message: input.message,
        language: input.language,
      })
      .returning();
    await recordAudit(tx, {
      actor: visitorActor,
      action: "create",
      entityType: "enquiry",
      entityId: row!.id,
      after: auditView(row!),
    });
    await queueMail(
      tx,
      { kind: "enquiry_received", to: { address: input.email, name: input.name }, locale: input.language },
      await enquiryReceivedMail({
        lang: input.language,
        origin: input.origin,
        name: input.name,
        title: localized(input.caseTitle, input.language),
        caseUrl: `${input.origin}/library/${input.caseSlug}`,
      }),
    );
    for (const to of await noticeRecipients(tx)) {
      const lang: Language = isLanguage(to.locale) ? to.locale : "en";
      const unsubscribeUrl = input.origin + unsubscribePath(unsubscribeToken(input.secret, to.userId, "enquiries"));
      await queueMail(
        tx,
        {
          kind: "enquiry_notice",
          to: { address: to.email, name: to.name, userId: to.userId },
          locale: lang,
          dedupeKey: `enquiry-notice:${row!.id}:${to.userId}`,
          headers: unsubscribeHeaders(unsubscribeUrl),
        },
        await enquiryNoticeMail({
          lang,
          origin: input.origin,
          title: localized(input.caseTitle, lang),
          name: input.name,
          organization: input.organization,
          country: input.country,
          url: `${input.origin}/enquiries/${row!.id}`,
          unsubscribeUrl,
        }),
      );
    }
    return row!;
  });
}

/**
 * A visitor's checked request, as the case page's form sends it: counted against the rate limits
 * (per address typed and per client), then kept with its mail (createEnquiry). `limited` says how
 * many minutes to wait; nothing is kept then.
 */
export async function addEnquiry(
  db: Database,
  input: Parameters<typeof createEnquiry>[1] & { clientAddress: string },
): Promise<{ kind: "sent"; id: number } | { kind: "limited"; minutes: number }> {
  const minutes = await countEnquiry(db, input.email, input.clientAddress);
  if (minutes) return { kind: "limited", minutes };
  const { clientAddress: _address, ...enquiry } = input;
  const row = await createEnquiry(db, enquiry);
  return { kind: "sent", id: row.id };
}

/** What a stale change reports as saved now. */
const snapshot = (row: typeof enquiries.$inferSelect) => ({ status: row.status, version: row.version });

/**
 * Moves a request to another status from `version` (stale: ConflictError). "planned" comes only
 * with an activity (createEnquiryActivity). Null when the request is gone.
 */
export async function setEnquiryStatus(
  db: Database,
  actor: Actor,
  change: { id: number; version: number; status: EnquiryStatus },
) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, enquiries, change.id, change.version, snapshot);
    if (!before) return null;
    if (change.status === "planned" && !before.activityId) {
      throw new RuleError("status", "enquiries.planThroughActivity");
    }
    const after = await saveVersion(tx, enquiries, before, {
      status: change.status,
      handledBy: actorUserId(actor),
    });
    await recordAudit(tx, {
      actor,
      action: "update_status",
      entityType: "enquiry",
      entityId: change.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** The first day of the month after next: a placeholder date the editor sets on the activity's form. */
function placeholderDay(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
}

/**
 * Makes a planned knowledge-sharing activity of a request, through the activity model's one save
 * path: titled after the case, linked to it (activity_cases), all day on a placeholder date; the
 * request becomes "planned" with the activity. One transaction; stale `version` → ConflictError.
 * Null when the request is gone.
 */
export async function createEnquiryActivity(db: Database, actor: Actor, change: { id: number; version: number }) {
  return db.transaction(async (tx) => {
    const before = await lockRow(tx, enquiries, change.id, change.version, snapshot);
    if (!before) return null;
    if (before.activityId) throw new RuleError("form", "enquiries.alreadyPlanned");
    const [found] = before.caseId
      ? await tx.select({ id: cases.id, title: cases.title }).from(cases).where(eq(cases.id, before.caseId))
      : [];
    if (!found) throw new RuleError("form", "enquiries.caseGone");
    const titled = (lang: Language) =>
      translatorFor(lang)
        .t("enquiries.activityTitle", { title: localized(found.title, lang) })
        .slice(0, 200);
    const described = (lang: Language) => translatorFor(lang).t("enquiries.activityDescription", { id: before.id });
    const day = placeholderDay(new Date());
    const activity = await createActivity(tx, actor, {
      title: { en: titled("en"), id: titled("id") },
      type: "knowledge_sharing",
      status: "planned",
      mode: "online",
      startsAt: day,
      endsAt: new Date(day.getTime() + 24 * 3_600_000 - 1000),
      allDay: true,
      city: null,
      countryCode: null,
      agreementId: null,
      description: { en: described("en"), id: described("id") },
      outputs: null,
      lessons: null,
      commitmentIds: [],
      organizerIds: [],
      participantIds: [],
      caseIds: [found.id],
    });
    const after = await saveVersion(tx, enquiries, before, {
      status: "planned",
      activityId: activity.id,
      handledBy: actorUserId(actor),
    });
    await recordAudit(tx, {
      actor,
      action: "plan",
      entityType: "enquiry",
      entityId: change.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { enquiry: after, activity };
  });
}
