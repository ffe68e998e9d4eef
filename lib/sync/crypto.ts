// Optional end-to-end encryption of everything sync writes. The key comes from the passphrase
// (PBKDF2-SHA256, 600,000 iterations: OWASP's 2023 figure), each file is AES-256-GCM with a
// random 96-bit IV, and the file's path is the additional data, so a file moved or swapped on
// the server fails to open instead of being read as another. A key-check value stored beside
// the salt tells a wrong passphrase at once, before anything is read or written.
import { DavError } from './errors';

export interface EncryptionInfo {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64: the check phrase sealed with the key. */
  check: string;
}

export const DEFAULT_ITERATIONS = 600_000;
const MAGIC = new TextEncoder().encode('PSE1');
const CHECK = 'papershelf key check';

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (!passphrase) throw new DavError('crypto', 'the passphrase is empty');
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals `plain` for the file at `path`: MAGIC ‖ IV ‖ AES-GCM(ciphertext ‖ tag). */
export async function seal(key: CryptoKey, path: string, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(path) }, key, plain as BufferSource),
  );
  const out = new Uint8Array(MAGIC.length + iv.length + ct.length);
  out.set(MAGIC);
  out.set(iv, MAGIC.length);
  out.set(ct, MAGIC.length + iv.length);
  return out;
}

export function isSealed(data: Uint8Array): boolean {
  return data.length >= MAGIC.length && MAGIC.every((b, i) => data[i] === b);
}

/** Opens what `seal` made for `path`; a wrong key, a changed byte or another path is a DavError('crypto'). */
export async function open(key: CryptoKey, path: string, data: Uint8Array): Promise<Uint8Array> {
  if (!isSealed(data) || data.length < MAGIC.length + 12 + 16)
    throw new DavError('crypto', `${path} is not encrypted by Papershelf (or is truncated)`);
  const iv = data.slice(MAGIC.length, MAGIC.length + 12);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(path) },
      key,
      data.subarray(MAGIC.length + 12) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new DavError('crypto', `${path} does not decrypt: it was changed on the server, or the passphrase is not the one it was written with`);
  }
}

/** A new salt and key for `passphrase`, with its check value. */
export async function createEncryption(passphrase: string, iterations = DEFAULT_ITERATIONS): Promise<{ info: EncryptionInfo; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derive(passphrase, salt, iterations);
  const check = await seal(key, 'key-check', new TextEncoder().encode(CHECK));
  return { info: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), check: toBase64(check) }, key };
}

/** The key for `passphrase`, or DavError('crypto', wrong passphrase) — nothing is read with a wrong key. */
export async function unlock(passphrase: string, info: EncryptionInfo): Promise<CryptoKey> {
  if (info.kdf !== 'PBKDF2-SHA256' || !(info.iterations >= 100_000))
    throw new DavError('protocol', 'the server folder names an encryption this version does not know');
  const key = await derive(passphrase, fromBase64(info.salt), info.iterations);
  try {
    const check = new TextDecoder().decode(await open(key, 'key-check', fromBase64(info.check)));
    if (check !== CHECK) throw new Error('mismatch');
  } catch {
    throw new DavError('crypto', 'wrong passphrase: it does not open this sync folder (nothing was read or written)');
  }
  return key;
}
