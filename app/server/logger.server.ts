import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** What the server keeps about the request it is answering, wherever the code is that logs. */
export interface RequestState {
  id: string;
  /** Set when the database failed this request: its answer is then a 503, not a 500. */
  databaseFailed: boolean;
}

export const requestState = new AsyncLocalStorage<RequestState>();

/**
 * One JSON object a line, in production and development alike (operators' tools read it; no pretty
 * printer is installed). Every line logged while answering a request carries its id, so one
 * request's lines can be found among many workers' output. Log what happened, never what people
 * sent: no bodies, no form values, no cookies or tokens (the redaction below is a safety net for a
 * field logged by mistake, not a licence to log objects whole).
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { pid: process.pid },
  mixin: () => {
    const state = requestState.getStore();
    return state ? { reqId: state.id } : {};
  },
  redact: {
    paths: ["password", "token", "cookie", "headers.cookie", "headers.authorization", "*.password", "*.token"],
    censor: "[redacted]",
  },
  serializers: { err: errorSummary },
});

/**
 * An error as one short record. drizzle's query errors put the statement's parameters (emails,
 * token hashes, text people typed) in their message, so only the driver's own error (the `cause`)
 * is told, with its code.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  // Already a summary (pino runs this serializer on what the code logs as `err`).
  if (error && typeof error === "object" && !(error instanceof Error)) return error as Record<string, unknown>;
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const shown = error.message.startsWith("Failed query") && cause ? cause : error;
  const code = (shown as { code?: unknown }).code;
  // Whatever it is, a message is told in a line, without a query's parameters.
  const message = shown.message.split(/\nparams:/)[0]!.slice(0, 500);
  return {
    type: shown.name,
    message,
    ...(code !== undefined ? { code } : {}),
    // The frames, without the first line (which repeats the message).
    stack: shown.stack?.split("\n").slice(1, 9).join("\n"),
  };
}
