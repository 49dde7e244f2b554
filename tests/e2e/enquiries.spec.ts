import { expect, test, uniqueSuffix } from "./fixtures";
import { expectFitsPhone, expectNoAxeViolations, phone, signedInBrowser, visitorPage } from "./helpers";
import { postForm, postFormWith } from "../support/http";

// Partners ask (issue 11): a visitor without an account asks for a knowledge-sharing session on a
// case, an editor finds the request in /enquiries and plans an activity from it, and the activity
// links back to the case.

/** Published in the demo content (content/cases/). */
const published = "asan-xidmat-service-centres";
/** A draft in the demo content: no public page, no requests. */
const draft = "mpp-digital";

const request = (name: string, extra: Record<string, string> = {}) => ({
  name,
  organization: "Ministry of Digital Development",
  country: "Azerbaijan",
  email: `asker-${uniqueSuffix()}@example.net`,
  message: "We would like to learn how the centres share one back office.",
  website: "",
  ...extra,
});

test("a visitor without JavaScript asks for a session on a case; an editor plans an activity that links back to the case", async ({
  browser,
  baseURL,
}) => {
  const name = `Aygün Məmmədova ${uniqueSuffix()}`;
  // axe runs in the page: a visitor's browser with JavaScript (visitor pages carry no app script anyway).
  const looking = await visitorPage(browser, baseURL!);
  for (const address of [`/library/${published}`, `/library/${published}/enquiry`]) {
    await looking.page.goto(address);
    await expectNoAxeViolations(looking.page);
    await expectFitsPhone(looking.page);
  }
  await looking.context.close();

  const visitor = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB", viewport: phone });
  const page = await visitor.newPage();
  // The form is on the case's own page; it posts to an address of its own.
  await page.goto(`/library/${published}`);
  const form = page.getByRole("region", { name: "Request a knowledge-sharing session about this innovation" });
  await expect(form).toBeVisible();

  // A message too short: refused with the message beside it, and what was typed stays.
  await form.getByLabel("Your name").fill(name);
  await form.getByLabel("Organisation").fill("Ministry of Digital Development");
  await form.getByLabel("Country").fill("Azerbaijan");
  await form.getByLabel("Email").fill("aygun@example.net");
  // The browser's own minimum length would stop the post; the server's check is the one under test.
  await form.getByLabel("What would you like to learn?").evaluate((el) => el.removeAttribute("minlength"));
  await form.getByLabel("What would you like to learn?").fill("Hello");
  await form.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Please correct the fields marked below.");
  await expect(page.getByText("Enter at least 10 characters.").first()).toBeVisible();
  await expect(form.getByLabel("Your name")).toHaveValue(name);
  await expect(form.getByLabel("Email")).toHaveValue("aygun@example.net");

  await form.getByLabel("What would you like to learn?").fill("How do the centres share one back office?");
  await form.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you: your request was sent" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/library/${published}/enquiry\\?sent$`));
  await expect(page.getByRole("link", { name: /Back to/ })).toHaveAttribute("href", `/library/${published}`);
  await visitor.close();

  // The editor's inbox: new requests first, with who asked and about what.
  const { context, page: staff } = await signedInBrowser(browser, { baseURL: baseURL!, who: "editor" });
  await staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Enquiries" }).click();
  await expect(staff).toHaveURL(/\/enquiries$/);
  const row = staff.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("New");
  await expectNoAxeViolations(staff);
  await row.getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `Request from ${name}` })).toBeVisible();
  await expect(staff.getByText("How do the centres share one back office?")).toBeVisible();
  await expect(staff.getByRole("link", { name: "aygun@example.net" })).toBeVisible();
  await expectNoAxeViolations(staff);
  // The staff pages fit a phone too.
  await staff.setViewportSize(phone);
  await expectFitsPhone(staff);

  await staff.getByRole("button", { name: "Plan an activity" }).click();
  await expect(staff).toHaveURL(/\/activities\/\d+\/edit$/);
  await expect(
    staff.getByRole("status").filter({ hasText: "The activity was planned from the request." }),
  ).toBeVisible();
  const cases = staff.getByRole("group", { name: "Lessons concern these library cases" });
  const ticked = cases.getByRole("checkbox", { checked: true });
  await expect(ticked).toHaveCount(1);
  const caseTitle = (await cases.locator(`label[for="${await ticked.getAttribute("id")}"]`).innerText()).trim();
  const caseId = await ticked.getAttribute("value");
  await expect(staff.getByLabel("Title in English")).toHaveValue(`Knowledge-sharing session: ${caseTitle}`);
  const activityUrl = staff.url().replace(/\/edit$/, "");
  // It took place: visitors of the case page may now see it.
  await staff.getByLabel("Status").selectOption("completed");
  await staff.getByLabel("Start date").fill("2025-03-10");
  await staff.getByRole("button", { name: "Save activity" }).click();
  await expect(staff).toHaveURL(activityUrl);

  // The activity names the case it concerns, linking to its public page.
  const casesSection = staff.getByRole("region", { name: "Library cases" });
  await expect(casesSection.getByRole("link", { name: caseTitle })).toHaveAttribute("href", `/library/${published}`);

  // And the request says it was planned, with the activity.
  await staff.goto("/enquiries?status=planned");
  await expectFitsPhone(staff);
  await staff.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(staff.getByRole("link", { name: `Knowledge-sharing session: ${caseTitle}` })).toHaveAttribute(
    "href",
    new URL(activityUrl).pathname,
  );

  // The case page lists where it was shared: staff with a link to the activity's page...
  const activityTitle = `Knowledge-sharing session: ${caseTitle}`;
  await staff.goto(`/library/${published}`);
  const sharedForStaff = staff.getByRole("region", { name: "Shared in these activities" });
  await expect(sharedForStaff.getByRole("link", { name: activityTitle }).first()).toBeVisible();
  await expect(sharedForStaff.locator(`a[href="${new URL(activityUrl).pathname}"]`)).toHaveCount(1);
  // ...on the staff's own page of the case as well, published or not.
  await staff.goto(`/cases/${caseId}`);
  await expect(
    staff.getByRole("region", { name: "Shared in these activities" }).getByRole("link", { name: activityTitle }),
  ).toHaveAttribute("href", new URL(activityUrl).pathname);
  await context.close();

  // ...visitors its type, title and month, and nothing to follow into the staff's pages.
  const reader = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/library/${published}`);
  const shared = readerPage.getByRole("region", { name: "Shared in these activities" });
  await expect(shared.getByRole("listitem").filter({ hasText: activityTitle }).first()).toContainText(
    "Knowledge sharing, March 2025",
  );
  await expect(shared.getByRole("link")).toHaveCount(0);
  await reader.close();
});

test("the request's address refuses drafts, cross-site posts and viewers, answers in the visitor's language, and keeps nothing a robot sends", async ({
  baseURL,
  requestAs,
}) => {
  const anonymous = await requestAs("anonymous");
  // No public page, no requests: a draft or a slug nobody has is a 404, for the form and the post alike.
  expect((await anonymous.get(`/library/${draft}/enquiry`)).status()).toBe(404);
  expect((await postForm(anonymous, baseURL!, `/library/${draft}/enquiry`, request("Draft Asker"))).status()).toBe(404);
  expect((await postForm(anonymous, baseURL!, "/library/no-such-case/enquiry", request("Nobody"))).status()).toBe(404);

  // Another site's form cannot post a request in a visitor's name.
  const foreign = await postFormWith(anonymous, `/library/${published}/enquiry`, request("Foreign Asker"), {
    Origin: "https://evil.example",
  });
  expect(foreign.status()).toBe(403);
  const crossSite = await postFormWith(anonymous, `/library/${published}/enquiry`, request("Cross Asker"), {
    "Sec-Fetch-Site": "cross-site",
  });
  expect(crossSite.status()).toBe(403);

  // A filled honeypot gets the same thanks, and the request is kept nowhere.
  const robot = `Robot ${uniqueSuffix()}`;
  const trapped = await postForm(anonymous, baseURL!, `/library/${published}/enquiry`, {
    ...request(robot),
    website: "https://spam.example",
  });
  expect(trapped.status()).toBe(302);
  expect(trapped.headers()["location"]).toBe(`/library/${published}/enquiry?sent`);

  // A visitor reading in Indonesian is answered in Indonesian: the form's messages and the acknowledgement.
  const indonesian = { Origin: baseURL!, "Accept-Language": "id" };
  const short = await postFormWith(
    anonymous,
    `/library/${published}/enquiry`,
    request("Pendek", { message: "Halo" }),
    indonesian,
  );
  expect(short.status()).toBe(400);
  expect(await short.text()).toContain("Masukkan minimal 10 karakter.");
  const asker = request("Siti Rahayu");
  const sent = await postFormWith(anonymous, `/library/${published}/enquiry`, asker, indonesian);
  // Taken, then the thanks on a page of their own: reloading it sends nothing again.
  expect(sent.status()).toBe(302);
  const thanks = await anonymous.get(sent.headers()["location"]!, { headers: { "Accept-Language": "id" } });
  expect(await thanks.text()).toContain("Terima kasih: permintaan Anda telah terkirim");
  const admin = await requestAs("admin");
  const outbox = await (await admin.get("/admin/mail")).text();
  const ack = outbox.split("<tr").find((row) => row.includes(asker.email));
  expect(ack, "the acknowledgement in the mailbox").toContain("Permintaan Anda telah kami terima");

  const editor = await requestAs("editor");
  const inbox = await (await editor.get("/enquiries?status=new")).text();
  expect(inbox).toContain("Enquiries");
  expect(inbox).not.toContain(robot);

  // Who asked is personal data: viewers do not see the inbox, visitors are sent to sign in.
  const viewer = await requestAs("viewer");
  expect((await viewer.get("/enquiries")).status()).toBe(403);
  expect((await anonymous.get("/enquiries", { maxRedirects: 0 })).status()).toBe(302);
});
