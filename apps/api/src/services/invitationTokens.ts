import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { serverSecrets } from '../db/schema.ts';

// [A89] Invitation links can be shown again: the token is stored sealed (AES-256-GCM) beside its hash.
// The key is derived (HKDF-SHA256) from SECRET_KEY, or, without one, from a random secret the first
// start stored in the database: reading the database alone then unseals the links, which is why a
// deployment should set SECRET_KEY (kept outside the database, like its backups).

const VERSION = 'v1';
const SECRET_NAME = 'invitation-token-key';
const keys = new WeakMap<Db, Promise<Buffer>>();

function derive(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'assay', 'invitation tokens v1', 32));
}

async function storedSecret(db: Db): Promise<string> {
  // Two instances starting together: the first insert wins and both read it back.
  await db
    .insert(serverSecrets)
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, SECRET_NAME));
  if (!row) throw new Error('the server secret was not stored');
  return row.value;
}

/** The key that seals invitation tokens on this database; read once per process. */
export function tokenKey(db: Db, secretKey: string | undefined): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = secretKey ? Promise.resolve(derive(secretKey)) : storedSecret(db).then(derive);
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealToken(key: Buffer, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The token, or null when it cannot be unsealed (another key, a damaged value). */
export function unsealToken(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
