/** Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane). */
import { hash, verify } from "@node-rs/argon2";

/** `Algorithm.Argon2id` in @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time as a real check, so the response does not tell whether an account exists. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("minyi-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
