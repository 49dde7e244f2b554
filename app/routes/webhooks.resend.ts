import type { Route } from "./+types/webhooks.resend";
import { db } from "../db.server";
import { env } from "../env.server";
import { getI18n } from "../i18n/i18n.server";
import type { TranslationKey } from "../i18n/keys";
import { verifyResendWebhook } from "../mail/webhook-signature.server";
import { recordResendEvent, isResendEvent } from "../models/mail-events.server";
import { errorSummary, logger } from "../server/logger.server";

/**
 * Resend's delivery reports (signed with Svix): bounces and complaints suppress the address. Svix
 * retries whatever is not a 2xx for days, so every answer but 200 is one it should retry or that
 * a forger gets. The body is never logged: it names people's addresses.
 */
/** Only Resend's POSTs come here: a browser that opens the address is told so, not shown an error page. */
export function loader({ context, request }: Route.LoaderArgs) {
  const text = getI18n(context).t("request.methodNotAllowed", { method: request.method });
  return new Response(text, { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}

export async function action({ context, request }: Route.ActionArgs) {
  const { t } = getI18n(context);
  const answer = (status: number, key: TranslationKey) =>
    new Response(t(key), {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  // 503, not 404: the address exists and will work once the secret is set, and Svix keeps retrying
  // a 503, so the reports sent meanwhile still arrive then.
  const secret = env.RESEND_WEBHOOK_SECRET;
  if (!secret) {
    logger.warn("a Resend webhook arrived, but RESEND_WEBHOOK_SECRET is not set");
    return answer(503, "delivery.webhook.notConfigured");
  }
  // The signature covers the exact bytes, so the body is read raw, never parsed and re-serialized.
  const payload = await request.text();
  const headers = {
    id: request.headers.get("svix-id"),
    timestamp: request.headers.get("svix-timestamp"),
    signature: request.headers.get("svix-signature"),
  };
  let verified: ReturnType<typeof verifyResendWebhook>;
  try {
    verified = verifyResendWebhook(payload, headers, secret);
  } catch (error) {
    logger.error({ err: errorSummary(error) }, "RESEND_WEBHOOK_SECRET cannot verify webhooks; is it the whsec_ value?");
    return answer(503, "delivery.webhook.notConfigured");
  }
  if (!verified.ok && verified.why === "signature") {
    logger.warn("refused a Resend webhook without a valid signature");
    return answer(401, "delivery.webhook.badSignature");
  }
  if (!verified.ok || !isResendEvent(verified.event)) return answer(400, "delivery.webhook.malformed");
  const outcome = await recordResendEvent(db, headers.id!, verified.event);
  if (outcome === "suppressed") logger.info({ webhookId: headers.id }, "a Resend webhook suppressed an address");
  return Response.json({ outcome }, { headers: { "Cache-Control": "no-store" } });
}
