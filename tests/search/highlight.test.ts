/** snippet(): matches found in folded text, marked on the original, cropped around the best window. */
import { describe, expect, it } from "vitest";
import { snippet } from "../../search/highlight";
import { queryTerms } from "../../search/tokenize";
import type { Snippet } from "../../search/engine";

const marked = (s: Snippet | null) => (s ?? []).filter((run) => run.match).map((run) => run.text);
const joined = (s: Snippet | null) => (s ?? []).map((run) => run.text).join("");

describe("snippet", () => {
  it("marks 個人資訊 in a traditional original when the query is 个人信息", () => {
    const original = "我們認為個人資訊應當受到保護。";
    const s = snippet(original, queryTerms("个人信息"));
    expect(marked(s)).toEqual(["個人資訊"]);
    expect(joined(s)).toBe(original);
  });

  it("marks full-width and upper-case text for folded terms", () => {
    expect(marked(snippet("ＡＰＰ收集Cookie的问题", ["app", "cookie"]))).toEqual(["ＡＰＰ", "Cookie"]);
  });

  it("marks Latin terms only as whole words", () => {
    expect(marked(snippet("apple 与 app", ["app"]))).toEqual(["app"]);
    expect(snippet("apple", ["app"])).toBeNull();
  });

  it("merges overlapping and adjacent matches into one mark", () => {
    const s = snippet("关于个人信息处理者的义务", ["个人", "信息", "处理者"]);
    expect(s).toEqual([
      { text: "关于", match: false },
      { text: "个人信息处理者", match: true },
      { text: "的义务", match: false },
    ]);
  });

  it("does not mark function words when there are other terms", () => {
    expect(marked(snippet("监护人的职责和监护人的权利", ["监护人", "的", "和"]))).toEqual(["监护人", "监护人"]);
    expect(marked(snippet("我的意见", ["的"]))).toEqual(["的"]);
  });

  it("returns null when no term occurs (or there are no terms)", () => {
    expect(snippet("完全无关的文字", ["个人信息"])).toBeNull();
    expect(snippet("个人信息", [])).toBeNull();
    expect(snippet("", ["个人信息"])).toBeNull();
  });

  it("crops a long text around the window with the most terms, with … at cut ends", () => {
    const original = "前文很长。".repeat(60) + "个人信息处理者应当对其个人信息处理活动负责。" + "后文也很长。".repeat(60);
    const s = snippet(original, ["个人信息", "处理活动"], { maxChars: 40 })!;
    expect(s[0]!.text.startsWith("…")).toBe(true);
    expect(s[s.length - 1]!.text.endsWith("…")).toBe(true);
    expect(marked(s)).toEqual(["个人信息", "个人信息处理活动"]); // adjacent matches merged
    const text = joined(s).replace(/…/g, "");
    expect(text.length).toBeLessThanOrEqual(42);
    expect(original.includes(text)).toBe(true);
  });

  it("prefers the window holding more distinct terms over an early lone match", () => {
    const original = "个人信息" + "无关内容。".repeat(50) + "敏感个人信息的单独同意" + "无关内容。".repeat(50);
    const s = snippet(original, ["个人信息", "单独同意"], { maxChars: 30 })!;
    expect(marked(s)).toEqual(expect.arrayContaining(["个人信息", "单独同意"]));
  });

  it("never cuts a surrogate pair, whatever the window", () => {
    const original = "😀𠮷".repeat(40) + "个人信息" + "𠮷😀".repeat(40);
    for (let maxChars = 1; maxChars <= 60; maxChars++) {
      const s = snippet(original, ["个人信息"], { maxChars })!;
      for (const run of s) {
        const text = run.text.replace(/…/g, "");
        expect(text, `maxChars ${maxChars}`).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
      expect(marked(s)).toEqual(["个人信息"]);
    }
  });

  it("keeps the whole text when it is shorter than maxChars", () => {
    const s = snippet("第128条个人信息", ["个人信息"]);
    expect(joined(s)).toBe("第128条个人信息");
  });
});
