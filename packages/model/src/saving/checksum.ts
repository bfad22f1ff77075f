import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * 'sha256:' and the digest of `json` followed by `weights`. SHA-256 rather than a CRC so
 * that an edit anywhere, however placed, changes the digest; synchronous and the same in
 * Node and the browser.
 */
export function checksum(json: string, weights: Uint8Array): string {
  return `sha256:${bytesToHex(sha256.create().update(utf8ToBytes(json)).update(weights).digest())}`;
}
