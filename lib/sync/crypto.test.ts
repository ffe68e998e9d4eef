// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEncryption, isSealed, open, seal, unlock } from './crypto';

// Fewer iterations in tests (the check refuses fewer than 100,000).
const IT = 100_000;
const enc = (s: string) => new TextEncoder().encode(s);

describe('sync encryption', () => {
  it('round-trips a file and leaves no plain text in it', async () => {
    const { key } = await createEncryption('correct horse', IT);
    const plain = enc('{"title":"Attention Is All You Need"}');
    const sealed = await seal(key, 'devices/a/seg-1', plain);
    expect(isSealed(sealed)).toBe(true);
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('Attention');
    expect(await open(key, 'devices/a/seg-1', sealed)).toEqual(plain);
    // A fresh IV every time: the same file twice is two different ciphertexts.
    expect(await seal(key, 'devices/a/seg-1', plain)).not.toEqual(sealed);
  });

  it('unlocks with the right passphrase and says "wrong passphrase" otherwise', async () => {
    const { info, key } = await createEncryption('correct horse', IT);
    const again = await unlock('correct horse', info);
    const sealed = await seal(key, 'f', enc('x'));
    expect(await open(again, 'f', sealed)).toEqual(enc('x'));
    await expect(unlock('Correct horse', info)).rejects.toThrow(/wrong passphrase/);
    await expect(unlock('', info)).rejects.toThrow(/empty/);
  });

  it('refuses a changed byte, a truncated file or a file moved to another path', async () => {
    const { key } = await createEncryption('pw', IT);
    const sealed = await seal(key, 'a', enc('hello'));
    const flipped = sealed.slice();
    flipped[flipped.length - 1] ^= 1;
    await expect(open(key, 'a', flipped)).rejects.toThrow(/changed on the server/);
    await expect(open(key, 'a', sealed.subarray(0, 20))).rejects.toThrow(/truncated/);
    await expect(open(key, 'b', sealed)).rejects.toThrow(/does not decrypt/);
    await expect(open(key, 'a', enc('{"plain":true}'))).rejects.toThrow(/not encrypted/);
  });

  it('refuses a weakened key derivation named by the server', async () => {
    const { info } = await createEncryption('pw', IT);
    await expect(unlock('pw', { ...info, iterations: 1000 })).rejects.toThrow(/does not know/);
  });
});
