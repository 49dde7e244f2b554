import type { Browser, Page } from "@playwright/test";
import { createActivity } from "../support/http-factories";
import { formFields, postForm } from "../support/http";
import { addSession, expect, test, uniqueSuffix } from "./fixtures";

// Lessons with bold text, a link and a list, as the editor sends them (format "lexical").
const text = (value: string, format = 0) => ({
  type: "text",
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: "normal",
  style: "",
});
const formattedLessons = {
  root: {
    type: "root",
    version: 1,
    direction: null,
    format: "",
    indent: 0,
    children: [
      {
        type: "paragraph",
        version: 1,
        direction: null,
        format: "",
        indent: 0,
        children: [
          text("Book the venue early", 1),
          text(", see "),
          {
            type: "link",
            version: 1,
            url: "https://example.org/venues",
            direction: null,
            format: "",
            indent: 0,
            children: [text("the venue list")],
          },
          text("."),
        ],
      },
      {
        type: "list",
        version: 1,
        listType: "bullet",
        tag: "ul",
        start: 1,
        direction: null,
        format: "",
        indent: 0,
        children: ["Send the agenda a week before", "Share the minutes in both languages"].map((item, i) => ({
          type: "listitem",
          version: 1,
          value: i + 1,
          direction: null,
          format: "",
          indent: 0,
          children: [text(item)],
        })),
      },
    ],
  },
};

/** A browser without JavaScript, signed in as the demo editor; close its context when done. */
async function editorWithoutScripts(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "en-GB" });
  await addSession(context, baseURL, "editor");
  return { context, page: await context.newPage() };
}

async function expectFormattedLessons(page: Page) {
  const lessons = page.getByRole("region", { name: "Lessons learned" });
  await expect(lessons.locator("strong")).toHaveText("Book the venue early");
  await expect(lessons.getByRole("link", { name: "the venue list" })).toHaveAttribute(
    "href",
    "https://example.org/venues",
  );
  await expect(lessons.getByRole("list").getByRole("listitem")).toHaveText([
    "Send the agenda a week before",
    "Share the minutes in both languages",
  ]);
}

/** The newest history row's "Fields changed" cell. */
const latestChange = (page: Page) =>
  page.getByRole("region", { name: "History" }).getByRole("row").nth(1).getByRole("cell").last();

test("without JavaScript, changing only the city keeps the lessons' formatting and leaves them out of the history", async ({
  browser,
  baseURL,
  requestAs,
}) => {
  const request = await requestAs("editor");
  const title = `Formatted lessons ${uniqueSuffix()}`;
  const id = await createActivity(request, baseURL!, title, {
    startsOn: "2025-06-02",
    city: "Bandung",
    countryCode: "ID",
    lessons: JSON.stringify(formattedLessons),
    lessonsFormat: "lexical",
  });

  const { context, page } = await editorWithoutScripts(browser, baseURL!);
  try {
    await page.goto(`/activities/${id}`);
    await expectFormattedLessons(page);
    const storedHtml = await page.getByRole("region", { name: "Lessons learned" }).locator(".rich-text").innerHTML();

    await page.goto(`/activities/${id}/edit`);
    // The textarea shows the text only, and says what happens to the formatting.
    const lessons = page.getByLabel("Lessons learned");
    await expect(lessons).toHaveValue(
      "Book the venue early, see the venue list.\n\nSend the agenda a week before\nShare the minutes in both languages",
    );
    await expect(lessons).toHaveAccessibleDescription(/Left as it is, the text keeps its formatting/);
    await page.getByLabel("City", { exact: true }).fill("Surabaya");
    await page.getByRole("button", { name: "Save activity" }).click();

    await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
    await expect(page.getByText("Surabaya")).toBeVisible();
    await expectFormattedLessons(page);
    // The very HTML stored at first: the lessons were not rebuilt from the text.
    await expect(page.getByRole("region", { name: "Lessons learned" }).locator(".rich-text")).toHaveJSProperty(
      "innerHTML",
      storedHtml,
    );
    await expect(latestChange(page)).toHaveText("City");

    // Changing the text without JavaScript saves the new text, as plain text.
    await page.goto(`/activities/${id}/edit`);
    await page.getByLabel("Lessons learned").fill("Book the venue early.\n\nA new lesson.");
    await page.getByRole("button", { name: "Save activity" }).click();
    await expect(page).toHaveURL(new RegExp(`/activities/${id}$`));
    const saved = page.getByRole("region", { name: "Lessons learned" });
    await expect(saved).toContainText("A new lesson.");
    await expect(saved.locator("strong")).toHaveCount(0);
    await expect(latestChange(page)).toHaveText("Lessons learned");
  } finally {
    await context.close();
  }
});

test("lists nested too deep are refused with a message, in the user's language", async ({ requestAs, baseURL }) => {
  const request = await requestAs("editor");
  const id = await createActivity(request, baseURL!, `Deep lists ${uniqueSuffix()}`, { startsOn: "2025-06-02" });
  let node: unknown = { type: "listitem", version: 1, value: 1, children: [text("deep")] };
  for (let level = 0; level < 1000; level++) {
    node = { type: "listitem", children: [{ type: "list", listType: "bullet", children: [node] }] };
  }
  const deep = {
    root: { type: "root", version: 1, children: [{ type: "list", listType: "bullet", children: [node] }] },
  };
  const edit = await request.get(`/activities/${id}/edit`);
  const { version } = formFields(await edit.text(), "version");
  const post = (lang: string) =>
    postForm(request, baseURL!, `/activities/${id}/edit?lng=${lang}`, {
      intent: "save",
      version: version!,
      titleEn: "Deep lists",
      type: "meeting",
      status: "planned",
      mode: "online",
      startsOn: "2025-06-02",
      lessons: JSON.stringify(deep),
      lessonsFormat: "lexical",
    });
  const english = await post("en");
  expect(english.status()).toBe(400);
  expect(await english.text()).toContain("Lists can be nested at most 6 levels deep.");
  const indonesian = await post("id");
  expect(indonesian.status()).toBe(400);
  expect(await indonesian.text()).toContain("Daftar dapat bertingkat paling banyak 6 tingkat.");
});
