/**
 * Character folding for search: the text an index holds and the text a query is matched against
 * are both passed through fold(), so that 個人資訊 / 个人资讯, １２８ / 128 and GDPR / gdpr meet.
 *
 * fold() is length-preserving — output char i corresponds to input char i (UTF-16 units) — so a
 * match found in fold(original) can be marked on the original text (search/highlight.ts).
 * Hence no NFC/NFKC: normalisation composes and decomposes sequences and changes lengths.
 *
 * What is folded, one UTF-16 unit (or one surrogate pair) at a time:
 * - full-width ASCII U+FF01–U+FF5E → ASCII (１２８ → 128, Ａ → a);
 * - U+3000 ideographic space and the other Unicode spaces → " ";
 * - upper case → lower case wherever the lower-case form is one unit (Latin, Greek, Cyrillic …);
 * - traditional → simplified, character by character, from OpenCC's data (opencc-js): first the
 *   Taiwan/Hong Kong variant forms to OpenCC's standard traditional form (裡 → 裏), then
 *   traditional → simplified (個 → 个, 資 → 资). Mappings that would change the length (a BMP
 *   character whose simplified form is outside the BMP, or the reverse) are left out, and so are
 *   two that would damage simplified text (著, 么: see KEPT_AS_THEY_ARE);
 * - CJK compatibility ideographs U+F900–U+FAFF → their canonical unified ideograph (豈 U+F900 →
 *   豈 U+8C48), then folded like any other character. Deliberate: they are canonically equivalent
 *   (what NFC would do to them alone), appear in text converted from legacy encodings, and every one
 *   in this block maps to a single BMP unit, so the length is kept. Those that have no canonical
 *   decomposition (﨎 U+FA0E …) are real, unified characters and stay as they are.
 */
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";

interface FoldTables {
  /** Code unit → folded code unit, for the whole BMP (surrogates map to themselves). */
  bmp: Uint16Array;
  /** Astral code point → astral code point (both two units long), traditional → simplified. */
  astral: Map<number, number>;
}

let tables: FoldTables | null = null;

/** OpenCC dictionaries are "from to[ to2…]|from to|…"; the first target is the preferred one. */
function pairs(dict: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of dict.split("|")) {
    const [from, to] = entry.split(" ");
    if (from && to) out.push([from, to]);
  }
  return out;
}

/**
 * Characters OpenCC folds that are standard simplified characters in their own right, where the
 * fold would damage mainland text (and its segmentation): 著 in 著作权/显著/著名 (OpenCC reads it as
 * the traditional spelling of 着), 么 in 什么 (OpenCC's Taiwan variant table reads it as 幺).
 */
const KEPT_AS_THEY_ARE = new Set(["著", "么"]);

function buildTables(): FoldTables {
  const variants = new Map<string, string>([...pairs(HKVariantsRev), ...pairs(TWVariantsRev)]);
  const simplified = new Map<string, string>(pairs(TSCharacters));
  const toSimplified = (ch: string): string => {
    if (KEPT_AS_THEY_ARE.has(ch)) return ch;
    const standard = variants.get(ch) ?? ch;
    return simplified.get(standard) ?? standard;
  };

  const bmp = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { bmp[c] = c; continue; }
    let ch = String.fromCharCode(c);
    if (c >= 0xff01 && c <= 0xff5e) ch = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) ch = " ";
    else if (c >= 0xf900 && c <= 0xfaff) {
      const unified = ch.normalize("NFC");
      if (unified.length === 1) ch = unified;
    }
    const lower = ch.toLowerCase();
    if (lower.length === 1) ch = lower;
    const simple = toSimplified(ch);
    if (simple.length === 1) ch = simple;
    bmp[c] = ch.charCodeAt(0);
  }

  const astral = new Map<number, number>();
  for (const [from, to] of simplified) {
    if (from.length === 2 && to.length === 2 && from.codePointAt(0)! > 0xffff && to.codePointAt(0)! > 0xffff) {
      astral.set(from.codePointAt(0)!, to.codePointAt(0)!);
    }
  }
  return { bmp, astral };
}

function foldTables(): FoldTables {
  return (tables ??= buildTables());
}

const CHUNK = 8192;

/** See the module comment. Same UTF-16 length as the input; lone surrogates pass through. */
export function fold(text: string): string {
  const { bmp, astral } = foldTables();
  const n = text.length;
  let i = 0;
  // Most text has nothing to fold (or nothing until late): find the first change before allocating.
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (bmp[c] !== c) break;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (astral.has(cp)) break;
        i++;
      }
    }
  }
  if (i === n) return text;

  const out = new Uint16Array(n);
  for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        const to = astral.get(cp);
        if (to === undefined) {
          out[i] = c;
          out[i + 1] = text.charCodeAt(i + 1);
        } else {
          out[i] = 0xd800 + ((to - 0x10000) >> 10);
          out[i + 1] = 0xdc00 + ((to - 0x10000) & 0x3ff);
        }
        i++;
        continue;
      }
    }
    out[i] = bmp[c]!;
  }
  // fromCharCode keeps lone surrogates (TextDecoder would turn them into U+FFFD).
  let result = "";
  for (let k = 0; k < n; k += CHUNK) {
    result += String.fromCharCode.apply(null, out.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  }
  return result;
}
