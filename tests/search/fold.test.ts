/**
 * fold(): width, case and traditional → simplified, always one output unit per input unit so that
 * highlights found in folded text can be marked on the original.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fold } from "../../search/fold";

const blns: string[] = JSON.parse(readFileSync(new URL("../fixtures/blns.json", import.meta.url), "utf8"));

describe("fold", () => {
  it("turns full-width ASCII into half-width and lower-cases Latin", () => {
    expect(fold("第１２８条")).toBe("第128条");
    expect(fold("ＡＰＰ　Ｃｏｏｋｉｅ")).toBe("app cookie");
    expect(fold("GDPR")).toBe("gdpr");
    expect(fold("（一）")).toBe("(一)");
  });

  it("turns the ideographic space and other Unicode spaces into a plain space", () => {
    expect(fold("个人\u3000信息\u00a0保护")).toBe("个人 信息 保护");
  });

  it("turns traditional characters into simplified ones, character by character", () => {
    expect(fold("個人資訊")).toBe("个人资讯");
    expect(fold("個人資料保護法")).toBe("个人资料保护法");
    expect(fold("第一百二十八條")).toBe("第一百二十八条");
    // Taiwan variant form first (裡 → 裏), then simplified (裏 → 里).
    expect(fold("這裡")).toBe("这里");
  });

  it("does not damage simplified characters OpenCC would fold (著作权, 什么)", () => {
    expect(fold("著作权 显著 什么")).toBe("著作权 显著 什么");
    expect(fold("什麼 甚麼")).toBe("什么 甚么");
  });

  it("leaves simplified text, digits and punctuation as they are (the same string, no copy)", () => {
    const text = "个人信息处理者应当依照本法第128条的规定。";
    expect(fold(text)).toBe(text);
  });

  it("keeps the length of every string of the Big List of Naughty Strings", () => {
    for (const s of blns) expect(fold(s).length, JSON.stringify(s)).toBe(s.length);
  });

  it("folds each UTF-16 unit on its own, so char i of the output comes from char i of the input", () => {
    for (const s of blns) {
      if (/[\uD800-\uDFFF]/.test(s)) continue; // pairs are folded as pairs, checked below
      expect(fold(s)).toBe([...s].map((ch) => fold(ch)).join(""));
    }
  });

  it("maps CJK compatibility ideographs with a canonical decomposition to the unified character, keeping the length", () => {
    for (let c = 0xf900; c <= 0xfaff; c++) {
      const ch = String.fromCharCode(c);
      const unified = ch.normalize("NFC");
      expect(fold(ch).length).toBe(1);
      if (unified !== ch && unified.length === 1) expect(fold(ch)).toBe(fold(unified));
    }
    expect(fold("\uF900")).toBe("岂"); // 豈 (compatibility) → 豈 → 岂
    expect(fold("\uF91D")).toBe(fold("欄")); // 欄 → 欄 → 栏
    // U+FA0E 﨎 has no decomposition: a character of its own, left alone.
    expect(fold("\uFA0E")).toBe("\uFA0E");
  });

  it("keeps surrogate pairs whole and lone surrogates as they are", () => {
    expect(fold("𠮷野家 😀 Ａ")).toBe("𠮷野家 😀 a");
    expect(fold("a\uD800b\uDC00Ｃ")).toBe("a\uD800b\uDC00c");
  });

  it("folds long texts (beyond one conversion chunk) without losing characters", () => {
    const text = "個人資訊Ａ".repeat(5000);
    const folded = fold(text);
    expect(folded.length).toBe(text.length);
    expect(folded.slice(-10)).toBe("个人资讯a个人资讯a");
  });
});
