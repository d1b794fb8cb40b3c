/**
 * Masking, at its edges: what lists and detail pages may show of a commenter (张*, 138****5678,
 * z***@example.com) when the name is one character, the name is English, the number is short or a
 * landline, or the e-mail's local part is one letter.
 */
import { describe, expect, it } from "vitest";
import { maskAddress, maskEmail, maskName, maskPhone } from "~/intake/masking";
import { maskedCommenter } from "~/intake/personal-data.server";

describe("masking names", () => {
  it("keeps the family name of a Chinese name and hides the rest, one star per character", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName(" 王五 ")).toBe("王*");
  });

  it("never shows a one-character name bare: the star hides that nothing follows", () => {
    expect(maskName("王")).toBe("王*");
    expect(maskName("A")).toBe("A*");
  });

  it("keeps the first letter of each word of an English name", () => {
    expect(maskName("Li")).toBe("L*");
    expect(maskName("John Smith")).toBe("J*** S****");
    expect(maskName("María  José")).toBe("M**** J***");
  });

  it("passes through an absent name", () => {
    expect(maskName(null)).toBeNull();
    expect(maskName("")).toBe("");
  });
});

describe("masking phone numbers", () => {
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("138 1234 5678")).toBe("138****5678");
  });

  it("masks a landline with its area code in the same way, whatever the separator", () => {
    expect(maskPhone("010-12345678")).toBe("010****5678");
    expect(maskPhone("0571-88886666")).toBe("057*****6666");
    expect(maskPhone("0571-8888666")).toBe("057****8666");
    expect(maskPhone("(0571) 88886666")).toBe("057*****6666");
  });

  it("hides a short number entirely", () => {
    expect(maskPhone("110")).toBe("***");
    expect(maskPhone("123456")).toBe("******");
  });

  // Known gap in masking.ts (not this module's file): a 7-digit local number comes back whole,
  // and an 8-digit one shows 7 of its digits. Intake normalises numbers to mobiles or landlines
  // with area codes, so these do not reach the database through the forms; reported for a fix.
  it("hides most of a local number without area code", () => {
    expect(maskPhone("8888666")).not.toBe("8888666");
    expect(maskPhone("88886666")!.replace(/\*/g, "").length).toBeLessThanOrEqual(4);
  });

  it("passes through an absent number", () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe("masking e-mail addresses", () => {
  it("keeps the first character of the local part and the whole domain", () => {
    expect(maskEmail("zhang@example.com")).toBe("z***@example.com");
    expect(maskEmail("张三@例子.中国")).toBe("张***@例子.中国");
  });

  it("gives a one-letter local part the same three stars, so its length is not shown", () => {
    expect(maskEmail("w@example.com")).toBe("w***@example.com");
  });

  it("hides anything that is not an address", () => {
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("not an address")).toBe("***");
    expect(maskEmail(null)).toBeNull();
  });
});

describe("masking addresses", () => {
  it("keeps about the first third, at most six characters", () => {
    expect(maskAddress("杭州市桐庐县城南街道迎春南路 88 号")).toBe("杭州市桐庐县****");
    expect(maskAddress("北京")).toBe("北****");
  });
});

describe("a commenter as lists show them", () => {
  const row = { name: "王", phone: "0571-88886666", email: "w@example.com", address: "淳安县千岛湖镇", idNumber: "330127199001011234", affiliation: "某律师事务所律师", erasedAt: null };

  it("masks every personal field and never carries the ID number", () => {
    const masked = maskedCommenter(row)!;
    expect(masked).toEqual({
      name: "王*", phone: "057*****6666", email: "w***@example.com", address: "淳安县****", hasIdNumber: true,
      affiliation: "某律师事务所律师", erased: false, revealable: true,
    });
    expect(JSON.stringify(masked)).not.toContain("1234");
  });

  it("shows nothing of an erased commenter", () => {
    expect(maskedCommenter({ ...row, erasedAt: new Date() })).toMatchObject({ name: null, phone: null, email: null, address: null, erased: true, revealable: false });
  });

  it("is absent when the comment has no commenter, and has nothing to reveal when only a work unit was given", () => {
    expect(maskedCommenter(null)).toBeNull();
    expect(maskedCommenter({ name: null, phone: null, email: null, address: null, idNumber: null, affiliation: "某企业", erasedAt: null })).toMatchObject({ revealable: false, name: null });
  });
});
