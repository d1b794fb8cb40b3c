import { Buffer } from "node:buffer";
import { createHeadlessEditor } from "@lexical/headless";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { $getRoot } from "lexical";
import { describe, expect, it } from "vitest";
import { plainTextToEditorState } from "~/platform/rich-text/plain-text";
import { richTextFieldError, richTextFromForm, richTextFromJson, richTextFromPlain } from "~/platform/rich-text/rich-text.server";
import type { RichText, RichTextResult } from "~/platform/rich-text/types";

const text = (t: string, format = 0, extra: Record<string, unknown> = {}) => ({ detail: 0, format, mode: "normal", style: "", text: t, type: "text", version: 1, ...extra });
const br = () => ({ type: "linebreak", version: 1 });
const para = (children: unknown[], extra: Record<string, unknown> = {}) => ({ children, direction: null, format: "", indent: 0, type: "paragraph", version: 1, ...extra });
const doc = (...children: unknown[]) => ({ root: { children, direction: null, format: "", indent: 0, type: "root", version: 1 } });

function ok(r: RichTextResult): RichText {
  if (!r.ok) throw new Error(`expected ok, got ${r.error}`);
  return r.value;
}

describe("richTextFromJson", () => {
  it("derives escaped HTML and Lexical's plain text from valid JSON", () => {
    const input = doc(
      para([text("意见："), text("加粗", 1), text("倾斜", 2), text("下划线", 8), text("全部", 11), br(), text("第二行")]),
      { children: [text("小标题")], tag: "h3", direction: null, format: "", indent: 0, type: "heading", version: 1 },
      { children: [text("引文")], direction: null, format: "", indent: 0, type: "quote", version: 1 },
    );
    const v = ok(richTextFromJson(JSON.stringify(input)));
    expect(v.html).toBe(
      "<p>意见：<strong>加粗</strong><em>倾斜</em><u>下划线</u><strong><em><u>全部</u></em></strong><br>第二行</p>" +
        "<h3>小标题</h3><blockquote>引文</blockquote>",
    );
    expect(v.text).toBe("意见：加粗倾斜下划线全部\n第二行\n\n小标题\n\n引文");
    // An already parsed object gives the same result as its JSON string.
    expect(ok(richTextFromJson(input))).toEqual(v);
  });

  it("stores JSON that a Lexical editor reads back unchanged, with the same plain text", () => {
    const input = doc(
      para([text("a", 3, { style: "color:red" }), { detail: 2, mode: "normal", text: "\t", format: 0, style: "", type: "tab", version: 1 }, text("b")]),
      para([], { textFormat: 1 }),
      para([{ type: "tab", version: 1 }, text("c", 8), br()]),
      { children: [text("h")], tag: "h2", direction: null, format: "", indent: 0, type: "heading", version: 1 },
      { children: [para([text("q1")]), para([text("q2", 1)])], direction: null, format: "", indent: 0, type: "quote", version: 1 },
      para([text("豈 end")]),
    );
    const v = ok(richTextFromJson(input));
    const editor = createHeadlessEditor({ nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
    const state = editor.parseEditorState(JSON.stringify(v.json));
    expect(JSON.stringify(state.toJSON())).toBe(JSON.stringify(v.json));
    expect(state.read(() => $getRoot().getTextContent())).toBe(v.text);
    expect(v.html).toBe(
      "<p><strong><em>a</em></strong>\tb</p><p><br></p><p>\t<u>c</u><br><br></p><h2>h</h2>" +
        "<blockquote><p>q1</p><p><strong>q2</strong></p></blockquote><p>豈 end</p>",
    );
  });

  it("escapes script-like text instead of emitting markup", () => {
    const v = ok(richTextFromJson(doc(para([text("<script>alert(1)</script>")]), para([text(`"><img src=x onerror=alert(1)> & '`, 1)]))));
    expect(v.html).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p><strong>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;</strong></p>",
    );
    expect(v.text).toContain("<script>alert(1)</script>");
  });

  it("drops styles, classes, handlers, alignment and unsupported formats from the JSON and the HTML", () => {
    const input = doc(
      para([text("x", 1 | 4 | 16 | 32 | 128, { style: "color:red;background:url(javascript:alert(1))", class: "evil", onclick: "alert(1)", mode: "token", $: { k: 1 } })], {
        format: "center", indent: 3, direction: "rtl", textStyle: "font-size:90px", className: "c", style: "position:fixed",
      }),
    );
    const v = ok(richTextFromJson(input));
    expect(v.html).toBe("<p><strong>x</strong></p>");
    expect(v.json).toEqual(doc(para([text("x", 1)], { textFormat: 1, textStyle: "" })));
    expect(JSON.stringify(v.json)).not.toMatch(/evil|onclick|javascript|center|rtl|font-size|position/);
  });

  it.each([
    ["unknown node type in a paragraph", doc(para([{ type: "link", url: "javascript:alert(1)", children: [text("x")], version: 1 }]))],
    ["unknown block type", doc({ type: "list", listType: "bullet", children: [], version: 1 })],
    ["an image", doc(para([{ type: "image", src: "x", version: 1 }]))],
    ["text directly in root", doc(text("x"))],
    ["a paragraph inside a paragraph", doc(para([para([text("x")])]))],
    ["a heading tag outside h2–h4", doc({ children: [text("x")], tag: "h1", type: "heading", version: 1 })],
    ["a format given by name", doc(para([text("x", "bold" as unknown as number)]))],
    ["a negative format", doc(para([text("x", -1)]))],
    ["text that is not a string", doc(para([{ type: "text", text: 42 }]))],
    ["a newline inside a text node", doc(para([text("a\nb")]))],
    ["a NUL character", doc(para([text("a\u0000b")]))],
    ["an unpaired surrogate", doc(para([text("a\uD800b")]))],
    ["children that are not a list", doc({ type: "paragraph", children: "x" })],
    ["a root of the wrong type", { root: { type: "paragraph", children: [] } }],
    ["no root", { children: [] }],
    ["null", null],
    ["an array", [doc(para([text("x")]))]],
    ["broken JSON", '{"root": {'],
    ["a number", 42],
  ])("rejects %s as invalid", (_, input) => {
    expect(richTextFromJson(typeof input === "string" ? input : JSON.stringify(input))).toEqual({ ok: false, error: "invalid" });
  });

  it("rejects oversize input: JSON bytes before parsing, characters of text after", () => {
    const big = JSON.stringify(doc(para([text("字".repeat(2000))])));
    expect(richTextFromJson(big, { maxBytes: 1000 })).toEqual({ ok: false, error: "too_long" });
    expect(richTextFromJson(big, { maxChars: 1999 })).toEqual({ ok: false, error: "too_long" });
    expect(richTextFromJson(big, { maxChars: 2000 }).ok).toBe(true);
    // A minimal object grows when stored with Lexical's default fields, and that is bounded too.
    const minimal = { root: { type: "root", children: Array.from({ length: 50 }, () => ({ type: "paragraph", children: [{ type: "text", text: "x" }] })) } };
    expect(Buffer.byteLength(JSON.stringify(minimal))).toBeLessThan(4000);
    expect(richTextFromJson(minimal, { maxBytes: 4000 })).toEqual({ ok: false, error: "too_long" });
    // Characters are code points: a supplementary-plane ideograph counts once.
    expect(richTextFromJson(doc(para([text("𠀀𠀀𠀀")])), { maxChars: 3 }).ok).toBe(true);
    expect(richTextFromJson(doc(para([text("𠀀𠀀𠀀𠀀")])), { maxChars: 3 })).toEqual({ ok: false, error: "too_long" });
  });

  it.each([
    ["no blocks", doc()],
    ["an empty paragraph", doc(para([]))],
    ["empty text nodes", doc(para([text("")]), para([]))],
    ["only line breaks", doc(para([br(), br()]))],
    ["whitespace and zero-width characters", doc(para([text(" \u3000\u200B\u200C\u200D\uFEFF\u2060\u00A0"), { type: "tab", version: 1 }]))],
  ])("rejects %s as empty", (_, input) => {
    expect(richTextFromJson(input)).toEqual({ ok: false, error: "empty" });
  });

  it("keeps CJK compatibility ideographs byte for byte (no NFC)", () => {
    const compat = "\uF900\uF901\uFA10 \u{2F800}"; // 豈 更 塚 丽 — NFC would turn them into unified ideographs
    expect(compat.normalize("NFC")).not.toBe(compat);
    const v = ok(richTextFromJson(JSON.stringify(doc(para([text(compat, 1)])))));
    expect(Buffer.from(v.text)).toEqual(Buffer.from(compat));
    expect(v.html).toBe(`<p><strong>${compat}</strong></p>`);
    expect(JSON.stringify(v.json)).toContain(compat);
    const p = ok(richTextFromPlain(`　　${compat}`));
    expect(p.text).toBe(`　　${compat}`);
    expect(p.html).toBe(`<p>　　${compat}</p>`);
  });

  it("is deterministic and idempotent: stored JSON converts to the same HTML and text", () => {
    const input = JSON.stringify(doc(para([text("一", 1), br(), text("二")]), para([text("三", 10)])));
    const a = ok(richTextFromJson(input));
    const b = ok(richTextFromJson(input));
    expect(b).toEqual(a);
    const again = ok(richTextFromJson(JSON.stringify(a.json)));
    expect(again).toEqual(a);
    expect(JSON.stringify(again.json)).toBe(JSON.stringify(a.json));
  });
});

describe("richTextFromPlain", () => {
  it("splits paragraphs on blank lines and keeps single line breaks and tabs", () => {
    const v = ok(richTextFromPlain("　　第一段\r\n第二行\r\n\r\n \u3000 \r\n\r\n第二段\t末尾 <b>&</b>\n\n"));
    expect(v.html).toBe("<p>　　第一段<br>第二行</p><p>第二段\t末尾 &lt;b&gt;&amp;&lt;/b&gt;</p>");
    expect(v.text).toBe("　　第一段\n第二行\n\n第二段\t末尾 <b>&</b>");
    expect(v.json).toEqual(
      doc(
        para([text("　　第一段"), br(), text("第二行")], { textFormat: 0, textStyle: "" }),
        para([text("第二段"), { detail: 2, mode: "normal", text: "\t", format: 0, style: "", type: "tab", version: 1 }, text("末尾 <b>&</b>")], { textFormat: 0, textStyle: "" }),
      ),
    );
  });

  it("produces the same result as the editor JSON it stands for", () => {
    const plain = "意见一\n补充\n\n意见二";
    const fromPlain = ok(richTextFromPlain(plain));
    expect(ok(richTextFromJson(JSON.stringify(fromPlain.json)))).toEqual(fromPlain);
    expect(ok(richTextFromPlain(fromPlain.text))).toEqual(fromPlain);
  });

  it("applies the same checks as the JSON path", () => {
    expect(richTextFromPlain("")).toEqual({ ok: false, error: "empty" });
    expect(richTextFromPlain(" \n\u3000\u200B\n\r\n\uFEFF")).toEqual({ ok: false, error: "empty" });
    expect(richTextFromPlain("字".repeat(11), { maxChars: 10 })).toEqual({ ok: false, error: "too_long" });
    expect(richTextFromPlain("字".repeat(10), { maxChars: 10 }).ok).toBe(true);
    expect(richTextFromPlain("a\u0000b")).toEqual({ ok: false, error: "invalid" });
    expect(richTextFromPlain("a\uDC00b")).toEqual({ ok: false, error: "invalid" });
  });

  it("reads a textarea the way the client editor does (shared module)", () => {
    expect(plainTextToEditorState("")).toEqual(doc(para([], { textFormat: 0, textStyle: "" })));
  });
});

describe("richTextFromForm", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.append(k, v);
    return f;
  };
  const names = { name: "body", jsonName: "bodyJson" };

  it("uses the editor's JSON when it was sent, else the textarea", () => {
    const json = JSON.stringify(doc(para([text("富文本", 1)])));
    expect(ok(richTextFromForm(form({ body: "富文本", bodyJson: json }), names)).html).toBe("<p><strong>富文本</strong></p>");
    expect(ok(richTextFromForm(form({ body: "纯文本", bodyJson: "" }), names)).html).toBe("<p>纯文本</p>");
    expect(ok(richTextFromForm(form({ body: "纯文本" }), names)).html).toBe("<p>纯文本</p>");
    expect(richTextFromForm(form({}), names)).toEqual({ ok: false, error: "empty" });
    expect(richTextFromForm(form({ body: "x", bodyJson: "{" }), names)).toEqual({ ok: false, error: "invalid" });
  });
});

describe("richTextFieldError", () => {
  it("maps each failure to an existing message key", () => {
    expect(richTextFieldError("empty")).toEqual({ key: "errors.required" });
    expect(richTextFieldError("too_long", { maxChars: 2000 })).toEqual({ key: "errors.tooLong", params: { max: 2000 } });
    expect(richTextFieldError("invalid")).toEqual({ key: "errors.invalid" });
  });
});
