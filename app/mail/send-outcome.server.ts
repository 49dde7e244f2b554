import type { CreateEmailResponse } from "resend";

/** What became of one send: delivered to the provider, worth another try later, or given up on. */
export type SendOutcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "retry"; code: string; reason: string; retryAfterMs?: number }
  | { kind: "failed"; code: string; reason: string };

/** After this many tries a message that keeps meeting transient failures is given up on. */
export const maxAttempts = 10;

const minute = 60_000;
/** The longest wait between two tries: an hour, so ten tries span about five hours. */
const maxBackoffMs = 60 * minute;

/**
 * The wait before try `attempts + 1`: a minute, doubling with each try, capped, and spread by up to
 * a fifth either way so messages that failed together (a provider outage) do not return together.
 */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(minute * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

// Resend answers these names for requests that may succeed later (besides 429 and 5xx by status):
// the key's earlier request is still being handled, or the day's or month's quota is used up.
const transientNames = new Set(["concurrent_idempotent_requests", "daily_quota_exceeded", "monthly_quota_exceeded"]);

/**
 * Reads the resend client's answer. The client never throws: a network failure or timeout comes
 * back as an error without a status code, which is worth retrying like 429 and 5xx; any other 4xx
 * (an invalid address, a refused sender) will fail again and is final.
 */
export function sendOutcome(response: CreateEmailResponse): SendOutcome {
  if (!response.error) {
    return response.data?.id
      ? { kind: "sent", providerMessageId: response.data.id }
      : { kind: "retry", code: "no id", reason: "the provider accepted the message without giving its id" };
  }
  const { statusCode, name, message } = response.error;
  const status = typeof statusCode === "number" ? statusCode : null;
  // The code is for logs; the provider's message may quote the address, so it stays in the row.
  const code = `${status ?? "no answer"} ${name ?? "error"}`;
  const reason = `${code}: ${message ?? ""}`.slice(0, 500);
  if (status === null || status === 429 || status >= 500 || transientNames.has(name)) {
    return { kind: "retry", code, reason, retryAfterMs: retryAfter(response.headers) };
  }
  return { kind: "failed", code, reason };
}

/** The provider's Retry-After in milliseconds (seconds only; Resend sends no dates), if any. */
function retryAfter(headers: Record<string, string> | null): number | undefined {
  const value = headers?.["retry-after"];
  if (!value || !/^\d{1,6}$/.test(value)) return undefined;
  return Number(value) * 1000;
}
