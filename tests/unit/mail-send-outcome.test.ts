import { describe, expect, it } from "vitest";
import type { CreateEmailResponse } from "resend";
import { backoffMs, sendOutcome } from "../../app/mail/send-outcome.server";

// How the sender reads the resend client's answers, which never throw: retry or give up.
const failure = (statusCode: number | null, name: string, headers: Record<string, string> | null = null) =>
  ({ data: null, error: { statusCode, name, message: "m" }, headers }) as CreateEmailResponse;

describe("a send's outcome", () => {
  it("is sent with the provider's id", () => {
    expect(sendOutcome({ data: { id: "abc" }, error: null, headers: null })).toEqual({
      kind: "sent",
      providerMessageId: "abc",
    });
  });

  it("is retried for 429, 5xx, no answer, a concurrent request under the same key, and a used-up quota", () => {
    for (const [status, name] of [
      [429, "rate_limit_exceeded"],
      [500, "internal_server_error"],
      [503, "application_error"],
      [null, "application_error"],
      [409, "concurrent_idempotent_requests"],
      [429, "daily_quota_exceeded"],
    ] as const) {
      expect(sendOutcome(failure(status, name)).kind, `${status} ${name}`).toBe("retry");
    }
  });

  it("fails for any other 4xx, with the status, name and message as the reason", () => {
    for (const [status, name] of [
      [400, "validation_error"],
      [403, "invalid_api_key"],
      [409, "invalid_idempotent_request"],
      [422, "validation_error"],
    ] as const) {
      expect(sendOutcome(failure(status, name))).toEqual({
        kind: "failed",
        code: `${status} ${name}`,
        reason: `${status} ${name}: m`,
      });
    }
  });

  it("takes a Retry-After in seconds", () => {
    expect(sendOutcome(failure(429, "rate_limit_exceeded", { "retry-after": "30" }))).toMatchObject({
      retryAfterMs: 30_000,
    });
  });
});

describe("the backoff", () => {
  it("doubles from a minute up to an hour, spread by a fifth either way", () => {
    expect([1, 2, 3, 7, 8, 20].map((n) => backoffMs(n, () => 0.5))).toEqual([
      60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(48_000);
    expect(backoffMs(1, () => 1)).toBe(72_000);
  });
});
