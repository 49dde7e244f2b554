import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { webhookPaths } from "./request-limits.server";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses state-changing requests that another site started. Browsers send Sec-Fetch-Site on
 * every request and Origin on every POST; a request with neither (curl, a script) is not a
 * browser being tricked, so it passes.
 */
export function rejectCrossSiteWrites(appUrl: string | undefined) {
  const configured = appUrl ? new URL(appUrl).origin : undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    if (!unsafeMethods.has(req.method)) return next();
    // A provider's webhook proves itself with a signature its route checks, and carries no cookie to misuse.
    if (webhookPaths.has(req.path)) return next();
    // One-click unsubscribe (RFC 8058): mail clients post the link from elsewhere, without a session;
    // the token in the path is what authorizes it, and it can only turn one notice off. React
    // Router would refuse a foreign Origin on its own, so the header it need not judge is dropped.
    if (/^\/unsubscribe\/[^/]+$/.test(req.path)) {
      delete req.headers.origin;
      return next();
    }
    const site = req.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") return forbid(res);
    const origin = req.get("origin");
    if (origin) {
      const expected = configured ?? `${req.protocol}://${req.get("host")}`;
      if (origin !== expected) return forbid(res);
    }
    next();
  };
}

function forbid(res: Response) {
  res.status(403).type("text/plain").send("Cross-site request refused.");
}

/**
 * Security headers for every response; the CSP nonce is fresh per request and handed to React.
 * HSTS goes out whenever the public origin (APP_URL) is https: behind a TLS proxy the app sees
 * plain HTTP, and whether it trusts the proxy's X-Forwarded-Proto (TRUST_PROXY) must not decide it.
 */
export function securityHeaders(options: { development: boolean; secure: boolean; publicOrigin?: string }) {
  const httpsOrigin = options.publicOrigin?.startsWith("https:") ?? false;
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const scriptSrc = [`'self'`, `'nonce-${nonce}'`];
    const styleSrc = [`'self'`];
    const connectSrc = [`'self'`];
    if (options.development) {
      // Vite injects styles and talks to its HMR socket while developing.
      styleSrc.push(`'unsafe-inline'`);
      connectSrc.push("ws:", "wss:");
    }
    const csp = [
      `default-src 'self'`,
      `script-src ${scriptSrc.join(" ")}`,
      `style-src ${styleSrc.join(" ")}`,
      `img-src 'self' data:`,
      `font-src 'self'`,
      `connect-src ${connectSrc.join(" ")}`,
      `object-src 'none'`,
      `base-uri 'self'`,
      `form-action 'self'`,
      `frame-ancestors 'none'`,
    ];
    res.setHeader("Content-Security-Policy", csp.join("; "));
    withoutPolicyOnNotModified(res, documentDownload.test(req.path));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (httpsOrigin || (options.secure && req.secure)) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

/** The policy of a document's download: nothing in it runs, loads or submits, even opened in a tab. */
export const downloadPolicy = "sandbox; default-src 'none'";
/** The address of a document's download (app/routes/documents.$id.$fileName.ts). */
const documentDownload = /^\/documents\/\d+\/[^/]+$/;

/**
 * A 304 (lib/http-cache.server.ts) tells the browser to show the page it kept, whose scripts carry
 * the nonce of the response that brought them. The headers of a 304 replace the kept ones, so a
 * policy with this request's new nonce would block every script on that page: a 304 goes without.
 * A document's download (its address, answered with Content-Disposition) gets the download policy
 * instead of the pages'; its 404 is the site's error page and keeps theirs. Hooked into writeHead
 * because the status and headers are known only once React Router has answered.
 */
function withoutPolicyOnNotModified(res: Response, download: boolean) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    if (args[0] === 304) res.removeHeader("Content-Security-Policy");
    else if (download && res.hasHeader("Content-Disposition")) res.setHeader("Content-Security-Policy", downloadPolicy);
    return writeHead(...args);
  }) as Response["writeHead"];
}
