// Resend's webhook deliveries as the tests send them: signed the Svix way, here with node:crypto, so
// the app's verifier is checked against the scheme rather than against itself.
import { createHmac, randomUUID } from "node:crypto";

/** The secret the test servers are given: `whsec_` and base64 of the key, as Resend shows it. */
export const testWebhookSecret = `whsec_${Buffer.from("jembatan test webhook signing key").toString("base64")}`;

export interface SignOptions {
  secret?: string;
  /** The delivery's id (svix-id): the same for every redelivery of one event. */
  id?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
}

/** A delivery of `event`: its body and the svix-* headers signing it. */
export function signedDelivery(event: unknown, options: SignOptions = {}) {
  const body = JSON.stringify(event);
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from((options.secret ?? testWebhookSecret).replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    id,
    body,
    headers: {
      "Content-Type": "application/json",
      "svix-id": id,
      "svix-timestamp": timestamp,
      "svix-signature": `v1,${signature}`,
    },
  };
}

/** An `email.bounced` or `email.complained` event for `to`, shaped as Resend sends them. */
export function deliveryEvent(
  type: "email.bounced" | "email.complained" | "email.delivered",
  to: string,
  bounceType = "Permanent",
) {
  return {
    type,
    created_at: new Date().toISOString(),
    data: {
      created_at: new Date().toISOString(),
      email_id: randomUUID(),
      from: "Jembatan <noreply@example.org>",
      to: [to],
      subject: "A notice",
      ...(type === "email.bounced"
        ? { bounce: { message: "The recipient's mailbox does not exist.", subType: "General", type: bounceType } }
        : {}),
    },
  };
}

/** Posts a delivery to a running server's webhook address. */
export function postDelivery(baseUrl: string, delivery: { body: string; headers: Record<string, string> }) {
  return fetch(`${baseUrl}/webhooks/resend`, { method: "POST", headers: delivery.headers, body: delivery.body });
}
