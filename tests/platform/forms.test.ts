import { describe, expect, it } from "vitest";
import { z } from "zod";
import { choice, decodeMessage, msg, optionalText, parseForm, requiredText } from "~/platform/forms";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};
const Schema = z.object({ name: requiredText(5), note: optionalText(10), level: choice(["a", "b"] as const) });

describe("form parsing", () => {
  it("accepts valid input, trimming text and dropping blank optional fields", () => {
    const r = parseForm(Schema, form({ name: "  张三 ", note: "   ", level: "a" }));
    expect(r).toMatchObject({ ok: true, data: { name: "张三", note: undefined, level: "a" } });
  });

  it("reports one translatable error per field and gives back what was typed", () => {
    const r = parseForm(Schema, form({ name: "", note: "0123456789x", level: "z", password: "secret" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({
      name: { key: "errors.required" },
      note: { key: "errors.tooLong", params: { max: 10 } },
      level: { key: "errors.invalidChoice" },
    });
    expect(r.values).toEqual({ name: "", note: "0123456789x", level: "z" });
  });

  it("treats a missing field as required, and rejects overlong text instead of cutting it", () => {
    const r = parseForm(Schema, form({ level: "b" }));
    expect(!r.ok && r.fieldErrors.name).toEqual({ key: "errors.required" });
    const long = parseForm(Schema, form({ name: "一二三四五六", level: "b" }));
    expect(!long.ok && long.fieldErrors.name).toEqual({ key: "errors.tooLong", params: { max: 5 } });
  });

  it("round-trips message keys with parameters and refuses unknown keys", () => {
    expect(decodeMessage(msg("errors.tooLong", { max: 200 }))).toEqual({ key: "errors.tooLong", params: { max: 200 } });
    expect(decodeMessage("not a key")).toEqual({ key: "errors.invalid" });
  });
});
