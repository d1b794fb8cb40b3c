import { describe, expect, it } from "vitest";
import { newReceiptCode, readReceiptCode } from "~/intake/receipt-code";

describe("receipt codes", () => {
  it("makes MY-XXX-XXX codes of Crockford's base32, without I, L, O or U", () => {
    let i = 0;
    expect(newReceiptCode(() => i++)).toBe("MY-012-345");
    expect(newReceiptCode((max) => max - 1)).toBe("MY-ZZZ-ZZZ");
    for (let n = 0; n < 200; n++) expect(newReceiptCode()).toMatch(/^MY-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$/);
  });

  it("draws every character of the alphabet about equally often, in every position", () => {
    const seen = Array.from({ length: 6 }, () => new Map<string, number>());
    const n = 32_000;
    for (let k = 0; k < n; k++) [...newReceiptCode().replace(/-/g, "").slice(2)].forEach((ch, i) => seen[i]!.set(ch, (seen[i]!.get(ch) ?? 0) + 1));
    for (const position of seen) {
      expect(position.size).toBe(32);
      // 1,000 expected each; 5 standard deviations is about ±160.
      for (const count of position.values()) expect(Math.abs(count - n / 32)).toBeLessThan(160);
    }
  });

  it("reads a code as people type it: any case, spaces or dashes, without MY, full-width on a phone", () => {
    for (const typed of ["MY-7K3-9QF", "my 7k3 9qf", "MY7K39QF", "7K3-9QF", "７ｋ３９ｑｆ", " my_7k3.9qf "]) {
      expect(readReceiptCode(typed), typed).toBe("MY-7K3-9QF");
    }
  });

  it("reads O as 0 and I or L as 1, the letters a code never holds", () => {
    expect(readReceiptCode("MY-O1I-L00")).toBe("MY-011-100");
  });

  it("refuses what cannot be a code", () => {
    for (const typed of ["", "MY-7K3", "MY-7K3-9QFX", "MY-7K3-9QU", "7K3-9Q！", "<script>"]) expect(readReceiptCode(typed), typed).toBeNull();
  });
});
