/** Attachments are recognised by their bytes, named safely, and a file over the limit does not lose the form. */
import { describe, expect, it } from "vitest";
import { boundedUploadHandler, checkAttachment, cleanFileName, detectMediaType, FILE_TOO_LARGE } from "~/intake/attachments.server";

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe("attachments", () => {
  it("recognises PDF, JPEG, PNG and .docx by their bytes, whatever the name says", () => {
    expect(detectMediaType({ name: "纪要.pdf", bytes: new TextEncoder().encode("%PDF-1.7") })).toBe("application/pdf");
    expect(detectMediaType({ name: "签到表", bytes: bytes(0xff, 0xd8, 0xff, 0xe0) })).toBe("image/jpeg");
    expect(detectMediaType({ name: "x.jpg", bytes: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) })).toBe("image/png");
    expect(detectMediaType({ name: "纪要.docx", bytes: bytes(0x50, 0x4b, 0x03, 0x04) })).toContain("wordprocessingml");
    expect(detectMediaType({ name: "archive.zip", bytes: bytes(0x50, 0x4b, 0x03, 0x04) })).toBeNull();
    expect(detectMediaType({ name: "photo.png", bytes: new TextEncoder().encode("<html><script>") })).toBeNull();
    expect(checkAttachment({ name: "a.pdf", bytes: new Uint8Array() })).toEqual({ ok: false, error: "empty" });
  });

  it("keeps only the file's own name, without control characters", () => {
    expect(cleanFileName("C:\\Users\\li\\签到表.jpg")).toBe("签到表.jpg");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(cleanFileName("   ")).toBe("attachment");
  });

  it("reads past a file over the limit, answering FILE_TOO_LARGE, and keeps the other fields", async () => {
    const handler = boundedUploadHandler(8);
    async function* chunks(...parts: string[]) {
      for (const p of parts) yield new TextEncoder().encode(p);
    }
    expect(await handler({ filename: "big.pdf", contentType: "application/pdf", data: chunks("%PDF-", "1234", "5678") })).toBe(FILE_TOO_LARGE);
    const small = await handler({ filename: "s.pdf", contentType: "application/pdf", data: chunks("%PDF-", "1") });
    expect(small instanceof File && small.size).toBe(6);
    expect(await handler({ contentType: "text/plain", data: chunks("城南", "街道") })).toBe("城南街道");
  });
});
