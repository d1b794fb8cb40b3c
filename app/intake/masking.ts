/**
 * Personal data is shown masked unless the viewer may see it and asks (each reveal is audited):
 * 张三 → 张*, 13812345678 → 138****5678, zhang@example.com → z***@example.com. Pure.
 */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  if (/^[\p{Script=Han}]/u.test(chars[0]!)) return `${chars[0]}${"*".repeat(Math.max(1, chars.length - 1))}`;
  // Latin names: keep the first letter of each word.
  return name.trim().split(/\s+/).map((w) => `${[...w][0]}${"*".repeat(Math.max(1, [...w].length - 1))}`).join(" ");
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, "");
  // Mobiles and landlines with area code: 138****5678, 057*****6666; local numbers keep two digits,
  // very short ones none.
  if (digits.length < 7) return "*".repeat(digits.length);
  if (digits.length >= 11) return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
  return `${"*".repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

export function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}

export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const chars = [...address];
  return `${chars.slice(0, Math.min(6, Math.ceil(chars.length / 3))).join("")}****`;
}
