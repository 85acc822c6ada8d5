import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe token (invitations, sessions); only its hash is ever stored. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** argon2id, the library's default algorithm, with its default cost (19 MiB, 2 passes) as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
/** The hash of a random password, made once per process: what an unknown email is checked against. */
export function passwordDummy(): Promise<string> {
  dummyHash ??= hashPassword(newToken());
  return dummyHash;
}

/**
 * Checks a password against an account's hash, or, for an unknown account, against a dummy hash and
 * answers false: either way one argon2 verification runs, so the time of the answer does not say
 * which accounts exist ([A31]).
 */
export async function verifyAccountPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash !== undefined) return verifyPassword(passwordHash, password);
  await verifyPassword(await passwordDummy(), password);
  return false;
}

/** A readable generated password: 4 groups of 5 letters and digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i++)
    out += (i > 0 && i % 5 === 0 ? '-' : '') + alphabet[(bytes[i] as number) % alphabet.length];
  return out;
}
