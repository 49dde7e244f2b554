/**
 * The public case page over HTTP, on the production build (docs/decisions/0015-public-case-pages.md):
 * what a visitor, a search engine and a link preview get, and how repeat views are revalidated.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { casePageDatabase, casePageFixture as f } from "../support/case-page-fixture";
import { decodeHtml, fetchSignIn } from "../support/http";
import { languageCookie } from "../../app/i18n/i18n.server";
import { startBuiltServer, type RunningServer } from "../support/server-process";
import { drivers } from "../support/test-database";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

/** A page's HTML with entities decoded and React's text separators (<!-- -->) left out. */
const readable = (html: string) => decodeHtml(html).replaceAll("<!-- -->", "");
const attribute = (html: string, pattern: RegExp) => decodeHtml(pattern.exec(html)?.[1] ?? "");

describe.each(drivers)("the public case page on %s", (driver) => {
  let server: RunningServer;
  let cleanUp: (() => Promise<unknown>) | undefined;
  const get = (address: string, headers: Record<string, string> = {}) =>
    fetch(server.url + address, { headers, redirect: "manual" });

  beforeAll(async () => {
    const database = await casePageDatabase(driver);
    cleanUp = database.cleanUp;
    server = await startBuiltServer(database.env);
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await cleanUp?.();
  });

  it("shows a published case to a visitor, with its head for search engines and link previews", async () => {
    const res = await get(`/library/${f.slug}`, { "Accept-Language": "en" });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = readable(html);
    expect(text).toContain("<title>Queue-free permits · Jembatan</title>");
    expect(attribute(html, /<meta name="description" content="([^"]*)"/)).toBe(
      "Permits issued in one visit, without queues.",
    );
    expect(attribute(html, /<meta property="og:title" content="([^"]*)"/)).toBe("Queue-free permits");
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(attribute(html, /<meta property="og:url" content="([^"]*)"/)).toBe(`${server.url}/library/${f.slug}`);
    expect(html).toContain('<meta property="og:locale" content="en_GB"/>');
    expect(html).toContain('<meta property="og:locale:alternate" content="id_ID"/>');
    expect(html).toContain(`<link rel="canonical" href="${server.url}/library/${f.slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="id" href="${server.url}/library/${f.slugId}"/>`);

    const [ld] = jsonLd(html);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "Queue-free permits",
      inLanguage: "en",
      award: ["UN Public Service Award, 2019"],
      temporalCoverage: "2016/..",
      spatialCoverage: { name: "Banyuwangi, East Java, Indonesia", geo: { latitude: -8.2192 } },
      keywords: ["Business licensing", "SDG 16", "SDG 16.6"],
    });
    expect(ld!.about).toMatchObject({ provider: { name: "Permit Service Agency" } });

    for (const heading of [
      "At a glance",
      "The problem",
      "The solution",
      "What makes it innovative",
      "Results",
      "Lessons learned",
      "The full story",
      "Sources",
    ]) {
      expect(text, heading).toMatch(new RegExp(`<h2 id="[a-z-]+">${heading}`));
    }
    expect(text).toContain("Business licensing");
    expect(text).toContain("Since 2016, still running");
    expect(text).toContain("Permit Service Agency (PSA)");
    expect(text).toContain("Ministry of Reform");
    expect(text).toContain('<time dateTime="2023-10">October 2023</time>');
    expect(text).toContain("Source: Daily Permit News, 2023");
    expect(text).toContain("Queues vanish at the permit hall");
    // No app script for a visitor, and certainly not the editor.
    expect(html).not.toMatch(/<script type="module"|modulepreload|lexical/i);
  });

  it("speaks Indonesian on either slug, marks English text shown instead, and names the Indonesian slug canonical", async () => {
    for (const slug of [f.slug, f.slugId]) {
      const html = await (await get(`/library/${slug}`, { "Accept-Language": "id" })).text();
      const text = readable(html);
      expect(text).toContain("<title>Izin tanpa antre · Jembatan</title>");
      expect(text).toContain("Perizinan berusaha");
      expect(text).toContain("Sejak 2016, masih berjalan");
      expect(html).toContain(`<link rel="canonical" href="${server.url}/library/${f.slugId}"/>`);
      expect(html).toContain('<meta property="og:locale" content="id_ID"/>');
      // The problem is written in English only: shown in English, marked, in the reader's words.
      expect(text).toMatch(
        /<h2 id="problem-title">Masalah<span class="language-fallback"> \(dalam bahasa Inggris\)<\/span><\/h2><div lang="en"/,
      );
      expect(text).toContain('<div lang="en" class="case-section__text"><p>People queued for days for a permit.</p>');
      expect(text).toContain("Semuanya bermula dari satu loket.");
      expect(jsonLd(html)[0]).toMatchObject({ inLanguage: "id", headline: "Izin tanpa antre" });
    }
  });

  it("lets the Indonesian slug choose Indonesian for a reader who chose no language, and only then", async () => {
    const lang = async (slug: string, headers: Record<string, string> = {}) =>
      /<html lang="([a-z]+)"/.exec(await (await get(`/library/${slug}`, headers)).text())?.[1];
    // A crawler following the page's hreflang link sends no Accept-Language and no cookie.
    expect(await lang(f.slugId)).toBe("id");
    expect(await lang(f.slug)).toBe("en");
    // Whatever the reader asked for wins over the address.
    expect(await lang(f.slugId, { "Accept-Language": "en" })).toBe("en");
    const english = (await languageCookie.serialize("en")).split(";")[0]!;
    expect(await lang(f.slugId, { Cookie: english })).toBe("en");
    expect(await lang(`${f.slugId}?lng=az`)).toBe("az");
  });

  it("answers a repeat anonymous view with 304 from its ETag, kept by any cache, without a new nonce", async () => {
    const first = await get(`/library/${f.slug}`);
    await first.arrayBuffer();
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(first.headers.get("vary")).toMatch(/Cookie, Accept-Language/);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("content-security-policy")).toMatch(/'nonce-[^']+'/);

    const again = await get(`/library/${f.slug}`, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(again.headers.get("content-security-policy")).toBeNull();

    // Another language, or the other slug, is another page.
    const indonesian = await get(`/library/${f.slug}`, { "If-None-Match": etag!, "Accept-Language": "id" });
    expect(indonesian.status).toBe(200);
    expect(indonesian.headers.get("etag")).not.toBe(etag);
    expect((await get(`/library/${f.slugId}`, { "If-None-Match": etag! })).status).toBe(200);
  });

  it("keeps a signed-in person's page private, and gives the whole page once anything changed", async () => {
    const visitorTag = (await get(`/library/${f.slug}`)).headers.get("etag")!;
    const viewer = await fetchSignIn(server.url, f.viewerEmail, f.viewerPassword);
    const signedIn = await get(`/library/${f.slug}`, { Cookie: viewer, "If-None-Match": visitorTag });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-cache");
    const ownTag = signedIn.headers.get("etag")!;
    expect(ownTag).not.toBe(visitorTag);
    expect((await get(`/library/${f.slug}`, { Cookie: viewer, "If-None-Match": ownTag })).status).toBe(304);

    // Any audited change retires every tag: signing in wrote none, this does.
    const reset = await fetch(`${server.url}/account`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: viewer, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "resetCalendar" }),
    });
    expect(reset.status).toBe(302);
    const after = await get(`/library/${f.slug}`, { "If-None-Match": visitorTag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(visitorTag);
  });

  it("answers 404 for a draft, an archived case and a slug that is no slug, and keeps none of them", async () => {
    for (const slug of [f.draftSlug, f.archivedSlug, "no-such-case", "Bad%20Slug", "%00"]) {
      const res = await get(`/library/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(res.headers.get("etag"), slug).toBeNull();
      const html = await res.text();
      expect(html, slug).not.toContain("A secret draft");
      expect(html, slug).not.toContain("Withdrawn");
    }
  });

  it("escapes a title that tries to end the JSON-LD script", async () => {
    const html = await (await get(`/library/${f.hostileSlug}`)).text();
    expect(html).not.toContain("</script><script>alert(1)");
    const blocks = jsonLd(html);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.headline).toBe(f.hostileTitle);
  });
});
