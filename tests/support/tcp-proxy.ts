import { createConnection, createServer, type Socket } from "node:net";

/**
 * A TCP proxy in front of the test PostgreSQL, for fault tests: while `down`, it cuts every
 * connection through it and resets each new one at once, which is what an app sees of a database
 * server that stopped; `up()` lets connections through again. The database itself is never
 * touched, so other tests sharing it run on.
 */
export interface TcpProxy {
  port: number;
  /** `url` (a postgres:// address of the target) rewritten to go through the proxy. */
  through(url: string): string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    if (!open) return void client.resetAndDestroy();
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as { port: number };
  const proxy: TcpProxy = {
    port,
    through(url) {
      const rewritten = new URL(url);
      rewritten.hostname = "127.0.0.1";
      rewritten.port = String(port);
      return rewritten.toString();
    },
    down() {
      open = false;
      for (const [client, upstream] of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    up() {
      open = true;
    },
    close() {
      proxy.down();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
