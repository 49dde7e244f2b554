import { describe, expect, it } from "vitest";
import { z } from "zod";
import { envSchema } from "../../app/env.server";
import { testWebhookSecret } from "../support/resend-webhooks";

/** What start-up would say about `RESEND_WEBHOOK_SECRET=value`: null when it starts. */
function webhookSecretError(value: string | undefined) {
  const parsed = envSchema.safeParse({ RESEND_WEBHOOK_SECRET: value });
  return parsed.success ? null : z.prettifyError(parsed.error);
}

describe("RESEND_WEBHOOK_SECRET", () => {
  it("takes Resend's signing secret: whsec_ and base64, padded or not; or nothing", () => {
    expect(webhookSecretError(testWebhookSecret)).toBeNull();
    expect(webhookSecretError(`whsec_${Buffer.alloc(24, 7).toString("base64")}`)).toBeNull();
    expect(webhookSecretError("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBeNull();
    expect(webhookSecretError("whsec_a+b/cA==")).toBeNull();
    expect(webhookSecretError(undefined)).toBeNull();
    expect(envSchema.parse({ RESEND_WEBHOOK_SECRET: testWebhookSecret }).RESEND_WEBHOOK_SECRET).toBe(testWebhookSecret);
  });

  it.each([
    ["empty", ""],
    ["without its prefix", Buffer.alloc(24, 7).toString("base64")],
    ["the API key by mistake", "re_123456789_abcdefghijklmnopqrstuvwx"],
    ["a prefix with nothing after it", "whsec_"],
    ["not base64", "whsec_not-base64!"],
    ["truncated", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS"],
    ["with a line break", `${testWebhookSecret}\n`],
    ["with spaces around it", ` ${testWebhookSecret} `],
  ])("refuses one %s, naming the variable and what it should be", (_what, value) => {
    const error = webhookSecretError(value);
    expect(error).toContain("RESEND_WEBHOOK_SECRET");
    expect(error).toContain("whsec_ followed by base64");
  });
});
