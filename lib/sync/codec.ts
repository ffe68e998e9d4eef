// How a sync file is stored: JSON, gzip-compressed, and sealed when the folder is encrypted.
// Reading checks each step and names the file that failed: a truncated or edited file on the
// server is an error to report, never something to half-read.
import { isSealed, open, seal } from './crypto';
import { DavError } from './errors';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export class Codec {
  /** `key`: the folder's encryption key, or undefined for a plain folder. */
  constructor(readonly key?: CryptoKey) {}

  async encode(path: string, value: unknown): Promise<Uint8Array> {
    const gz = await pipe(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream('gzip'));
    return this.key ? seal(this.key, path, gz) : gz;
  }

  async decode(path: string, data: Uint8Array): Promise<unknown> {
    let gz = data;
    if (this.key) gz = await open(this.key, path, data);
    else if (isSealed(data)) throw new DavError('crypto', `${path} is encrypted but this device has no passphrase for the folder`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(gz, new DecompressionStream('gzip')));
    } catch {
      throw new DavError('protocol', `${path} on the server is damaged (truncated or not a Papershelf file)`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new DavError('protocol', `${path} on the server is damaged (not valid JSON)`);
    }
  }
}
