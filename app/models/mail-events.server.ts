// What Resend's webhook deliveries change: a permanent bounce or a spam complaint suppresses the address.
import { z } from "zod";
import { mailEvents } from "../../db/schema";
import type { Database } from "../../db/client";
import { addSuppression, type SuppressionReason } from "./mail-suppressions.server";

/** What a delivery came to: `duplicate` is a redelivery of an event already handled. */
export type EventOutcome = "suppressed" | "duplicate" | "ignored";

const system = { label: "system" } as const;

const recipients = z.array(z.string()).min(1);
const bounced = z.object({
  type: z.literal("email.bounced"),
  data: z.object({
    to: recipients,
    // Resend sends email.bounced for mail the receiving server refused for good; where it says
    // Transient or Undetermined the address may still work, and only a Permanent one is held back.
    bounce: z.object({ type: z.string() }).optional(),
  }),
});
const complained = z.object({ type: z.literal("email.complained"), data: z.object({ to: recipients }) });
const suppressing = z.union([bounced, complained]);

/** An address as the event names it: bare, or `Name <address>` as the sender may have written it. */
function bareAddress(recipient: string): string | null {
  const address = (/<([^<>]+)>\s*$/.exec(recipient)?.[1] ?? recipient).trim();
  return /^[^\s@]+@[^\s@]+$/.test(address) && address.length <= 254 ? address : null;
}

/** The addresses an event suppresses and why; null for every event that suppresses nothing. */
export function suppressionOf(event: unknown): { type: string; reason: SuppressionReason; addresses: string[] } | null {
  const parsed = suppressing.safeParse(event);
  if (!parsed.success) return null;
  const { type, data } = parsed.data;
  if (type === "email.bounced" && data.bounce && data.bounce.type.toLowerCase() !== "permanent") return null;
  const addresses = data.to.map(bareAddress).filter((a): a is string => a !== null);
  if (!addresses.length) return null;
  return { type, reason: type === "email.bounced" ? "bounced" : "complained", addresses };
}

/** Whether `event` has the shape every Resend event has; anything else is no event at all. */
export const isResendEvent = (event: unknown) => z.object({ type: z.string() }).safeParse(event).success;

/**
 * Applies one webhook delivery, whose Svix id (`eventId`) is the same on every redelivery: the id
 * is recorded in the same transaction as what the event changes, so a redelivery, or two at once,
 * changes nothing more. Events that change nothing are not recorded.
 */
export async function recordResendEvent(db: Database, eventId: string, event: unknown): Promise<EventOutcome> {
  const suppression = suppressionOf(event);
  if (!suppression) return "ignored";
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(mailEvents)
      .values({ id: eventId, type: suppression.type })
      .onConflictDoNothing({ target: mailEvents.id })
      .returning({ id: mailEvents.id });
    if (!fresh) return "duplicate";
    for (const address of suppression.addresses) await addSuppression(tx, system, address, suppression.reason);
    return "suppressed";
  });
}
