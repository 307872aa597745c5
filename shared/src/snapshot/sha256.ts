import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * An incremental sha256, the only thing hashing needs from a crypto library. The default is the
 * pure-JS `@noble/hashes` one, which is synchronous in browsers (WebCrypto's digest is async);
 * the relay injects Node's native `createHash("sha256")`, about ten times faster, through the
 * same shape. Both hash UTF-8, so they give the same digest for the same text.
 */
export interface Sha256 {
  /** Text is hashed as its UTF-8 bytes. */
  update(data: string | Uint8Array): void;
  /** Lowercase hex. */
  digest(): string;
}

export type Sha256Factory = () => Sha256;

const encoder = new TextEncoder();

export const nobleSha256: Sha256Factory = () => {
  const hash = sha256.create();
  return {
    update: (data) => {
      hash.update(typeof data === "string" ? encoder.encode(data) : data);
    },
    digest: () => bytesToHex(hash.digest()),
  };
};
