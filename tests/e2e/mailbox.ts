import type { APIRequestContext } from "@playwright/test";
import { decodeHtml } from "../support/http";

/**
 * The link in the newest queued email to `address` that leads to `path` (e.g. "/invitation"), as
 * an admin reads it in the development mailbox (/admin/mail: the browser tests' server has no
 * RESEND_API_KEY, so every email stays there). Throws, naming what it looked for, when none does.
 */
export async function linkFromMailbox(admin: APIRequestContext, address: string, path: string): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_-]{43}`);
  // Newest first: the message just queued is on the first page unless a flood came in between.
  for (let page = 1; page <= 3; page++) {
    const list = await (await admin.get(`/admin/mail?page=${page}`)).text();
    const rows = [...list.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((r) => r.includes(address));
    for (const row of rows) {
      const id = /href="\/admin\/mail\/(\d+)"/.exec(row)?.[1];
      if (!id) continue;
      const message = decodeHtml(await (await admin.get(`/admin/mail/${id}`)).text());
      const link = pattern.exec(message)?.[0];
      if (link) return link;
    }
  }
  throw new Error(`no queued email to ${address} with a link to ${path}`);
}
