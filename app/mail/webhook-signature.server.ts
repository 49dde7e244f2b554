// Checking that a webhook delivery really comes from Resend, which signs its webhooks with Svix.
import { Resend } from "resend";

/** The Svix headers of a delivery, as the request carried them (absent ones as null). */
export interface WebhookHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

export type Verified = { ok: true; event: unknown } | { ok: false; why: "signature" | "body" };

/**
 * Resend's client wants an API key to exist, though verifying calls no API: this one is never sent.
 * Its `webhooks.verify` (the Standard Webhooks library) checks the HMAC-SHA256 of
 * `<id>.<timestamp>.<body>` under the `whsec_` secret in constant time, and refuses a timestamp
 * more than five minutes away from now, so a captured delivery cannot be replayed later.
 */
const webhooks = new Resend("re_never_used_for_verifying").webhooks;

/**
 * Whether `payload` (the raw body, exactly as received: the signature covers its bytes) carries a
 * valid signature, and the event it holds. A bad secret is the server's fault, not the sender's:
 * it throws instead of answering like a forged delivery.
 */
export function verifyResendWebhook(payload: string, headers: WebhookHeaders, secret: string): Verified {
  if (!headers.id || !headers.timestamp || !headers.signature) return { ok: false, why: "signature" };
  try {
    const event: unknown = webhooks.verify({
      payload,
      headers: { id: headers.id, timestamp: headers.timestamp, signature: headers.signature },
      webhookSecret: secret,
    });
    return { ok: true, event };
  } catch (error) {
    // The library's own error class is not exported by resend; its name is stable.
    if (error instanceof Error && error.name === "WebhookVerificationError") return { ok: false, why: "signature" };
    // Signed correctly, but not JSON: the signature ran before the parse.
    if (error instanceof SyntaxError) return { ok: false, why: "body" };
    throw error;
  }
}
