import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequest, APIRequestContext } from "@playwright/test";
import { parse } from "yaml";
import {
  activityForm,
  agreementForm,
  assessmentForm,
  commitmentForm,
  createActivity,
  createAgreement,
  createCommitment,
  createUser,
  somePartnership,
} from "../support/http-factories";
import { match, postForm } from "../support/http";
import { pngBytes } from "../support/sample-files";
import { demoAccounts, expect, signedInRequest, test, uniqueSuffix, type Role } from "./fixtures";
import { linkFromMailbox } from "./mailbox";

const here = path.dirname(fileURLToPath(import.meta.url));

// The case studies come from content/cases/*.yaml: drafts must never be shown publicly.
const casesDir = path.resolve(here, "../../content/cases");
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => parse(readFileSync(path.join(casesDir, f), "utf8")) as { slug: string; status: string });
const publishedSlugs = cases.filter((c) => c.status === "published").map((c) => c.slug);
const draftSlugs = cases.filter((c) => c.status === "draft").map((c) => c.slug);

type Who = Role | "anonymous";
const everyone: Who[] = ["anonymous", "viewer", "editor", "admin"];
const rank: Record<Who, number> = { anonymous: 0, viewer: 1, editor: 2, admin: 3 };

type Expectation = { status: 200 | 401 | 403 | 404 | 405 | 410; type?: RegExp } | { status: 302; location: string };

const toLogin = (route: string): Expectation => ({
  status: 302,
  location: `/login?${new URLSearchParams({ redirectTo: route })}`,
});

/**
 * React Router's single-fetch address of a page's data. With v8_trailingSlashAwareDataRequests the
 * home page's is /_.data (seen in the browser: GET /_.data, GET /library.data, POST /language.data).
 */
