import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import {
  isRouteErrorResponse,
  ServerRouter,
  UNSAFE_ErrorResponseImpl as ErrorResponse,
  type EntryContext,
  type HandleErrorFunction,
  type RouterContextProvider,
} from "react-router";
import { noteDatabaseFailure } from "./db.server";
import { getLanguage, serverStrings } from "./i18n/i18n.server";
import { StringSourceProvider } from "./i18n/translation";
import { NonceContext } from "./lib/nonce";
import { requestInfoContext } from "./lib/request-context";
import { errorSummary, logger, requestState } from "./server/logger.server";

export const streamTimeout = 5_000;

/**
 * Renders the whole document before answering. Nothing on a Jembatan page waits on deferred data,
 * so streaming the shell first gains nothing, while one complete body is cheaper to send (one
 * write with a Content-Length instead of dozens of 2 KB chunks) and can be kept by the page cache.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  if (responseStatusCode >= 500 && requestState.getStore()?.databaseFailed) {
    // The database failed this request: the page says it is briefly unavailable, as while the
    // database is known to be away (app/lib/availability.server.ts makes the status 503).
    const { errors } = routerContext.staticHandlerContext;
    for (const id of Object.keys(errors ?? {})) errors![id] = new ErrorResponse(503, "Service Unavailable", null);
  }
  const { nonce } = loadContext.get(requestInfoContext);
  const strings = serverStrings(getLanguage(loadContext));

  return new Promise<Response>((resolve, reject) => {
    const timeoutId = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(
      <StringSourceProvider source={strings}>
        <NonceContext.Provider value={nonce}>
          <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
        </NonceContext.Provider>
      </StringSourceProvider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          pipe(
            new Writable({
              write(chunk: Buffer, _encoding, callback) {
                chunks.push(chunk);
                callback();
              },
              final(callback) {
                clearTimeout(timeoutId);
                const body = Buffer.concat(chunks);
                responseHeaders.set("Content-Type", "text/html; charset=utf-8");
                responseHeaders.set("Content-Length", String(body.byteLength));
                resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
                callback();
              },
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timeoutId);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger.error({ err: errorSummary(error) }, "render failed");
        },
      },
    );
  });
}

/**
 * Every error a loader, action or middleware threw: one log line (the driver's message, never the
 * query's values), and a request the database failed is marked, so it is answered 503 instead of
 * 500 (app/lib/availability.server.ts).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  noteDatabaseFailure(error);
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error)) {
    // React Router's own refusals (no such route, a method no route takes) carry their reason.
    const reason = (error as { error?: unknown }).error ?? error.statusText;
    logger.warn({ status: error.status, err: errorSummary(reason) }, "request refused");
  } else {
    logger.error({ err: errorSummary(error) }, "request failed");
  }
};
