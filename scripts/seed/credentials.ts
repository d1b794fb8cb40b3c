import { randomInt } from "node:crypto";

export interface Credential {
  role: string;
  username: string;
  password: string;
  scope: string;
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A password that is easy to read aloud and type: three groups of four, ~60 bits. */
export function readablePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

export function printCredentials(credentials: Credential[]): void {
  const lines = [
    "",
    "================================================================",
    " Minyi demo accounts — shown once, now. Write them down.",
    " 民意演示账号——仅在首次启动时显示一次，请记下。",
    "================================================================",
    ...credentials.map((c) => ` ${c.role.padEnd(20)} ${c.username.padEnd(10)} ${c.password}   (${c.scope})`),
    "================================================================",
    "",
  ];
  console.log(lines.join("\n"));
}