function dataUrl(route: string, routeId?: string) {
  const [pathname, query] = route.split("?") as [string, string | undefined];
  const base = pathname.endsWith("/") ? `${pathname}_.data` : `${pathname}.data`;
  const params = new URLSearchParams(query);
  if (routeId) params.set("_routes", routeId);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

let outboxMessage: Promise<{ mail: string; invitation: string }> | undefined;

/**
 * An outbox message to walk /admin/mail/:id with, and the /invitation address its link leads to:
 * an invitation an admin sends, once per worker. Opening the link does not use it up.
 */
function someOutboxMessage(playwright: { request: APIRequest }, baseURL: string) {
  return (outboxMessage ??= (async () => {
    const admin = await signedInRequest(playwright, baseURL, "admin");
    try {
      const email = `roles-${uniqueSuffix()}@example.org`;
      const invitation = { intent: "invite", email, name: "Roles Walk", role: "viewer", language: "en" };
      const invited = await postForm(admin, baseURL, "/admin/users", invitation);
      expect(invited.status(), "the walk's invitation").toBe(302);
      const outbox = await (await admin.get("/admin/mail")).text();
      const link = new URL(await linkFromMailbox(admin, email, "/invitation"));
      return {
        mail: match(outbox, /href="\/admin\/mail\/(\d+)"/, "a message on /admin/mail"),
        invitation: `${link.pathname}${link.search}`,
      };
    } finally {
      await admin.dispose();
    }
  })());
}

let enquiryId: Promise<string> | undefined;

/**
 * A visitor's request to walk /enquiries/:id with: sent from a published case's page without an
 * account, once per worker (well under the per-client limit), and found in the editors' inbox.
 */
function someEnquiry(playwright: { request: APIRequest }, baseURL: string) {
  return (enquiryId ??= (async () => {
    const visitor = await signedInRequest(playwright, baseURL, "anonymous");
    const editor = await signedInRequest(playwright, baseURL, "editor");
    try {
      const name = `Roles Walk ${uniqueSuffix()}`;
      const sent = await postForm(visitor, baseURL, `/library/${publishedSlugs[0]}/enquiry`, {
        name,
        organization: "Roles walk",
        country: "Azerbaijan",
        email: `roles-${uniqueSuffix()}@example.net`,
        message: "A request the roles walk sends.",
      });
      expect(sent.status(), "the walk's request").toBe(302);
      const inbox = await (await editor.get("/enquiries?status=new")).text();
      return match(inbox, new RegExp(`href="/enquiries/(\\d+)"[^>]*>${name}<`), "the walk's request on /enquiries");
    } finally {
      await visitor.dispose();
      await editor.dispose();
    }
  })());
}

let documentAddress: Promise<string> | undefined;

/**
 * A document to walk /documents/:id/:name with: an image an editor attaches to an activity, once per
 * worker. Only signed-in users may have it (an activity is no published case).
 */
function someDocument(playwright: { request: APIRequest }, baseURL: string, activity: string) {
  return (documentAddress ??= (async () => {
    const editor = await signedInRequest(playwright, baseURL, "editor");
    try {
      const name = `roles-walk-${uniqueSuffix()}.png`;
      const uploaded = await editor.post("/documents", {
        multipart: {
          subjectKind: "activity",
          subjectId: activity,
          title: "",
          file: { name, mimeType: "image/png", buffer: pngBytes() },
        },
        headers: { Origin: baseURL },
        maxRedirects: 0,
      });
      expect(uploaded.status(), "the walk's document").toBe(302);
      const page = await (await editor.get(`/activities/${activity}`)).text();
      return match(page, new RegExp(`href="(/documents/\\d+/${name})"`), "the walk's document on its activity");
    } finally {
      await editor.dispose();
    }
  })());
}

/** Real record ids of the demo content, read from the pages as a viewer sees them. */
async function demoIds(playwright: { request: APIRequest }, baseURL: string) {
  const { mail, invitation } = await someOutboxMessage(playwright, baseURL);
  const enquiry = await someEnquiry(playwright, baseURL);
  const viewer = await signedInRequest(playwright, baseURL, "viewer");
  try {
    const activities = await (await viewer.get("/activities")).text();
    const agreement = await (await viewer.get("/agreements/1")).text();
    const account = await (await viewer.get("/account")).text();
    const activity = match(activities, /href="\/activities\/(\d+)"/, "an activity link on /activities");
    // The seeded visits are past: the 2023 Baku visit has a delegation, hence a member's calendar.
    const pastVisits = await (await viewer.get("/visits?list=past")).text();
    const visit = match(pastVisits, /href="\/visits\/(\d+)"/, "a visit link on /visits?list=past");
    const briefing = await (await viewer.get(`/visits/${visit}/briefing`)).text();
    const people = await (await viewer.get("/people")).text();
    const organizations = await (await viewer.get("/organizations")).text();
    return {
      mail,
      invitation,
      enquiry,
      document: await someDocument(playwright, baseURL, activity),
      activity,
      commitment: match(agreement, /href="\/commitments\/(\d+)"/, "a commitment link on /agreements/1"),
      calendarToken: match(account, /\/activities\.ics\?token=([A-Za-z0-9._-]+)/, "the calendar address on /account"),
      visit,
      member: match(briefing, /[?&;]member=(\d+)/, "a member's version on the briefing"),
      person: match(people, /href="\/people\/(\d+)"/, "a person link on /people"),
      organization: match(organizations, /href="\/organizations\/(\d+)"/, "an organisation link on /organizations"),
    };
  } finally {
    await viewer.dispose();
  }
}

interface PageCase {
  route: string;
  /** The route module, as app/routes.ts names it. */
  file: string;
  access: "public" | Role;
  /** Resource routes answer with their own content type and have no single-fetch data. */
  type?: RegExp;
}

function pagesOf(ids: {
  activity: string;
  commitment: string;
  mail: string;
  invitation: string;
  enquiry: string;
  document: string;
  visit: string;
  member: string;
  person: string;
  organization: string;
}): PageCase[] {
  const v = `/visits/${ids.visit}`;
  return [
    { route: "/", file: "routes/home.tsx", access: "public" },
    { route: "/healthz", file: "routes/healthz.ts", access: "public", type: /^application\/json/ },
    { route: "/login", file: "routes/login.tsx", access: "public" },
    { route: "/logout", file: "routes/logout.ts", access: "public" },
    { route: "/language", file: "routes/language.ts", access: "public" },
    { route: "/follows", file: "routes/follows.tsx", access: "public" },
    { route: "/documents", file: "routes/documents.tsx", access: "public" },
    { route: "/citations", file: "routes/citations.tsx", access: "public" },
    // Signed-in users may have any document; a visitor only a published case's (this is an activity's).
    { route: ids.document, file: "routes/documents.$id.$fileName.ts", access: "viewer", type: /^image\/png$/ },
    { route: `/sources/new?kind=activity&id=${ids.activity}`, file: "routes/sources.new.tsx", access: "editor" },
    // The walk has no valid token: without one, the link says it is not valid.
    { route: "/unsubscribe/not-a-token", file: "routes/unsubscribe.$token.tsx", access: "public" },
    { route: "/library", file: "routes/library.tsx", access: "public" },
    { route: `/library/${publishedSlugs[0]}`, file: "routes/library.$slug.tsx", access: "public" },
    { route: `/library/${publishedSlugs[0]}/enquiry`, file: "routes/library.$slug.enquiry.tsx", access: "public" },
    // Pages an emailed link leads to, open to whoever holds the link (signed in or not).
    { route: ids.invitation, file: "routes/invitation.tsx", access: "public" },
    { route: "/forgot-password", file: "routes/forgot-password.tsx", access: "public" },
    // No reset link to walk with: without a good one the page says the link is gone.
    { route: "/reset-password", file: "routes/reset-password.tsx", access: "public" },
    // Resend's deliveries, POST only: "the Resend webhook" below sends them unsigned.
    { route: "/webhooks/resend", file: "routes/webhooks.resend.ts", access: "public", type: /^text\/plain/ },
    { route: "/activities.csv", file: "routes/activities.csv.ts", access: "viewer", type: /^text\/csv/ },
    { route: "/activities.ics", file: "routes/activities.ics.ts", access: "viewer", type: /^text\/calendar/ },
    { route: "/dashboard", file: "routes/dashboard.tsx", access: "viewer" },
    { route: "/account", file: "routes/account.tsx", access: "viewer" },
    { route: "/agreements", file: "routes/agreements.tsx", access: "viewer" },
    { route: "/agreements/new", file: "routes/agreements.new.tsx", access: "editor" },
    { route: "/agreements/1", file: "routes/agreements.$id.tsx", access: "viewer" },
    { route: "/agreements/1/edit", file: "routes/agreements.$id.edit.tsx", access: "editor" },
    { route: "/agreements/1/commitments/new", file: "routes/agreements.$id.commitments.new.tsx", access: "editor" },
    { route: `/commitments/${ids.commitment}`, file: "routes/commitments.$id.tsx", access: "viewer" },
    { route: `/commitments/${ids.commitment}/edit`, file: "routes/commitments.$id.edit.tsx", access: "editor" },
    { route: "/activities", file: "routes/activities.tsx", access: "viewer" },
    { route: "/activities/new", file: "routes/activities.new.tsx", access: "editor" },
    { route: `/activities/${ids.activity}`, file: "routes/activities.$id.tsx", access: "viewer" },
    { route: `/activities/${ids.activity}/edit`, file: "routes/activities.$id.edit.tsx", access: "editor" },
    // Viewers read a case's replication links; editors change them (the action checks).
    { route: "/cases/1/links", file: "routes/cases.$id.links.tsx", access: "viewer" },
    // Staff read the library's working copies; editors write them (and review them: the action checks).
    { route: "/cases", file: "routes/cases.tsx", access: "viewer" },
    { route: "/cases/new", file: "routes/cases.new.tsx", access: "editor" },
    { route: "/cases/1", file: "routes/cases.$id.tsx", access: "viewer" },
    { route: "/cases/1/edit", file: "routes/cases.$id.edit.tsx", access: "editor" },
    // Who asked is personal data: editors and admins only.
    { route: "/enquiries", file: "routes/enquiries.tsx", access: "editor" },
    { route: `/enquiries/${ids.enquiry}`, file: "routes/enquiries.$id.tsx", access: "editor" },
    { route: "/visits", file: "routes/visits.tsx", access: "viewer" },
    { route: "/visits/new", file: "routes/visits.new.tsx", access: "editor" },
    { route: v, file: "routes/visits.$id.tsx", access: "viewer" },
    { route: `${v}/edit`, file: "routes/visits.$id.edit.tsx", access: "editor" },
    { route: `${v}/report`, file: "routes/visits.$id.report.tsx", access: "editor" },
    { route: `${v}/delegation`, file: "routes/visits.$id.delegation.tsx", access: "viewer" },
    { route: `${v}/itinerary`, file: "routes/visits.$id.itinerary.tsx", access: "viewer" },
    { route: `${v}/follow-ups`, file: "routes/visits.$id.follow-ups.tsx", access: "viewer" },
    { route: `${v}/briefing`, file: "routes/visits.$id.briefing.tsx", access: "viewer" },
    {
      route: `${v}/briefing.pdf`,
      file: "routes/visits.$id.briefing.pdf.ts",
      access: "viewer",
      type: /^application\/pdf/,
    },
    {
      route: `${v}/calendar.ics`,
      file: "routes/visits.$id.calendar.ics.ts",
      access: "viewer",
      type: /^text\/calendar/,
    },
    {
      route: `${v}/members/${ids.member}/calendar.ics`,
      file: "routes/visits.$id.members.$memberId.calendar.ics.ts",
      access: "viewer",
      type: /^text\/calendar/,
    },
    // A secret link's token instead of a session (decision 21): without a live one, for the
    // right visit and member, nobody gets anything, signed in or not.
    {
      route: `${v}/members/${ids.member}/briefing`,
      file: "routes/visits.$id.members.$memberId.briefing.tsx",
      access: "public",
    },
    {
      route: `${v}/members/${ids.member}/briefing?token=${"A".repeat(43)}`,
      file: "routes/visits.$id.members.$memberId.briefing.tsx",
      access: "public",
    },
    {
      route: `${v}/calendar.ics?token=${"A".repeat(43)}`,
      file: "routes/visits.$id.calendar.ics.ts",
      access: "public",
      type: /^text\/calendar/,
    },
    {
      route: `${v}/members/${ids.member}/calendar.ics?token=not-a-token`,
      file: "routes/visits.$id.members.$memberId.calendar.ics.ts",
      access: "public",
      type: /^text\/calendar/,
    },
    { route: "/people", file: "routes/people.tsx", access: "viewer" },
    { route: "/people/new", file: "routes/people.new.tsx", access: "editor" },
    { route: `/people/${ids.person}`, file: "routes/people.$id.tsx", access: "viewer" },
    { route: `/people/${ids.person}/edit`, file: "routes/people.$id.edit.tsx", access: "editor" },
    { route: `/people/${ids.person}/merge`, file: "routes/people.$id.merge.tsx", access: "editor" },
    { route: "/organizations", file: "routes/organizations.tsx", access: "viewer" },
    { route: "/organizations/new", file: "routes/organizations.new.tsx", access: "editor" },
    { route: `/organizations/${ids.organization}`, file: "routes/organizations.$id.tsx", access: "viewer" },
    { route: `/organizations/${ids.organization}/edit`, file: "routes/organizations.$id.edit.tsx", access: "editor" },
    { route: `/organizations/${ids.organization}/merge`, file: "routes/organizations.$id.merge.tsx", access: "editor" },
    { route: "/admin/users", file: "routes/admin.users.tsx", access: "admin" },
    { route: "/admin/mail", file: "routes/admin.mail.tsx", access: "admin" },
    { route: `/admin/mail/${ids.mail}`, file: "routes/admin.mail.$id.tsx", access: "admin" },
    {
      route: `/admin/mail/${ids.mail}/html`,
      file: "routes/admin.mail.$id.html.ts",
      access: "admin",
      type: /^text\/html/,
    },
  ];
}

const routeId = (p: PageCase) => p.file.replace(/\.tsx?$/, "");

function expectedGet(who: Who, p: PageCase): Expectation {
  // Nothing to show at these: each only takes a POST.
  if (["/logout", "/language", "/follows", "/documents", "/citations"].includes(p.route)) {
    return { status: 302, location: "/" };
  }
  if (p.route.startsWith("/documents/") && who === "anonymous") return { status: 404 };
  if (p.route.startsWith("/unsubscribe/")) return { status: 404 };
  if (/^\/visits\/\d+\/(members\/\d+\/briefing|.*\?token=)/.test(p.route)) return { status: 404 };
  if (p.route === "/reset-password") return { status: 410 };
  if (p.route === "/webhooks/resend") return { status: 405 };
  // Signed in, the sign-in page sends you on to the dashboard.
  if (p.route === "/login") return who === "anonymous" ? { status: 200 } : { status: 302, location: "/dashboard" };
  if (p.access === "public") return { status: 200, type: p.type };
  // Calendar clients cannot follow a redirect to a sign-in page: the feed says 401 instead.
  if (who === "anonymous") return p.route === "/activities.ics" ? { status: 401 } : toLogin(p.route);
  return rank[who] >= rank[p.access] ? { status: 200, type: p.type } : { status: 403 };
}

test("the walk covers every route module of app/routes.ts", () => {
  const config = readFileSync(path.resolve(here, "../../app/routes.ts"), "utf8");
  const files = [...config.matchAll(/"(routes\/[^"]+\.tsx?)"/g)].map((m) => m[1]!);
  // The staff layout has no address of its own; the catch-all is walked by "unknown pages … are 404".
  const walked = new Set([
    ...pagesOf({
      activity: "1",
      commitment: "1",
      mail: "1",
      invitation: "/invitation",
      enquiry: "1",
      document: "/documents/1/a.png",
      visit: "1",
      member: "1",
      person: "1",
      organization: "1",
    }).map((p) => p.file),
    "routes/staff.tsx",
    "routes/not-found.tsx",
  ]);
  expect(files.length).toBeGreaterThan(20);
  expect(
    files.filter((f) => !walked.has(f)),
    "route modules the walk does not visit",
  ).toEqual([]);
});

test("the content has published and draft cases to test with", () => {
  expect(publishedSlugs.length).toBeGreaterThan(0);
  expect(draftSlugs.length).toBeGreaterThan(0);
});

for (const who of everyone) {
  test.describe(`as ${who}`, () => {
    test("every route answers as the role allows", async ({ playwright, baseURL }) => {
      const ids = await demoIds(playwright, baseURL!);
      const api = await signedInRequest(playwright, baseURL!, who);
      try {
        for (const p of pagesOf(ids)) {
          const response = await api.get(p.route, { maxRedirects: 0 });
          const want = expectedGet(who, p);
          const label = `${who} GET ${p.route}`;
          expect.soft(response.status(), label).toBe(want.status);
          if (want.status === 302)
            expect.soft(response.headers()["location"], `${label} redirects`).toBe(want.location);
          if (want.status === 200) {
            expect
              .soft(response.headers()["content-type"], `${label} content type`)
              .toMatch(want.type ?? /^text\/html/);
          }
          if (want.status === 403 || want.status === 302) {
            // Refused pages show nothing of what they guard.
            const body = await response.text();
            expect.soft(body, `${label} shows no other account`).not.toContain(demoAccounts.admin.email);
            // The page's loader data (every page loader returns a title) is not in the document.
            expect.soft(body, `${label} carries no page data`).not.toMatch(/\\?"title\\?"/);
          }
        }
      } finally {
        await api.dispose();
      }
    });

    test("data requests answer as the role allows and leak nothing", async ({ playwright, baseURL }) => {
      const ids = await demoIds(playwright, baseURL!);
      const api = await signedInRequest(playwright, baseURL!, who);
      try {
        for (const p of pagesOf(ids).filter((x) => !x.type)) {
          const want = expectedGet(who, p);
          for (const url of [dataUrl(p.route), dataUrl(p.route, routeId(p))]) {
            const response = await api.get(url, { maxRedirects: 0 });
            const body = await response.text();
            const label = `${who} GET ${url}`;
            if (want.status === 302) {
              // Single fetch answers a redirect with 202 and the target in the payload.
              expect.soft(response.status(), label).toBe(202);
              expect.soft(body, `${label} redirects`).toContain('"redirect"');
              expect
                .soft(body, `${label} redirects to ${want.location}`)
                .toContain(want.location.startsWith("/login?") ? '"/login?redirectTo=' : `"${want.location}"`);
              expect.soft(body, `${label} carries no page data`).not.toContain('"title"');
            } else {
              expect.soft(response.status(), label).toBe(want.status);
              if (want.status === 403) {
                expect.soft(body, `${label} carries no page data`).not.toContain('"title"');
                expect.soft(body, `${label} shows no other account`).not.toContain(demoAccounts.admin.email);
              }
            }
          }
        }
      } finally {
        await api.dispose();
      }
    });

    test("draft cases are not found", async ({ playwright, baseURL }) => {
      const api = await signedInRequest(playwright, baseURL!, who);
      try {
        for (const slug of draftSlugs) {
          const response = await api.get(`/library/${slug}`, { maxRedirects: 0 });
          expect.soft(response.status(), `${who} GET /library/${slug}`).toBe(404);
          const data = await api.get(`/library/${slug}.data`, { maxRedirects: 0 });
          expect.soft(await data.text(), `${who} GET /library/${slug}.data`).not.toContain(slug);
        }
        const library = await (await api.get("/library")).text();
        for (const slug of draftSlugs) expect.soft(library, "the library lists no draft").not.toContain(slug);
        for (const slug of publishedSlugs)
          expect.soft(library, "the library lists every published case").toContain(slug);
        const libraryData = await (await api.get("/library.data")).text();
        for (const slug of draftSlugs)
          expect.soft(libraryData, "the library's data lists no draft").not.toContain(slug);
      } finally {
        await api.dispose();
      }
    });

    test("unknown pages and records are 404", async ({ playwright, baseURL }) => {
      const api = await signedInRequest(playwright, baseURL!, who);
      try {
        expect.soft((await api.get("/no-such-page", { maxRedirects: 0 })).status()).toBe(404);
        expect.soft((await api.get("/library/no-such-case", { maxRedirects: 0 })).status()).toBe(404);
        if (who !== "anonymous") {
          for (const route of [
            "/agreements/999999",
            "/agreements/not-a-number",
            "/activities/999999",
            "/commitments/999999",
          ]) {
            expect.soft((await api.get(route, { maxRedirects: 0 })).status(), `${who} GET ${route}`).toBe(404);
          }
        }
      } finally {
        await api.dispose();
      }
    });
  });
}

test.describe("the calendar feed", () => {
  test("anonymous: 401 without a token or with a wrong one, 200 text/calendar with a user's token", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const { calendarToken } = await demoIds(playwright, baseURL!);
    const without = await request.get("/activities.ics", { maxRedirects: 0 });
    expect(without.status()).toBe(401);
    expect(await without.text()).not.toContain("BEGIN:VCALENDAR");

    const feed = await request.get(`/activities.ics?token=${calendarToken}`, { maxRedirects: 0 });
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain("BEGIN:VEVENT");

    const [userId, mac] = calendarToken.split(".") as [string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    const wrong = [
      `${userId}.${flipped}`,
      `${Number(userId) === 1 ? 2 : 1}.${mac}`,
      "1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "garbage",
      "",
    ];
    for (const token of wrong) {
      const response = await request.get(`/activities.ics?token=${encodeURIComponent(token)}`, { maxRedirects: 0 });
      expect.soft(response.status(), `token ${JSON.stringify(token)}`).toBe(401);
      expect.soft(await response.text()).not.toContain("BEGIN:VCALENDAR");
    }
  });
});

test.describe("the Resend webhook", () => {
  test("refuses a delivery without a good signature (401), whoever sends it, and a GET (405)", async ({ request }) => {
    const event = JSON.stringify({
      type: "email.bounced",
      created_at: new Date().toISOString(),
      data: { to: [`forged-${uniqueSuffix()}@example.org`], bounce: { type: "Permanent" } },
    });
    const svix = { "svix-id": `msg_${uniqueSuffix()}`, "svix-timestamp": String(Math.floor(Date.now() / 1000)) };
    const forged = [
      { "Content-Type": "application/json" },
      { "Content-Type": "application/json", ...svix },
      { "Content-Type": "application/json", ...svix, "svix-signature": `v1,${Buffer.alloc(32).toString("base64")}` },
    ];
    for (const headers of forged) {
      const response = await request.post("/webhooks/resend", { headers, data: event, maxRedirects: 0 });
      expect.soft(response.status(), `headers ${Object.keys(headers).join(", ")}`).toBe(401);
      expect.soft(await response.text()).not.toContain("outcome");
    }
    const get = await request.get("/webhooks/resend", { maxRedirects: 0 });
    expect(get.status()).toBe(405);
    expect(get.headers()["allow"]).toBe("POST");
  });
});

test.describe("writes need the role too", () => {
  const newUser = (tag: string) => ({
    intent: "create",
    email: `intruder-${tag}-${Date.now()}@example.org`,
    name: "Intruder",
    role: "admin",
    timeZone: "UTC",
    password: "long-enough-password",
  });

  for (const role of ["viewer", "editor"] as const) {
    test(`POST /admin/users as ${role} is 403 and changes nothing`, async ({ playwright, baseURL }) => {
      const api = await signedInRequest(playwright, baseURL!, role);
      const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
      try {
        const form = newUser(role);
        const response = await postForm(api, baseURL!, "/admin/users", form);
        expect(response.status()).toBe(403);
        // The same through React Router's data endpoint, as the hydrated app would send it.
        const data = await postForm(api, baseURL!, "/admin/users.data", form);
        expect(data.status()).toBe(403);

        // No such account was made: signing in with it fails.
        const login = await postForm(anonymous, baseURL!, "/login", { email: form.email, password: form.password });
        expect(login.status()).toBe(401);
      } finally {
        await api.dispose();
        await anonymous.dispose();
      }
    });
  }

  test("POST /admin/users anonymously asks to sign in", async ({ request, baseURL }) => {
    const response = await postForm(request, baseURL!, "/admin/users", newUser("anonymous"));
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });

  test("data requests for staff pages do not leak to the wrong role", async ({ playwright, baseURL }) => {
    const anonymous = await signedInRequest(playwright, baseURL!, "anonymous");
    const editor = await signedInRequest(playwright, baseURL!, "editor");
    try {
      const dashboard = await anonymous.get("/dashboard.data", { maxRedirects: 0 });
      expect(await dashboard.text()).not.toContain("Welcome");
      expect(await dashboard.text()).not.toMatch(/agreements/i);
      const users = await editor.get("/admin/users.data", { maxRedirects: 0 });
      expect(users.status()).toBe(403);
      expect(await users.text()).not.toContain(demoAccounts.admin.email);
    } finally {
      await anonymous.dispose();
      await editor.dispose();
    }
  });
});

/* ------------------------------------------------------------------------------------------------
 * Every action of every route that changes data, tried by each role that may not use it: it is
 * refused (sign-in redirect or 403), through the page and through its data endpoint, and a
 * follow-up read shows that nothing changed. Then the role that may use it sends the very same
 * forms and they succeed, so the refusals above were about the role, not about a bad form.
 * --------------------------------------------------------------------------------------------- */

interface Targets {
  partnership: string;
  activity: number;
  agreement: number;
  commitment: number;
  milestone: string;
  /** A person who may be Azerbaijan's focal point. */
  azPerson: string;
  user: { email: string; id: string };
  /** The versions the forms are based on; the control run keeps them current. */
  versions: { activity: number; agreement: number; commitment: number; user: number };
}

interface Attack {
  name: string;
  path: string;
  role: Role;
  form: () => Record<string, string>;
  /** What a successful run changes, for the control run's next forms. */
  bumps?: keyof Targets["versions"];
  /** Account actions concern the user signed in: only an anonymous attempt is an attack. */
  noControl?: boolean;
}

/** Fresh records of this test run to attack, so no other test's data is involved. */
async function prepareTargets(
  editor: APIRequestContext,
  admin: APIRequestContext,
  baseURL: string,
  tag: string,
): Promise<Targets> {
  const activity = await createActivity(editor, baseURL, `Roles walk activity ${tag}`);
  const partnership = await somePartnership(editor);
  const agreement = await createAgreement(editor, baseURL, `Roles walk agreement ${tag}`, {
    partnershipId: partnership,
  });
  const commitment = await createCommitment(editor, baseURL, agreement, `Roles walk commitment ${tag}`);
  const page = `/commitments/${commitment}`;
  const steps: Record<string, string>[] = [
    { intent: "evidence", note: `Evidence ${tag}` },
    { intent: "milestone", titleEn: `Milestone ${tag}` },
    assessmentForm(1, "complete"),
    { intent: "confirm", version: "2", countryCode: "ID" },
  ];
  for (const form of steps) {
    const response = await postForm(editor, baseURL, page, form);
    expect(response.status(), `prepare the commitment: ${form.intent}`).toBe(302);
  }
  const html = await (await editor.get(page)).text();
  const milestone = match(html, /name="milestoneId" value="(\d+)"/, "the milestone to complete");
  const azSelect = match(html, /id="focal-AZ"[^>]*>([\s\S]*?)<\/select>/, "Azerbaijan's focal point field");
  const azPerson = match(azSelect, /value="(\d+)"/, "a person who may be Azerbaijan's focal point");

  const user = await createUser(admin, baseURL, "viewer", { tag, prefix: "roles-walk", name: "Roles Walk" });
  return {
    partnership,
    activity,
    agreement,
    commitment,
    milestone,
    azPerson,
    user: { email: user.email, id: user.id },
    versions: { activity: 1, agreement: 1, commitment: 2, user: 1 },
  };
}

function attacksOn(t: Targets, tag: string): Attack[] {
  const v = t.versions;
  const c = `/commitments/${t.commitment}`;
  return [
    {
      name: "create an activity",
      path: "/activities/new",
      role: "editor",
      form: () => activityForm(`Intruder activity ${tag}`),
    },
    {
      name: "edit an activity",
      path: `/activities/${t.activity}/edit`,
      role: "editor",
      form: () => ({ ...activityForm(`Intruder edit ${tag}`), version: String(v.activity) }),
      bumps: "activity",
    },
    {
      name: "create an agreement",
      path: "/agreements/new",
      role: "editor",
      form: () => ({ ...agreementForm(`Intruder agreement ${tag}`), partnershipId: t.partnership }),
    },
    {
      name: "edit an agreement",
      path: `/agreements/${t.agreement}/edit`,
      role: "editor",
      form: () => ({ ...agreementForm(`Intruder edit ${tag}`), version: String(v.agreement) }),
      bumps: "agreement",
    },
    {
      name: "add a commitment",
      path: `/agreements/${t.agreement}/commitments/new`,
      role: "editor",
      form: () => commitmentForm(`Intruder commitment ${tag}`),
    },
    {
      name: "add evidence",
      path: c,
      role: "editor",
      form: () => ({ intent: "evidence", note: `Intruder evidence ${tag}` }),
    },
    {
      name: "add a milestone",
      path: c,
      role: "editor",
      form: () => ({ intent: "milestone", titleEn: `Intruder milestone ${tag}` }),
    },
    {
      name: "complete a milestone",
      path: c,
      role: "editor",
      form: () => ({ intent: "milestone-done", milestoneId: t.milestone }),
    },
    {
      name: "name a focal point",
      path: c,
      role: "editor",
      form: () => ({ intent: "focal-point", countryCode: "AZ", personId: t.azPerson }),
    },
    {
      name: "confirm completion",
      path: c,
      // Azerbaijan's side: the demo editor is Indonesian, so the admin records it on its behalf.
      role: "admin",
      form: () => ({ intent: "confirm", version: String(v.commitment), countryCode: "AZ" }),
    },
    {
      name: "withdraw a confirmation",
      path: c,
      role: "editor",
      form: () => ({ intent: "withdraw-confirmation", countryCode: "ID" }),
    },
    {
      name: "assess a commitment",
      path: c,
      role: "editor",
      form: () => assessmentForm(v.commitment, "limited"),
      bumps: "commitment",
    },
    {
      name: "edit a commitment",
      path: `${c}/edit`,
      role: "editor",
      form: () => ({ ...commitmentForm(`Intruder edit ${tag}`, { area: "intruded" }), version: String(v.commitment) }),
      bumps: "commitment",
    },
    {
      name: "delete an activity",
      path: `/activities/${t.activity}`,
      role: "editor",
      form: () => ({ intent: "delete", version: String(v.activity) }),
    },
    {
      name: "create a user",
      path: "/admin/users",
      role: "admin",
      form: () => ({
        intent: "create",
        email: `intruder-${tag}@example.org`,
        name: "Intruder",
        role: "admin",
        timeZone: "UTC",
        password: "intruder-password",
      }),
    },
    {
      name: "invite a user",
      path: "/admin/users",
      role: "admin",
      form: () => ({
        intent: "invite",
        email: `intruder-invited-${tag}@example.org`,
        name: "Intruder",
        role: "admin",
        language: "en",
      }),
    },
    {
      name: "make a user an admin",
      path: "/admin/users",
      role: "admin",
      form: () => ({ intent: "update", id: t.user.id, version: String(v.user), role: "admin" }),
      bumps: "user",
    },
    {
      name: "disable a user",
      path: "/admin/users",
      role: "admin",
      form: () => ({ intent: "update", id: t.user.id, version: String(v.user), role: "admin", disabled: "on" }),
      bumps: "user",
    },
    {
      name: "set a user's password",
      path: "/admin/users",
      role: "admin",
      form: () => ({ intent: "setPassword", id: t.user.id, version: String(v.user), password: "taken-over-password" }),
      noControl: true,
    },
    {
      name: "change preferences",
      path: "/account",
      role: "viewer",
      form: () => ({ intent: "preferences", version: "1", timeZone: "UTC", locale: "" }),
      noControl: true,
    },
    {
      name: "reset the calendar address",
      path: "/account",
      role: "viewer",
      form: () => ({ intent: "resetCalendar" }),
      noControl: true,
    },
    {
      name: "sign out everywhere",
      path: "/account",
      role: "viewer",
      form: () => ({ intent: "signOutEverywhere" }),
      noControl: true,
    },
    {
      name: "change the password",
      path: "/account",
      role: "viewer",
      form: () => ({
        intent: "changePassword",
        currentPassword: "jembatan-demo",
        newPassword: "taken-over-123",
        confirmPassword: "taken-over-123",
      }),
      noControl: true,
    },
  ];
}

/** What the pages that show the targets hold, as their data (no per-request nonce in it). */
async function snapshot(reader: APIRequestContext, t: Targets, tag: string) {
  const read = async (route: string, id: string) => {
    // A fresh address each time, so the page cache cannot stand in for what the database holds.
    const fresh = `${route}${route.includes("?") ? "&" : "?"}fresh=${uniqueSuffix()}`;
    const response = await reader.get(dataUrl(fresh, id), { maxRedirects: 0 });
    expect(response.status(), `read ${route}`).toBe(200);
    return response.text();
  };
  return {
    activity: await read(`/activities/${t.activity}`, "routes/activities.$id"),
    agreement: await read(`/agreements/${t.agreement}`, "routes/agreements.$id"),
    commitment: await read(`/commitments/${t.commitment}`, "routes/commitments.$id"),
    // Records an intruder would have created carry the tag (the search echoes only the tag itself).
    activities: (await read(`/activities?q=${tag}`, "routes/activities")).includes(`Intruder activity ${tag}`),
    agreements: (await read("/agreements", "routes/agreements")).includes(`Intruder agreement ${tag}`),
  };
}

for (const attacker of ["anonymous", "viewer", "editor"] as const) {
  test(`every data-changing action refuses ${attacker === "anonymous" ? "an anonymous visitor" : `a ${attacker}`} and changes nothing`, async ({
    playwright,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const base = baseURL!;
    const tag = uniqueSuffix();
    const editor = await signedInRequest(playwright, base, "editor");
    const admin = await signedInRequest(playwright, base, "admin");
    const api = await signedInRequest(playwright, base, attacker);
    try {
      const targets = await prepareTargets(editor, admin, base, tag);
      const attacks = attacksOn(targets, tag).filter((a) => rank[attacker] < rank[a.role]);
      expect(attacks.length).toBeGreaterThan(0);
      const before = await snapshot(editor, targets, tag);
      expect(before.activities || before.agreements, "no intruder record yet").toBe(false);
      const adminUsersBefore = await (await admin.get("/admin/users")).text();

      for (const attack of attacks) {
        const form = attack.form();
        for (const url of [attack.path, dataUrl(attack.path)]) {
          const response = await postForm(api, base, url, form);
          const label = `${attacker}: ${attack.name} (POST ${url})`;
          if (attacker === "anonymous") {
            if (url === attack.path) {
              expect.soft(response.status(), label).toBe(302);
              expect
                .soft(response.headers()["location"], label)
                .toBe(`/login?${new URLSearchParams({ redirectTo: attack.path })}`);
            } else {
              expect.soft(response.status(), label).toBe(202);
              expect.soft(await response.text(), label).toContain('"/login?redirectTo=');
            }
          } else {
            expect.soft(response.status(), label).toBe(403);
          }
        }
      }

      // Nothing changed.
      const after = await snapshot(editor, targets, tag);
      expect.soft(after.activity, "the activity is unchanged (not edited, not deleted)").toBe(before.activity);
      expect.soft(after.agreement, "the agreement is unchanged (no edit, no new commitment)").toBe(before.agreement);
      expect
        .soft(
          after.commitment,
          "the commitment is unchanged (status, evidence, milestones, focal points, confirmations)",
        )
        .toBe(before.commitment);
      expect.soft(after.activities, "no activity was created").toBe(false);
      expect.soft(after.agreements, "no agreement was created").toBe(false);
      const adminUsersAfter = await (await admin.get("/admin/users")).text();
      expect.soft(adminUsersAfter, "no user was created").not.toContain(`intruder-${tag}@example.org`);
      expect.soft(adminUsersAfter, "nobody was invited").not.toContain(`intruder-invited-${tag}@example.org`);
      // Other tests add and change their own users in parallel: compare the demo accounts' rows,
      // which only this kind of attack could change.
      const rows = (html: string) =>
        new Map([...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>[\s\S]*?<\/tr>/g)].map((m) => [m[1]!, m[0]]));
      const rowsAfter = rows(adminUsersAfter);
      const demoEmails = new Set(Object.values(demoAccounts).map((a) => a.email));
      for (const [email, row] of rows(adminUsersBefore)) {
        if (demoEmails.has(email)) expect.soft(rowsAfter.get(email), `no change to ${email}`).toBe(row);
      }
      // The attacker's own session still works and still has its role (nothing promoted it).
      if (attacker !== "anonymous") {
        expect
          .soft((await api.get("/dashboard", { maxRedirects: 0 })).status(), "the attacker is still signed in")
          .toBe(200);
        expect
          .soft((await api.get("/admin/users", { maxRedirects: 0 })).status(), "the attacker is still no admin")
          .toBe(403);
      }

      // Control: the roles allowed to send these forms can, so every refusal above was about the role.
      const sessions: Record<Role, APIRequestContext> = { editor, admin, viewer: editor };
      for (const attack of attacks.filter((a) => !a.noControl)) {
        const response = await postForm(sessions[attack.role], base, attack.path, attack.form());
        expect.soft(response.status(), `${attack.role}: ${attack.name} succeeds`).toBe(302);
        if (attack.bumps) targets.versions[attack.bumps]++;
      }
      if (attacks.some((a) => a.role === "editor")) {
        const commitment = await (
          await editor.get(dataUrl(`/commitments/${targets.commitment}`, "routes/commitments.$id"))
        ).text();
        expect.soft(commitment, "the control run did change the commitment").not.toBe(before.commitment);
        expect
          .soft(
            (await editor.get(`/activities/${targets.activity}`)).status(),
            "the control run did delete the activity",
          )
          .toBe(404);
      }
      if (attacks.some((a) => a.role === "admin")) {
        expect
          .soft(await (await admin.get("/admin/users")).text(), "the control run did create a user")
          .toContain(`intruder-${tag}@example.org`);
      }
    } finally {
      await Promise.all([editor.dispose(), admin.dispose(), api.dispose()]);
    }
  });
}
