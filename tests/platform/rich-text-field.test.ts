import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// If the field (the server-rendered path) pulled in Lexical eagerly, importing it would throw here.
vi.mock("lexical", () => {
  throw new Error("lexical was imported by the server-rendered field");
});
vi.mock("@lexical/react/LexicalComposer", () => {
  throw new Error("@lexical/react was imported by the server-rendered field");
});

const { RichTextField } = await import("~/ui/editor/rich-text-field");
const { RichTextView } = await import("~/ui/editor/rich-text-view");

describe("RichTextField on the server", () => {
  it("renders a labelled textarea that works without JavaScript", () => {
    const html = renderToString(
      createElement(RichTextField, {
        name: "body", jsonName: "bodyJson", label: "您的意见", hint: "请写明理由", error: "此项必填。", required: true,
        describedBy: "quoted-article", defaultText: "第一行 <b>\n\n第二段",
      }),
    );
    expect(html).toContain('<label id="f-body-label" for="f-body">您的意见');
    expect(html).toMatch(/<textarea id="f-body" name="body" rows="8" aria-invalid="true" aria-describedby="f-body-hint f-body-error quoted-article" required="">/);
    expect(html).toContain("第一行 &lt;b&gt;\n\n第二段</textarea>");
    expect(html).toContain('<p class="field-error" id="f-body-error" role="alert">此项必填。</p>');
    // No JSON field and no editor until the editor has actually loaded in a browser.
    expect(html).not.toContain("bodyJson");
    expect(html).not.toContain("contenteditable");
  });

  it("keeps Lexical behind the lazy boundary", () => {
    const source = readFileSync(new URL("../../app/ui/editor/rich-text-field.tsx", import.meta.url), "utf8");
    const staticImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
    expect(staticImports).toEqual(["react"]);
    expect(source).toContain('lazy(() => import("./rich-text-editor.client"))');
  });
});

describe("RichTextView", () => {
  it("renders the stored HTML in a rich-text container", () => {
    expect(renderToString(createElement(RichTextView, { html: "<p><strong>意见</strong></p>" }))).toBe('<div class="rich-text"><p><strong>意见</strong></p></div>');
  });
});
