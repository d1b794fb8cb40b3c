/** 身份, 渠道 and 日期 as staff write them, read as the platform's vocabulary. */
import { describe, expect, it } from "vitest";
import { CHANNELS, COMMENTER_CATEGORIES } from "../../db/schema/vocabulary";
import { readSaidOn } from "~/intake/import/said-on";
import { CATEGORY_CHOICES, CHANNEL_CHOICES, categoryFromName, channelFromName } from "~/intake/import/vocabulary-names";

describe("身份", () => {
  it.each([
    ["人大代表", "deputy"], ["全国人大代表", "deputy"], ["政协委员", "cppcc_member"], ["市政协委员", "cppcc_member"], ["律师", "lawyer"],
    ["专家", "expert"], ["学者", "expert"], ["专家学者", "expert"], ["企业", "enterprise"], ["公职人员", "official"], ["机关干部", "official"],
    ["居民", "resident"], ["群众", "resident"], ["村民", "resident"], ["学生", "student"], ["其他", "other"], ["其它", "other"],
    [" 律 师 ", "lawyer"], ["Lawyer", "lawyer"], ["cppcc_member", "cppcc_member"], ["Resident", "resident"],
  ])("%s → %s", (name, category) => {
    expect(categoryFromName(name)).toBe(category);
  });

  it("does not guess at unknown text", () => {
    for (const name of ["退休教师", "代表", "委员", "lawyer?"]) expect(categoryFromName(name), name).toBeNull();
  });

  it("reads back every name the template's drop-down offers", () => {
    for (const c of COMMENTER_CATEGORIES) expect(categoryFromName(CATEGORY_CHOICES[c])).toBe(c);
  });
});

describe("渠道", () => {
  it.each([
    ["网上", "online"], ["在线", "online"], ["座谈会", "symposium"], ["走访", "visit"], ["来信", "letter"], ["信函", "letter"],
    ["电话", "phone"], ["邮件", "email"], ["电子邮件", "email"], ["E-mail", "email"], ["问卷", "questionnaire"], ["问卷调查", "questionnaire"],
    ["Symposium", "symposium"],
  ])("%s → %s", (name, channel) => {
    expect(channelFromName(name)).toBe(channel);
  });

  it("does not guess at unknown text, and reads back every drop-down choice", () => {
    expect(channelFromName("飞鸽传书")).toBeNull();
    for (const c of CHANNELS) expect(channelFromName(CHANNEL_CHOICES[c])).toBe(c);
  });
});

describe("日期", () => {
  const today = "2026-11-30";
  it("accepts today and dates up to ten years back", () => {
    expect(readSaidOn("2026-11-30", today)).toEqual({ ok: true, value: "2026-11-30" });
    expect(readSaidOn("2016年1月1日", today)).toEqual({ ok: true, value: "2016-01-01" });
    expect(readSaidOn("2015-12-31", today)).toEqual({ ok: false, error: "dateTooOld" });
    expect(readSaidOn("2026-12-01", today)).toEqual({ ok: false, error: "dateFuture" });
  });

  it("reads Excel dates, date serials, yyyymmdd and text with a time, refusing what is not a calendar date", () => {
    expect(readSaidOn(new Date("2026-11-30T00:00:00Z"), today)).toEqual({ ok: true, value: "2026-11-30" });
    expect(readSaidOn(46356.75, today)).toEqual({ ok: true, value: "2026-11-30" });
    expect(readSaidOn("20260228", today)).toEqual({ ok: true, value: "2026-02-28" });
    expect(readSaidOn("2026-11-30T09:15:00+08:00", today)).toEqual({ ok: true, value: "2026-11-30" });
    expect(readSaidOn("2024-02-29", today)).toEqual({ ok: true, value: "2024-02-29" });
    for (const bad of ["2025-02-29", "2026-13-01", "2026年11月", "30/11/2026", "26-11-30", true, 12]) {
      expect(readSaidOn(bad, today), String(bad)).toEqual({ ok: false, error: "dateFormat" });
    }
    expect(readSaidOn(null, today)).toEqual({ ok: true, value: null });
    expect(readSaidOn("   ", today)).toEqual({ ok: true, value: null });
  });
});
