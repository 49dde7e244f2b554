import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * A local stand-in for Resend's email API, for the real `resend` client to talk to (through its
 * `baseUrl`, or RESEND_BASE_URL in a child process). It answers POST /emails as Resend does:
 * checks the bearer key, refuses a payload without from, to and subject (422), and honours
 * Idempotency-Key: a key it has accepted gets the same id again and is not delivered twice (a
 * different payload under that key is refused, 409). It records every request, and can be told to
 * answer the next requests with an error or to hang (never answering; after accepting the message,
 * as a provider does when the connection dies on the way back).
 */
export interface StandIn {
  /** http://127.0.0.1:<port>, for the client's baseUrl. */
  url: string;
  key: string;
  /** Every request received, in order, whatever it was answered. */
  requests: ReceivedRequest[];
  /** Messages accepted for delivery: one per idempotency key (or per request without one). */
  deliveries: Delivery[];
  /** The next `count` POST /emails are answered `status` with a Resend-shaped error. */
  failNext(count: number, status: 409 | 422 | 429 | 500 | 503, headers?: Record<string, string>): void;
  /** The next `count` POST /emails are accepted (or not), then never answered. */
  hangNext(count: number, options?: { accept: boolean }): void;
  /** Each answer waits this long first (to make concurrent senders overlap). */
  delayMs: number;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: EmailBody | null;
  answered: number | "hung";
}

export interface EmailBody {
  from?: string;
  to?: string | string[];
  subject?: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
}

export interface Delivery {
  id: string;
  idempotencyKey: string | null;
  body: EmailBody;
}

const errorNames: Record<number, string> = {
  401: "missing_api_key",
  403: "invalid_api_key",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
  503: "application_error",
};

export async function startResendStandIn(key = `re_test_${randomUUID().slice(0, 8)}`): Promise<StandIn> {
  const requests: ReceivedRequest[] = [];
  const deliveries: Delivery[] = [];
  /** Accepted idempotency keys: the delivery and a digest of its payload. */
  const byKey = new Map<string, { delivery: Delivery; digest: string }>();
  const plan: (
    { kind: "fail"; status: number; headers?: Record<string, string> } | { kind: "hang"; accept: boolean }
  )[] = [];
  const sockets = new Set<Socket>();
  const waiters: (() => void)[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { statusCode: 500, name: "internal_server_error", message: "stand-in" });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const idempotencyKey = req.headers["idempotency-key"]?.toString() ?? null;
    let body: EmailBody | null = null;
    try {
      body = raw ? (JSON.parse(raw) as EmailBody) : null;
    } catch {
      body = null;
    }
    const request: ReceivedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      idempotencyKey,
      body,
      answered: "hung",
    };
    requests.push(request);
    waiters.splice(0).forEach((wake) => wake());
    const answer = async (status: number, payload: unknown, headers?: Record<string, string>) => {
      if (stand.delayMs) await new Promise((resolve) => setTimeout(resolve, stand.delayMs));
      request.answered = status;
      send(res, status, payload, headers);
    };
    const error = (status: number, message: string, headers?: Record<string, string>) =>
      answer(status, { statusCode: status, name: errorNames[status] ?? "application_error", message }, headers);

    if (req.method !== "POST" || req.url !== "/emails") return error(404, "Only POST /emails is stood in for.");
    const auth = req.headers.authorization;
    if (!auth) return error(401, "Missing API key in the authorization header.");
    if (auth !== `Bearer ${key}`) return error(403, "API key is invalid.");
    const step = plan.shift();
    if (step?.kind === "fail") return error(step.status, `Stand-in answering ${step.status} as told.`, step.headers);
    if (!body || !body.from || !body.to || !body.subject || !(body.html || body.text)) {
      return error(422, "The `from`, `to`, `subject` and `html` or `text` fields are required.");
    }
    const digest = createHash("sha256").update(raw).digest("hex");
    const seen = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
    if (seen && seen.digest !== digest) {
      return answer(409, {
        statusCode: 409,
        name: "invalid_idempotent_request",
        message: "Same idempotency key used with a different request payload.",
      });
    }
    let delivery = seen?.delivery;
    if (!delivery && (step?.kind !== "hang" || step.accept)) {
      delivery = { id: randomUUID(), idempotencyKey, body };
      deliveries.push(delivery);
      if (idempotencyKey) byKey.set(idempotencyKey, { delivery, digest });
    }
    if (step?.kind === "hang") return; // the client waits until it gives up or dies
    return answer(200, { id: delivery!.id });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };

  const stand: StandIn = {
    url: `http://127.0.0.1:${port}`,
    key,
    requests,
    deliveries,
    delayMs: 0,
    failNext(count, status, headers) {
      for (let i = 0; i < count; i++) plan.push({ kind: "fail", status, headers });
    },
    hangNext(count, options = { accept: true }) {
      for (let i = 0; i < count; i++) plan.push({ kind: "hang", accept: options.accept });
    },
    async waitForRequests(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`the stand-in got ${requests.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return stand;
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(payload));
}
